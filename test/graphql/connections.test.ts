// Every connection field pages both ways (first/after and last/before), through the real schema:
// walking backward from the end visits exactly what walking forward visits, in the same order,
// with Relay's pageInfo on each page. Batched connections (Actor.needs, Actor.cooperations)
// are also paged for several actors in one request.
import { GraphQLObjectType, GraphQLSchema, isInterfaceType, isObjectType } from 'graphql';
import { buildHubSchema } from '../../src/graphql/build-schema';
import { Role } from '../../src/graphql/viewer';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { demoIds } from '../modules/actors/demo-ids';
import { openNeed, withPg } from '../modules/needs/need-fixtures';

const ACTOR_TYPES = ['Club', 'School', 'Initiative', 'NetworkRole', 'Organization'];
const PAGE_ARGS = ['first', 'after', 'last', 'before'];

interface PageResult {
  cursors: string[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

/** A connection reached by a document; `at` is the path of the connection in `data`. */
interface Case {
  name: string;
  doc: string;
  variables?: Record<string, unknown>;
  at: string[];
  /** A connection without totalCount (the contract gives ActivityConnection none). */
  noTotal?: boolean;
  /** Who pages (default an ADMIN); consultations are only their parties' to list. */
  token?: string;
}

const SELECTION = `(first: $first, after: $after, last: $last, before: $before) {
  edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount }`;
const VARS = '$first: Int, $after: String, $last: Int, $before: String';
const SELECTION_NO_TOTAL = SELECTION.replace(' totalCount }', ' }');

function connectionFields(schema: GraphQLSchema): string[] {
  const fields: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const f of Object.values((type as GraphQLObjectType).getFields())) {
      if (/Connection!?$/.test(String(f.type))) fields.push(`${type.name}.${f.name}`);
    }
  }
  return fields.sort();
}

