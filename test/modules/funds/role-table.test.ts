// The access rows of engagement funds (README "Roles"), walked for every role: PUBLIC, a member
// of the applying club and of another actor, a member of the advisory board, a board member
// who also acts for the club (the conflict of interest), a networker, the coordinators of Büsum
// and of Wesselburen, an ADMIN. Reads end in `allowed` or `hidden` (absent, counts included);
// a refused write leaves every table as it was.
import { Role } from '../../../src/graphql/viewer';
import { GqlResponse, startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { dbId, withPg } from '../needs/need-fixtures';
import {
  apply,
  createBoard,
  createProgramme,
  DECIDE,
  must,
  PAY,
  REPORT,
  REVIEW,
  SUBMIT,
  submitted,
} from './funding-fixtures';

type RoleKey =
  | 'PUBLIC'
  | 'MEMBER'
  | 'MEMBER_OTHER'
  | 'BOARD'
  | 'BOARD_APPLICANT'
  | 'NETWORKER'
  | 'COORDINATOR'
  | 'COORDINATOR_OTHER'
  | 'ADMIN';
type Outcome = 'allowed' | 'hidden' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND';
const ROLES: RoleKey[] = [
  'PUBLIC',
  'MEMBER',
  'MEMBER_OTHER',
  'BOARD',
  'BOARD_APPLICANT',
  'NETWORKER',
  'COORDINATOR',
  'COORDINATOR_OTHER',
  'ADMIN',
];

interface Operation {
  write: boolean;
  prepare?(): Promise<string>;
  run(token: string | undefined, prepared: string): Promise<Outcome>;
}

let t: TestHub;
const tokens = new Map<RoleKey, string | undefined>();
const f = {} as Record<'club' | 'buesum' | 'board' | 'programme' | 'draft' | 'submitted', string>;
let seq = 0;

function outcomeOf(res: GqlResponse, ok: () => Outcome = () => 'allowed'): Outcome {
  const code = res.errors?.[0]?.extensions?.code;
  if (code) {
    if (['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND'].includes(String(code))) {
      return code as Outcome;
    }
    throw new Error(`unexpected error: ${JSON.stringify(res.errors)}`);
  }
  return ok();
}

const tk = (r: RoleKey) => tokens.get(r) as string;
const draft = () =>
  apply(t, tk('MEMBER'), { programmeId: f.programme, applicantId: f.club, title: `R${++seq}` });
const handedIn = () =>
  submitted(t, tk('MEMBER'), { programmeId: f.programme, applicantId: f.club });
const approved = async () => {
  const id = await handedIn();
  must(await t.gql(DECIDE, { input: { applicationId: id, approve: true } }, tk('COORDINATOR')));
  return id;
};
const paid = async () => {
  const id = await approved();
  must(await t.gql(PAY, { id, amount: 50_000 }, tk('COORDINATOR')));
  return id;
};

async function fingerprint(): Promise<string> {
  const tables = ['funding_programme', 'funding_application', 'funding_review'];
  tables.push('mail_outbox', 'audit_entry', 'activity');
  return withPg(t, async (c) => {
    const parts: string[] = [];
    for (const table of tables) {
      const r = await c.query(
        `SELECT count(*) AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${table} x`,
      );
      parts.push(`${table}:${r.rows[0].n}:${r.rows[0].h}`);
    }
    return parts.join(' ');
  });
}

const mutation = (doc: string, vars: (p: string) => Record<string, unknown>): Operation => ({
  write: true,
  run: async (token, p) => outcomeOf(await t.gql(doc, vars(p), token)),
});

/** node() and the programme's list (with its count) must agree. */
const readApplication =
  (which: 'draft' | 'submitted'): Operation['run'] =>
  async (token) => {
    const res = await t.gql<{
      node: { id: string } | null;
      programme: { applications: { totalCount: number; nodes: { id: string }[] } };
    }>(
      `query($id: ID!, $p: ID!) { node(id: $id) { id }
        programme: node(id: $p) { ... on FundingProgramme { applications(first: 100) { totalCount nodes { id } } } } }`,
      { id: f[which], p: f.programme },
      token,
    );
    return outcomeOf(res, () => {
      const byNode = res.data!.node !== null;
      const listed = res.data!.programme.applications;
      if (listed.nodes.some((n) => n.id === f[which]) !== byNode) {
        throw new Error('the application shows on one path and not on another');
      }
      if (listed.totalCount !== listed.nodes.length) throw new Error('counted while hidden');
      return byNode ? 'allowed' : 'hidden';
    });
  };

const OPERATIONS: Record<string, Operation> = {
  'fundingProgrammes, FundingProgramme, ledger': {
    write: false,
    run: async (token) => {
      const res = await t.gql<{ fundingProgrammes: { id: string; ledger: unknown[] }[] }>(
        `query($r: ID!) { fundingProgrammes(regionId: $r) { id budgetCents ledger { amountCents } } }`,
        { r: f.buesum },
        token,
      );
      return outcomeOf(res, () =>
        res.data!.fundingProgrammes.some((p) => p.id === f.programme) ? 'allowed' : 'hidden',
      );
    },
  },
  'createFundingProgramme in region': mutation(
    `mutation($input: CreateFundingProgrammeInput!) { createFundingProgramme(input: $input) { id } }`,
    () => ({
      input: {
        name: `Neu ${++seq}`,
        regionId: f.buesum,
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        budgetCents: 1000,
      },
    }),
  ),
  closeFundingProgramme: {
    ...mutation(`mutation($id: ID!) { closeFundingProgramme(id: $id) { id } }`, (p) => ({ id: p })),
    prepare: async () =>
      (await createProgramme(t, tk('COORDINATOR'), { regionId: f.buesum, name: `Z${++seq}` })).id,
  },
  'applyForFunding for own actor': mutation(
    `mutation($input: ApplyForFundingInput!) { applyForFunding(input: $input) { id } }`,
    () => ({
      input: {
        programmeId: f.programme,
        applicantId: f.club,
        title: 'Antrag',
        purpose: 'Zweck',
        requestedCents: 1000,
      },
    }),
  ),
  'read a submitted application (applications, totalCount, node)': {
    write: false,
    run: readApplication('submitted'),
  },
  'read a DRAFT': { write: false, run: readApplication('draft') },
  'FundingApplication.reviews': {
    write: false,
    run: async (token) => {
      const res = await t.gql<{ node: { reviews: unknown[] } | null }>(
        `query($id: ID!) { node(id: $id) { ... on FundingApplication { reviews { vote } } } }`,
        { id: f.submitted },
        token,
      );
      return outcomeOf(res, () =>
        (res.data!.node?.reviews.length ?? 0) > 0 ? 'allowed' : 'hidden',
      );
    },
  },
  submitApplication: { ...mutation(SUBMIT, (p) => ({ id: p })), prepare: draft },
  withdrawApplication: {
    ...mutation(`mutation($id: ID!) { withdrawApplication(id: $id) { id } }`, (p) => ({ id: p })),
    prepare: handedIn,
  },
  reviewApplication: {
    ...mutation(REVIEW, (p) => ({ input: { applicationId: p, vote: 'APPROVE' } })),
    prepare: handedIn,
  },
  decideApplication: {
    ...mutation(DECIDE, (p) => ({ input: { applicationId: p, approve: true } })),
    prepare: handedIn,
  },
  recordPayment: { ...mutation(PAY, (p) => ({ id: p, amount: 1000 })), prepare: approved },
  reportUse: {
    ...mutation(REPORT, (p) => ({
      input: { applicationId: p, report: 'Erledigt', spentCents: 40_000 },
    })),
    prepare: paid,
  },
};

const A = 'allowed';
const H = 'hidden';
const F = 'FORBIDDEN';
const U = 'UNAUTHENTICATED';
const N = 'NOT_FOUND';
// PUBLIC, MEMBER, MEMBER_OTHER, BOARD, BOARD_APPLICANT, NETWORKER, COORDINATOR, COORDINATOR_OTHER, ADMIN
const TABLE: Record<keyof typeof OPERATIONS, Outcome[]> = {
  'fundingProgrammes, FundingProgramme, ledger': [A, A, A, A, A, A, A, A, A],
  'createFundingProgramme in region': [U, F, F, F, F, F, A, F, F],
  closeFundingProgramme: [U, F, F, F, F, F, A, F, F],
  'applyForFunding for own actor': [U, A, F, F, A, F, F, F, F],
  'read a submitted application (applications, totalCount, node)': [H, A, H, A, A, H, A, H, H],
  'read a DRAFT': [H, A, H, H, A, H, H, H, H],
  'FundingApplication.reviews': [H, H, H, A, H, H, A, H, H],
  submitApplication: [U, A, N, N, A, N, N, N, N],
  withdrawApplication: [U, A, N, F, A, N, F, N, N],
  reviewApplication: [U, F, N, A, F, N, F, N, N],
  decideApplication: [U, F, N, F, F, N, A, N, N],
  recordPayment: [U, F, N, F, F, N, A, N, N],
  reportUse: [U, A, N, F, A, N, F, N, N],
};

const ROWS = Object.entries(TABLE).flatMap(([op, outcomes]) =>
  ROLES.map((role, i) => ({ op, role, expected: outcomes[i] })),
);

beforeAll(async () => {
  t = await startTestHub({ seed: true });
  const ids = await demoIds(t);
  f.club = ids.actor('Sportverein Büsum');
  f.buesum = ids.region('Büsum');
  f.board = await createBoard(t, dbId(f.buesum), 'Engagementbeirat Büsum');
  tokens.set('PUBLIC', undefined);
  tokens.set('MEMBER', await t.token(Role.MEMBER, { actorIds: [f.club], sub: 'verein' }));
  tokens.set(
    'MEMBER_OTHER',
    await t.token(Role.MEMBER, { actorIds: [ids.actor('Sportverein Wesselburen')] }),
  );
  tokens.set('BOARD', await t.token(Role.MEMBER, { actorIds: [f.board], sub: 'beirat' }));
  tokens.set(
    'BOARD_APPLICANT',
    await t.token(Role.MEMBER, { actorIds: [f.board, f.club], sub: 'beirat-verein' }),
  );
  tokens.set('NETWORKER', await t.token(Role.NETWORKER, { regionIds: [f.buesum] }));
  tokens.set('COORDINATOR', await t.token(Role.COORDINATOR, { regionIds: [f.buesum] }));
  tokens.set(
    'COORDINATOR_OTHER',
    await t.token(Role.COORDINATOR, { regionIds: [ids.region('Wesselburen')] }),
  );
  tokens.set('ADMIN', await t.token(Role.ADMIN));
  f.programme = (
    await createProgramme(t, tk('COORDINATOR'), {
      regionId: f.buesum,
      boardId: f.board,
      budgetCents: 100_000_000,
      reviewQuorum: 5,
    })
  ).id;
  f.draft = await draft();
  f.submitted = await handedIn();
  must(
    await t.gql(
      REVIEW,
      { input: { applicationId: f.submitted, vote: 'APPROVE', comment: 'Gut' } },
      tk('BOARD'),
    ),
  );
}, 120_000);

afterAll(() => t?.stop());

describe('the access table of engagement funds', () => {
  it('covers every role for every operation', () => {
    expect(Object.keys(TABLE).sort()).toEqual(Object.keys(OPERATIONS).sort());
    for (const outcomes of Object.values(TABLE)) expect(outcomes).toHaveLength(ROLES.length);
  });

  it.each(ROWS)('$op as $role: $expected', async ({ op, role, expected }) => {
    const operation = OPERATIONS[op];
    const prepared = (await operation.prepare?.()) ?? '';
    const refused = expected !== 'allowed' && operation.write;
    const before = refused ? await fingerprint() : '';
    expect(await operation.run(tokens.get(role), prepared)).toBe(expected);
    if (refused) expect(await fingerprint()).toBe(before);
  });
});
