// The access rows of surveys (README "Roles"), walked for every role: PUBLIC, a member of an
// invited club, a networker, the coordinators of Wesselburen and of Büsum, an ADMIN. Reads
// end in `allowed` or `hidden` (absent or empty); a refused write leaves every table as it was.
import { Role } from '../../../src/graphql/viewer';
import { GqlResponse, startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { withPg } from '../needs/need-fixtures';
import { answerTokens, createSurvey, must, OPEN, SUBMIT } from './survey-fixtures';

type RoleKey = 'PUBLIC' | 'MEMBER' | 'NETWORKER' | 'COORDINATOR' | 'COORDINATOR_OTHER' | 'ADMIN';
type Outcome = 'allowed' | 'hidden' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND';
const ROLES: RoleKey[] = [
  'PUBLIC',
  'MEMBER',
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
const f = {} as Record<
  'club' | 'wesselburen' | 'draft' | 'open' | 'response' | 'draftNeed',
  string
>;

function outcomeOf(res: GqlResponse, ok: () => Outcome = () => 'allowed'): Outcome {
  const code = res.errors?.[0]?.extensions?.code;
  if (code) {
    if (['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND'].includes(String(code)))
      return code as Outcome;
    throw new Error(`unexpected error: ${JSON.stringify(res.errors)}`);
  }
  return ok();
}

const tk = (r: RoleKey) => tokens.get(r) as string;
const draft = async () =>
  (await createSurvey(t, tk('COORDINATOR'), f.wesselburen, { audience: ['CLUB'] })).id;
const opened = async () => {
  const id = await draft();
  must(await t.gql(OPEN, { id }, tk('COORDINATOR')));
  return id;
};
const answers = (surveyId: string) =>
  withPg(t, async (c) => {
    const id = Number(Buffer.from(surveyId, 'base64url').toString().split(':')[1]);
    const qs = (await c.query('SELECT questions FROM survey WHERE id = $1', [id])).rows[0]
      .questions as { id: string }[];
    return [{ questionId: qs[0].id, choices: ['wöchentlich'] }];
  });

/** A DRAFT need: the member's NEED answer to a fresh survey. */
const draftNeed = async () => {
  const s = await createSurvey(t, tk('COORDINATOR'), f.wesselburen, {
    audience: ['CLUB'],
    questions: [{ kind: 'NEED', text: 'Was brauchen Sie?', needKind: 'ROOM' }],
  });
  must(await t.gql(OPEN, { id: s.id }, tk('COORDINATOR')));
  const answer = [{ questionId: s.questions[0].id, need: { title: 'Ein Raum' } }];
  const r = must(
    await t.gql<{ submitSurveyResponse: { id: string } }>(
      SUBMIT,
      { input: { surveyId: s.id, actorId: f.club, answers: answer } },
      tk('MEMBER'),
    ),
  ).submitSurveyResponse.id;
  const responseId = Number(Buffer.from(r, 'base64url').toString().split(':')[1]);
  const needId = await withPg(t, async (c) =>
    Number(
      (await c.query('SELECT need_id FROM survey_need WHERE response_id = $1', [responseId]))
        .rows[0].need_id,
    ),
  );
  return Buffer.from(`Need:${needId}`).toString('base64url');
};

async function fingerprint(): Promise<string> {
  const tables = [
    'survey',
    'survey_invitation',
    'survey_response',
    'survey_need',
    'need',
    'need_event',
    'link',
    'mail_outbox',
    'audit_entry',
    'activity',
  ];
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

const seenAs = async (token: string | undefined, id: string) => {
  const res = await t.gql<{ node: { id: string } | null; surveys: { id: string }[] }>(
    `query($id: ID!, $r: ID!) { node(id: $id) { id } surveys(regionId: $r) { id } }`,
    { id, r: f.wesselburen },
    token,
  );
  return outcomeOf(res, () => {
    const byNode = res.data!.node !== null;
    if (res.data!.surveys.some((s) => s.id === id) !== byNode)
      throw new Error('one path shows it, another not');
    return byNode ? 'allowed' : 'hidden';
  });
};

const OPERATIONS: Record<string, Operation> = {
  'read an opened survey (surveys, node)': { write: false, run: (token) => seenAs(token, f.open) },
  'read a DRAFT survey (surveys, node)': { write: false, run: (token) => seenAs(token, f.draft) },
  'read answers (responses, results, node of a response)': {
    write: false,
    run: async (token) => {
      const res = await t.gql<{
        s: { responses: { totalCount: number }; results: unknown[]; responseRates: unknown[] };
        r: { id: string } | null;
      }>(
        `query($s: ID!, $r: ID!) { s: node(id: $s) { ... on Survey { responses { totalCount } results { answered } responseRates { invited } } }
           r: node(id: $r) { id } }`,
        { s: f.open, r: f.response },
        token,
      );
      return outcomeOf(res, () => {
        const d = res.data!;
        const shown = [d.s.responses.totalCount > 0, d.s.results.length > 0, d.r !== null];
        if (new Set(shown).size !== 1)
          throw new Error(`answers on some paths only: ${JSON.stringify(shown)}`);
        return shown[0] ? 'allowed' : 'hidden';
      });
    },
  },
  'createSurvey in region': mutation(
    `mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { id } }`,
    () => ({
      input: {
        title: 'Neue Abfrage',
        regionId: f.wesselburen,
        questions: [{ kind: 'TEXT', text: 'Was fehlt?' }],
      },
    }),
  ),
  openSurvey: { ...mutation(OPEN, (p) => ({ id: p })), prepare: draft },
  closeSurvey: {
    ...mutation(`mutation($id: ID!) { closeSurvey(id: $id) { id } }`, (p) => ({ id: p })),
    prepare: opened,
  },
  remindSurvey: {
    ...mutation(`mutation($id: ID!) { remindSurvey(id: $id) }`, (p) => ({ id: p })),
    prepare: opened,
  },
  'submitSurveyResponse for own actor': {
    write: true,
    prepare: opened,
    run: async (token, p) =>
      outcomeOf(
        await t.gql(
          SUBMIT,
          { input: { surveyId: p, actorId: f.club, answers: await answers(p) } },
          token,
        ),
      ),
  },
  'read a DRAFT need (node, needs with status DRAFT)': {
    write: false,
    run: async (token) => {
      const res = await t.gql<{ node: { id: string } | null; needs: { nodes: { id: string }[] } }>(
        `query($id: ID!, $r: ID!) { node(id: $id) { id } needs(first: 100, filter: { regionId: $r, status: [DRAFT] }) { nodes { id } } }`,
        { id: f.draftNeed, r: f.wesselburen },
        token,
      );
      return outcomeOf(res, () => {
        const byNode = res.data!.node !== null;
        if (res.data!.needs.nodes.some((n) => n.id === f.draftNeed) !== byNode)
          throw new Error('paths disagree');
        return byNode ? 'allowed' : 'hidden';
      });
    },
  },
  publishNeed: {
    ...mutation(`mutation($id: ID!) { publishNeed(id: $id) { id } }`, (p) => ({ id: p })),
    prepare: draftNeed,
  },
  discardNeed: {
    ...mutation(`mutation($id: ID!) { discardNeed(id: $id) }`, (p) => ({ id: p })),
    prepare: draftNeed,
  },
  'submitSurveyResponse with the answer link': {
    write: true,
    prepare: opened,
    run: async (token, p) => {
      const title = await withPg(t, async (c) =>
        String((await c.query('SELECT title FROM survey ORDER BY id DESC LIMIT 1')).rows[0].title),
      );
      const [mail] = await answerTokens(t, title);
      return outcomeOf(
        await t.gql(
          SUBMIT,
          { input: { surveyId: p, invitationToken: mail.token, answers: await answers(p) } },
          token,
        ),
      );
    },
  },
};

const A = 'allowed';
const H = 'hidden';
const F = 'FORBIDDEN';
const U = 'UNAUTHENTICATED';
const N = 'NOT_FOUND';
// PUBLIC, MEMBER, NETWORKER, COORDINATOR, COORDINATOR_OTHER, ADMIN
const TABLE: Record<keyof typeof OPERATIONS, Outcome[]> = {
  'read an opened survey (surveys, node)': [A, A, A, A, A, A],
  'read a DRAFT survey (surveys, node)': [H, H, H, A, H, A],
  'read answers (responses, results, node of a response)': [H, H, H, A, H, A],
  'createSurvey in region': [U, F, F, A, F, A],
  openSurvey: [U, F, F, A, F, A],
  closeSurvey: [U, F, F, A, F, A],
  remindSurvey: [U, F, F, A, F, A],
  'submitSurveyResponse for own actor': [U, A, F, A, F, A],
  'submitSurveyResponse with the answer link': [A, A, A, A, A, A],
  'read a DRAFT need (node, needs with status DRAFT)': [H, H, H, A, H, A],
  publishNeed: [U, N, N, A, N, A],
  discardNeed: [U, N, N, A, N, A],
};

const ROWS = Object.entries(TABLE).flatMap(([op, outcomes]) =>
  ROLES.map((role, i) => ({ op, role, expected: outcomes[i] })),
);

beforeAll(async () => {
  t = await startTestHub({ seed: true });
  const ids = await demoIds(t);
  f.club = ids.actor('Sportverein Wesselburen');
  f.wesselburen = ids.region('Wesselburen');
  tokens.set('PUBLIC', undefined);
  tokens.set('MEMBER', await t.token(Role.MEMBER, { actorIds: [f.club] }));
  tokens.set('NETWORKER', await t.token(Role.NETWORKER, { regionIds: [f.wesselburen] }));
  tokens.set('COORDINATOR', await t.token(Role.COORDINATOR, { regionIds: [f.wesselburen] }));
  tokens.set(
    'COORDINATOR_OTHER',
    await t.token(Role.COORDINATOR, { regionIds: [ids.region('Büsum')] }),
  );
  tokens.set('ADMIN', await t.token(Role.ADMIN));
  f.draft = await draft();
  f.open = await opened();
  f.draftNeed = await draftNeed();
  f.response = must(
    await t.gql<{ submitSurveyResponse: { id: string } }>(
      SUBMIT,
      { input: { surveyId: f.open, actorId: f.club, answers: await answers(f.open) } },
      tk('MEMBER'),
    ),
  ).submitSurveyResponse.id;
}, 120_000);

afterAll(() => t?.stop());

describe('the access table of surveys', () => {
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
