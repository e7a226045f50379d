// The access rows of pilots, consultations and the knowledge base (README "Roles"), walked
// for every role: PUBLIC, a member of the asking club and of another, a networker, the
// assigned pilot and another pilot, the coordinators of Büsum and of Wesselburen, an ADMIN.
// Reads end in `allowed` or `hidden` (absent, counts included); a refused write leaves every
// table as it was.
import { Role } from '../../../src/graphql/viewer';
import { GqlResponse, startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { withPg } from '../needs/need-fixtures';
import { ask, ASSIGN, createPilot, must, pilotToken, REPLY } from './consultation-fixtures';

type RoleKey =
  | 'PUBLIC'
  | 'MEMBER'
  | 'MEMBER_OTHER'
  | 'NETWORKER'
  | 'PILOT'
  | 'PILOT_OTHER'
  | 'COORDINATOR'
  | 'COORDINATOR_OTHER'
  | 'ADMIN';
type Outcome = 'allowed' | 'hidden' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND';
const ROLES: RoleKey[] = [
  'PUBLIC',
  'MEMBER',
  'MEMBER_OTHER',
  'NETWORKER',
  'PILOT',
  'PILOT_OTHER',
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
const f = {} as Record<'club' | 'buesum' | 'pilot' | 'consultation', string>;
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
const asked = () => ask(t, tk('MEMBER'), f.club, { subject: `Rollenfrage ${++seq}` });
const assigned = async () => {
  const id = await asked();
  must(await t.gql(ASSIGN, { id, pilotId: f.pilot }, tk('COORDINATOR')));
  return id;
};
const answered = async () => {
  const id = await assigned();
  must(await t.gql(REPLY, { id, body: 'Antwort' }, tk('PILOT')));
  return id;
};

async function fingerprint(): Promise<string> {
  const tables = ['pilot', 'account', 'consultation', 'consultation_message', 'pilot_month_load'];
  tables.push('knowledge_article', 'mail_outbox', 'audit_entry', 'activity');
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

const OPERATIONS: Record<string, Operation> = {
  'pilots, Pilot profiles (name, areas, regions, bio)': {
    write: false,
    run: async (token) => {
      const res = await t.gql<{
        pilots: { id: string }[];
        node: { displayName: string; regions: { name: string }[] } | null;
      }>(
        `query($r: ID!, $p: ID!) { pilots(regionId: $r) { id } node(id: $p) { ... on Pilot { displayName regions { name } } } }`,
        { r: f.buesum, p: f.pilot },
        token,
      );
      return outcomeOf(res, () =>
        res.data!.pilots.some((p) => p.id === f.pilot) && res.data!.node ? 'allowed' : 'hidden',
      );
    },
  },
  'Pilot.openConsultationCount': {
    write: false,
    run: async (token) => {
      const res = await t.gql<{ node: { openConsultationCount: number | null } }>(
        `query($p: ID!) { node(id: $p) { ... on Pilot { openConsultationCount } } }`,
        { p: f.pilot },
        token,
      );
      return outcomeOf(res, () =>
        res.data!.node.openConsultationCount === null ? 'hidden' : 'allowed',
      );
    },
  },
  'createPilot in region': mutation(
    `mutation($input: CreatePilotInput!) { createPilot(input: $input) { id } }`,
    () => ({ input: { displayName: `Neu ${++seq}`, areas: ['TAX'], regionIds: [f.buesum] } }),
  ),
  'updatePilot in region': mutation(
    `mutation($id: ID!) { updatePilot(id: $id, input: { bio: "Steuerberaterin" }) { id } }`,
    () => ({ id: f.pilot }),
  ),
  'askPilots for own actor': mutation(
    `mutation($input: AskPilotsInput!) { askPilots(input: $input) { id } }`,
    () => ({ input: { actorId: f.club, area: 'TAX', subject: 'Frage', question: 'Wie?' } }),
  ),
  'read a consultation (consultations, totalCount, node)': {
    write: false,
    run: async (token) => {
      const res = await t.gql<{
        node: { id: string } | null;
        consultations?: { totalCount: number; nodes: { id: string }[] };
      }>(
        `query($id: ID!) { node(id: $id) { id }
          ${token ? 'consultations(first: 100) { totalCount nodes { id } }' : ''} }`,
        { id: f.consultation },
        token,
      );
      return outcomeOf(res, () => {
        const byNode = res.data!.node !== null;
        const listed = res.data!.consultations;
        if (listed && listed.nodes.some((n) => n.id === f.consultation) !== byNode) {
          throw new Error('the consultation shows on one path and not on another');
        }
        if (listed && !byNode && listed.totalCount !== 0) throw new Error('counted while hidden');
        return byNode ? 'allowed' : 'hidden';
      });
    },
  },
  'Consultation.suggestedPilots': {
    write: false,
    run: async (token) => {
      const res = await t.gql<{ node: { suggestedPilots: unknown[] } | null }>(
        `query($id: ID!) { node(id: $id) { ... on Consultation { suggestedPilots { score } } } }`,
        { id: f.consultation },
        token,
      );
      return outcomeOf(res, () =>
        (res.data!.node?.suggestedPilots.length ?? 0) > 0 ? 'allowed' : 'hidden',
      );
    },
  },
  assignConsultation: {
    ...mutation(ASSIGN, (p) => ({ id: p, pilotId: f.pilot })),
    prepare: asked,
  },
  replyToConsultation: {
    ...mutation(REPLY, (p) => ({ id: p, body: 'Eine Nachricht' })),
    prepare: assigned,
  },
  closeConsultation: {
    ...mutation(`mutation($id: ID!) { closeConsultation(id: $id) { id } }`, (p) => ({ id: p })),
    prepare: assigned,
  },
  withdrawConsultation: {
    ...mutation(`mutation($id: ID!) { withdrawConsultation(id: $id) { id } }`, (p) => ({ id: p })),
    prepare: assigned,
  },
  publishAnswer: {
    ...mutation(
      `mutation($input: PublishAnswerInput!) { publishAnswer(input: $input) { id } }`,
      (p) => ({ input: { consultationId: p, title: 'Frage', body: 'Antwort' } }),
    ),
    prepare: answered,
  },
  knowledgeArticles: {
    write: false,
    run: async (token) => {
      const res = await t.gql<{ knowledgeArticles: { totalCount: number } }>(
        `{ knowledgeArticles(text: "Rollenwissen") { totalCount } }`,
        {},
        token,
      );
      return outcomeOf(res, () =>
        res.data!.knowledgeArticles.totalCount > 0 ? 'allowed' : 'hidden',
      );
    },
  },
};

const A = 'allowed';
const H = 'hidden';
const F = 'FORBIDDEN';
const U = 'UNAUTHENTICATED';
const N = 'NOT_FOUND';
// PUBLIC, MEMBER, MEMBER_OTHER, NETWORKER, PILOT, PILOT_OTHER, COORDINATOR, COORDINATOR_OTHER, ADMIN
const TABLE: Record<keyof typeof OPERATIONS, Outcome[]> = {
  'pilots, Pilot profiles (name, areas, regions, bio)': [A, A, A, A, A, A, A, A, A],
  'Pilot.openConsultationCount': [H, H, H, H, A, H, A, H, A],
  'createPilot in region': [U, F, F, F, F, F, A, F, A],
  'updatePilot in region': [U, F, F, F, F, F, A, F, A],
  'askPilots for own actor': [U, A, F, F, F, F, F, F, F],
  'read a consultation (consultations, totalCount, node)': [H, A, H, H, A, H, A, H, H],
  'Consultation.suggestedPilots': [H, H, H, H, H, H, A, H, H],
  assignConsultation: [U, F, N, N, N, N, A, N, N],
  replyToConsultation: [U, A, N, N, A, N, A, N, N],
  closeConsultation: [U, A, N, N, F, N, A, N, N],
  withdrawConsultation: [U, A, N, N, F, N, F, N, N],
  publishAnswer: [U, F, N, N, F, N, A, N, N],
  knowledgeArticles: [A, A, A, A, A, A, A, A, A],
};

const ROWS = Object.entries(TABLE).flatMap(([op, outcomes]) =>
  ROLES.map((role, i) => ({ op, role, expected: outcomes[i] })),
);

beforeAll(async () => {
  t = await startTestHub({ seed: true });
  const ids = await demoIds(t);
  const admin = await t.token(Role.ADMIN);
  f.club = ids.actor('Sportverein Büsum');
  f.buesum = ids.region('Büsum');
  f.pilot = await createPilot(t, admin, {
    displayName: 'Rollenlotse',
    regionIds: [f.buesum],
    monthlyCapacity: 100, // every row assigns afresh
  });
  const other = await createPilot(t, admin, { displayName: 'Anderer', regionIds: [f.buesum] });
  tokens.set('PUBLIC', undefined);
  tokens.set('MEMBER', await t.token(Role.MEMBER, { actorIds: [f.club] }));
  tokens.set(
    'MEMBER_OTHER',
    await t.token(Role.MEMBER, { actorIds: [ids.actor('Sportverein Wesselburen')] }),
  );
  tokens.set('NETWORKER', await t.token(Role.NETWORKER, { regionIds: [f.buesum] }));
  tokens.set('PILOT', await pilotToken(t, f.pilot));
  tokens.set('PILOT_OTHER', await pilotToken(t, other));
  tokens.set('COORDINATOR', await t.token(Role.COORDINATOR, { regionIds: [f.buesum] }));
  tokens.set(
    'COORDINATOR_OTHER',
    await t.token(Role.COORDINATOR, { regionIds: [ids.region('Wesselburen')] }),
  );
  tokens.set('ADMIN', admin);
  f.consultation = await assigned();
  await withPg(t, (c) =>
    c.query(
      `INSERT INTO knowledge_article (area, title, body) VALUES ('TAX', 'Rollenwissen', 'Text')`,
    ),
  );
}, 120_000);

afterAll(() => t?.stop());

describe('the access table of pilots and consultations', () => {
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