describe('connections', () => {
  let t: TestHub;
  let admin: string;
  const cases: Case[] = [];

  const fetchPage = async (c: Case, page: Record<string, unknown>): Promise<PageResult> => {
    const res = await t.gql(c.doc, { ...c.variables, ...page }, c.token ?? admin);
    if (res.errors) throw new Error(`${c.name}: ${JSON.stringify(res.errors)}`);
    let conn = res.data as unknown;
    for (const key of c.at) conn = (conn as Record<string, unknown>)[key];
    const { edges, pageInfo, totalCount } = conn as {
      edges: { cursor: string }[];
      pageInfo: PageResult['pageInfo'];
      totalCount: number;
    };
    return { cursors: edges.map((e) => e.cursor), pageInfo, totalCount };
  };

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    admin = await t.token(Role.ADMIN);
    const demo = await demoIds(t);
    const region = demo.region('Büsum');
    const all = await t.gql<{ actors: { nodes: Array<{ id: string; __typename: string }> } }>(
      '{ actors(first: 100) { nodes { id __typename } } }',
    );
    // Three of everything for one actor of each type, so every connection has several pages.
    for (const typename of ACTOR_TYPES) {
      const actor = all.data!.actors.nodes.find((a) => a.__typename === typename);
      if (!actor) throw new Error(`the demo data has no ${typename}`);
      const others = all.data!.actors.nodes.filter((a) => a.id !== actor.id).map((a) => a.id);
      for (let i = 1; i <= 3; i++) {
        await openNeed(t, actor.id, { title: `Bedarf ${i} von ${typename}` });
        const offer = await t.gql(
          'mutation($input: CreateOfferInput!) { createOffer(input: $input) { id } }',
          { input: { actorId: actor.id, kind: 'ROOM', title: `Angebot ${i} von ${typename}` } },
          admin,
        );
        const coop = await t.gql(
          'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
          {
            input: {
              kind: 'PARTNERSHIP',
              title: `Kooperation ${i} von ${typename}`,
              participantIds: [actor.id, others[i]],
            },
          },
          admin,
        );
        expect([offer.errors, coop.errors]).toEqual([undefined, undefined]);
      }
      for (const field of ['needs', 'offers', 'cooperations']) {
        cases.push({
          name: `${typename}.${field}`,
          doc: `query($id: ID!, ${VARS}) { node(id: $id) { ... on ${typename} { c: ${field}${SELECTION} } } }`,
          variables: { id: actor.id },
          at: ['node', 'c'],
        });
      }
    }
    // Accounts are invited by mail; here they are written directly, several pages of them.
    await withPg(t, (c) =>
      c.query(
        `INSERT INTO account (email, display_name, role)
         SELECT 'person' || i || '@example.org', 'Person ' || i, 'ADMIN' FROM generate_series(1, 5) i`,
      ),
    );
    // Contact points: a handful in the region, listed by name.
    for (let i = 1; i <= 5; i++) {
      const cp = await t.gql(
        'mutation($input: CreateContactPointInput!) { createContactPoint(input: $input) { id } }',
        {
          input: {
            kind: 'BRANCH_OFFICE',
            name: `Sprechstunde ${i}`,
            regionId: region,
            hours: [{ rrule: 'FREQ=WEEKLY;BYDAY=TU', opensAt: '09:00', closesAt: '12:00' }],
          },
        },
        admin,
      );
      expect(cp.errors).toBeUndefined();
    }
    // Events: a weekly series of five, listed in start order.
    const series = await t.gql(
      'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
      {
        input: {
          kind: 'STAMMTISCH',
          title: 'Stammtisch',
          organizerId: all.data!.actors.nodes[0].id,
          startsAt: new Date(Date.now() + 86400000).toISOString(),
          endsAt: new Date(Date.now() + 90000000).toISOString(),
          recurrence: 'FREQ=WEEKLY;COUNT=5',
        },
      },
      admin,
    );
    expect(series.errors).toBeUndefined();
    for (const field of [
      'actors',
      'needs',
      'offers',
      'auditLog',
      'accounts',
      'contactPoints',
      'events',
    ]) {
      cases.push({
        name: `Query.${field}`,
        doc: `query(${VARS}) { c: ${field}${SELECTION} }`,
        at: ['c'],
      });
    }
    cases.push({
      name: 'Network.isolatedActors',
      doc: `query($id: ID!, ${VARS}) { network(regionId: $id) { c: isolatedActors${SELECTION} } }`,
      variables: { id: demo.region('Amt Büsum-Wesselburen') },
      at: ['network', 'c'],
    });
    cases.push({
      name: 'Query.activity',
      doc: `query($regionId: ID!, ${VARS}) { c: activity(regionId: $regionId, first: $first, after: $after, last: $last, before: $before) ${SELECTION_NO_TOTAL.slice(SELECTION_NO_TOTAL.indexOf('{'))} }`,
      // Every activity the cases above wrote, in the whole Amt.
      variables: { regionId: demo.region('Amt Büsum-Wesselburen') },
      at: ['c'],
      noTotal: true,
    });
    // Consultations, listed for the asking club's member; published answers, for everyone.
    const asker = all.data!.actors.nodes[0].id;
    const member = await t.token(Role.MEMBER, { actorIds: [asker] });
    for (let i = 1; i <= 5; i++) {
      const asked = await t.gql(
        'mutation($input: AskPilotsInput!) { askPilots(input: $input) { id } }',
        { input: { actorId: asker, area: 'TAX', subject: `Frage ${i}`, question: 'Wie?' } },
        member,
      );
      expect(asked.errors).toBeUndefined();
    }
    await withPg(t, (c) =>
      c.query(
        `INSERT INTO knowledge_article (area, title, body)
         SELECT 'TAX', 'Antwort ' || i, 'Text ' || i FROM generate_series(1, 5) i`,
      ),
    );
    cases.push({
      name: 'Query.consultations',
      doc: `query(${VARS}) { c: consultations${SELECTION} }`,
      at: ['c'],
      token: member,
    });
    // A survey of the Amt with five answers, entered by an ADMIN for five invited actors.
    const survey = await t.gql<{ createSurvey: { id: string; questions: { id: string }[] } }>(
      `mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { id questions { id } } }`,
      {
        input: {
          title: 'Seitenweise Umfrage',
          regionId: demo.region('Amt Büsum-Wesselburen'),
          questions: [{ kind: 'TEXT', text: 'Was fehlt?' }],
        },
      },
      admin,
    );
    const surveyId = survey.data!.createSurvey.id;
    expect(
      (await t.gql('mutation($id: ID!) { openSurvey(id: $id) { id } }', { id: surveyId }, admin))
        .errors,
    ).toBeUndefined();
    const invited = await withPg(t, async (c) =>
      (
        await c.query<{ actor_id: number }>(
          `SELECT actor_id FROM survey_invitation ORDER BY id LIMIT 5`,
        )
      ).rows.map((r) => Buffer.from(`Actor:${r.actor_id}`).toString('base64url')),
    );
    for (const actorId of invited) {
      const answered = await t.gql(
        'mutation($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { id } }',
        {
          input: {
            surveyId,
            actorId,
            answers: [{ questionId: survey.data!.createSurvey.questions[0].id, text: 'Räume' }],
          },
        },
        admin,
      );
      expect(answered.errors).toBeUndefined();
    }
    cases.push({
      name: 'Survey.responses',
      doc: `query($id: ID!, ${VARS}) { node(id: $id) { ... on Survey { c: responses${SELECTION} } } }`,
      variables: { id: surveyId },
      at: ['node', 'c'],
    });
    // A funding programme's applications, listed for the applying club's member.
    const programmeId = await withPg(t, async (c) => {
      const asking = Number(Buffer.from(asker, 'base64url').toString('utf8').split(':')[1]);
      const { rows } = await c.query(
        `INSERT INTO funding_programme (name, region_id, period_start, period_end, budget_cents)
         SELECT 'Budget', region_id, '2026-01-01', '2026-12-31', 100000 FROM actor WHERE id = $1
         RETURNING id, region_id`,
        [asking],
      );
      await c.query(
        `INSERT INTO funding_application (programme_id, applicant_id, region_id, title, purpose,
           requested_cents) SELECT $1, $2, $3, 'Antrag ' || i, 'Zweck', 100 FROM generate_series(1, 5) i`,
        [rows[0].id, asking, rows[0].region_id],
      );
      return Buffer.from(`FundingProgramme:${rows[0].id}`).toString('base64url');
    });
    cases.push({
      name: 'FundingProgramme.applications',
      doc: `query($id: ID!, ${VARS}) { node(id: $id) { ... on FundingProgramme { c: applications${SELECTION} } } }`,
      variables: { id: programmeId },
      at: ['node', 'c'],
      token: member,
    });
    cases.push({
      name: 'Query.knowledgeArticles',
      doc: `query(${VARS}) { c: knowledgeArticles${SELECTION} }`,
      at: ['c'],
    });
    for (const field of ['actors', 'needs']) {
      cases.push({
        name: `Region.${field}`,
        doc: `query($id: ID!, ${VARS}) { region(id: $id) { c: ${field}${SELECTION} } }`,
        variables: { id: region },
        at: ['region', 'c'],
      });
    }
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('every connection field of the schema takes first, after, last and before', async () => {
    const schema = await buildHubSchema();
    const fields = connectionFields(schema);
    expect(fields.length).toBeGreaterThanOrEqual(24);
    const missing = fields.flatMap((name) => {
      const [type, field] = name.split('.');
      const args = (schema.getType(type) as GraphQLObjectType).getFields()[field].args;
      return PAGE_ARGS.filter((a) => !args.some((x) => x.name === a)).map((a) => `${name}(${a})`);
    });
    // A new connection takes `@Args() page: PageArgs` (src/graphql/relay.types.ts).
    expect({ 'connection arguments missing (use PageArgs)': missing }).toEqual({
      'connection arguments missing (use PageArgs)': [],
    });
    // Each concrete field is walked below; the interface's are resolved by the same resolvers.
    const walked = new Set(cases.map((c) => c.name));
    const unwalked = fields.filter((f) => !walked.has(f) && !f.startsWith('Actor.'));
    expect({ 'connections without a case in this file (add one in beforeAll)': unwalked }).toEqual({
      'connections without a case in this file (add one in beforeAll)': [],
    });
  });

  it('walks each connection backward (last/before) over exactly what forward (first/after) visits', async () => {
    for (const c of cases) {
      // About eight pages each way, at least two items a page.
      const size = c.noTotal
        ? 2
        : Math.max(2, Math.ceil((await fetchPage(c, { first: 1 })).totalCount / 8));
      const forward: string[] = [];
      let after: string | null = null;
      for (let n = 0; n < 100; n++) {
        const page = await fetchPage(c, { first: size, after });
        forward.push(...page.cursors);
        expect([c.name, page.pageInfo.hasPreviousPage]).toEqual([c.name, after !== null]);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      const backward: string[] = [];
      let before: string | null = null;
      let total = 0;
      for (let n = 0; n < 100; n++) {
        const page = await fetchPage(c, { last: size, before });
        total = page.totalCount;
        expect([c.name, page.cursors.length <= size]).toEqual([c.name, true]);
        expect([c.name, page.pageInfo.startCursor, page.pageInfo.endCursor]).toEqual([
          c.name,
          page.cursors[0] ?? null,
          page.cursors[page.cursors.length - 1] ?? null,
        ]);
        // Coming from `before`, there are rows after this page; the last page has none.
        expect([c.name, page.pageInfo.hasNextPage]).toEqual([c.name, before !== null]);
        backward.unshift(...page.cursors);
        if (!page.pageInfo.hasPreviousPage) break;
        before = page.pageInfo.startCursor;
      }
      expect([c.name, forward.length >= 3, new Set(forward).size]).toEqual([
        c.name,
        true,
        forward.length,
      ]);
      expect([c.name, backward]).toEqual([c.name, forward]);
      if (!c.noTotal) expect([c.name, total]).toEqual([c.name, forward.length]);
      // A window between two cursors.
      const middle = await fetchPage(c, { last: 5, after: forward[0], before: forward[2] });
      expect([c.name, middle.cursors]).toEqual([c.name, [forward[1]]]);
      expect([c.name, middle.pageInfo.hasNextPage, middle.pageInfo.hasPreviousPage]).toEqual([
        c.name,
        true,
        false,
      ]);
    }
  });

  it('refuses first with last, last out of bounds and a bad before cursor as BAD_USER_INPUT', async () => {
    for (const c of cases) {
      for (const [page, field] of [
        [{ first: 2, last: 2 }, 'first'],
        [{ last: 101 }, 'last'],
        [{ last: 0 }, 'last'],
        [{ last: 2, before: 'not-a-cursor' }, 'before'],
      ] as const) {
        const res = await t.gql(c.doc, { ...c.variables, ...page }, admin);
        expect([c.name, res.errors?.[0]?.extensions]).toEqual([
          c.name,
          expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
        ]);
      }
    }
  });

  it('pages Actor.needs and Actor.cooperations backward for many actors in one request', async () => {
    const doc = `{ actors(first: 100) { nodes { id
        needs(last: 2) { edges { cursor } pageInfo { hasNextPage hasPreviousPage } }
        cooperations(last: 2) { edges { cursor } pageInfo { hasNextPage hasPreviousPage } } } } }`;
    type Conn = { edges: { cursor: string }[]; pageInfo: PageResult['pageInfo'] };
    const res = await t.gql<{
      actors: { nodes: Array<{ id: string; needs: Conn; cooperations: Conn }> };
    }>(doc, {}, admin);
    expect(res.errors).toBeUndefined();
    const withPages = res.data!.actors.nodes.filter((a) => a.needs.pageInfo.hasPreviousPage);
    expect(withPages.length).toBeGreaterThanOrEqual(ACTOR_TYPES.length);
    // Each actor's page in the batch equals its page asked for alone.
    for (const a of res.data!.actors.nodes.slice(0, 20)) {
      const alone = await t.gql<{ actor: { needs: Conn; cooperations: Conn } }>(
        `query($id: ID!) { actor(id: $id) {
          needs(last: 2) { edges { cursor } pageInfo { hasNextPage hasPreviousPage } }
          cooperations(last: 2) { edges { cursor } pageInfo { hasNextPage hasPreviousPage } } } }`,
        { id: a.id },
        admin,
      );
      expect({ id: a.id, ...alone.data!.actor }).toEqual({
        id: a.id,
        needs: a.needs,
        cooperations: a.cooperations,
      });
    }
  });
});
