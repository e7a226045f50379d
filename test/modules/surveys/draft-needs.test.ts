// NEED answers become DRAFT needs of the answering actor, invisible on every path for everyone
// but the coordinators of the region (node, need, needs and its totalCount, Region.needs,
// Actor.needs, search, the open-data download, pledges, updates) until publishNeed (OPEN, an
// OPENED event and a NEED_OPENED activity) or discardNeed; answering again replaces the
// unpublished drafts only.
import yauzl from 'yauzl';
import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { dbId, withPg } from '../needs/need-fixtures';
import { code, createSurvey, must, OPEN } from './survey-fixtures';

const RESPONSE_NEEDS = `mutation($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) {
  id needs { id status } } }`;

function unzipText(buf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const chunks: Buffer[] = [];
      zip.on('entry', (entry: yauzl.Entry) =>
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => zip.readEntry());
        }),
      );
      zip.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      zip.readEntry();
    });
  });
}

describe('DRAFT needs from survey answers', () => {
  let t: TestHub;
  let club: string;
  let wesselburen: string;
  let coordinator: string;
  let member: string;
  const others: Array<[string, string | undefined]> = [];
  let seq = 0;

  const count = (sql: string, params: unknown[] = []) =>
    withPg(t, async (c) => Number((await c.query(sql, params)).rows[0].n));

  /** An opened survey with a NEED question, answered by the club's member with `title`. */
  const answered = async (title: string) => {
    const s = await createSurvey(t, coordinator, wesselburen, {
      audience: ['CLUB'],
      questions: [
        { kind: 'NEED', text: 'Was brauchen Sie?', needKind: 'EQUIPMENT', required: true },
      ],
    });
    must(await t.gql(OPEN, { id: s.id }, coordinator));
    const submit = (needTitle: string, token = member) =>
      t.gql<{ submitSurveyResponse: { id: string; needs: { id: string; status: string }[] } }>(
        RESPONSE_NEEDS,
        {
          input: {
            surveyId: s.id,
            actorId: club,
            answers: [{ questionId: s.questions[0].id, need: { title: needTitle, quantity: 3 } }],
          },
        },
        token,
      );
    const res = must(await submit(title));
    const [draft] = await withPg(t, async (c) =>
      (
        await c.query(
          `SELECT n.id FROM survey_need sn JOIN need n ON n.id = sn.need_id
            WHERE sn.response_id = $1`,
          [dbId(res.submitSurveyResponse.id)],
        )
      ).rows.map((r) => Buffer.from(`Need:${r.id}`).toString('base64url')),
    );
    return { survey: s, response: res.submitSurveyResponse, draft, submit };
  };

  /** Whether the need shows for the token on any path; throws when paths disagree. */
  const shows = async (token: string | undefined, needId: string, title: string) => {
    const res = await t.gql<{
      node: { id: string } | null;
      need: { id: string } | null;
      all: { totalCount: number; nodes: { id: string }[] };
      drafts: { totalCount: number; nodes: { id: string }[] };
      region: { needs: { nodes: { id: string }[] } };
      actor: { needs: { totalCount: number; nodes: { id: string }[] } };
      search: Array<{ id?: string }>;
    }>(
      `query($id: ID!, $region: ID!, $actor: ID!, $text: String!) {
        node(id: $id) { id }
        need(id: $id) { id }
        all: needs(first: 100, filter: { regionId: $region }) { totalCount nodes { id } }
        drafts: needs(first: 100, filter: { regionId: $region, status: [DRAFT] }) { totalCount nodes { id } }
        region(id: $region) { needs(first: 100) { nodes { id } } }
        actor(id: $actor) { needs(first: 100) { totalCount nodes { id } } }
        search(text: $text) { ... on Need { id } }
      }`,
      { id: needId, region: wesselburen, actor: club, text: title },
      token,
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const d = res.data!;
    const inList = (l: { nodes: { id: string }[] }) => l.nodes.some((n) => n.id === needId);
    expect(inList(d.all)).toBe(false); // drafts are never in the default lists
    expect(inList(d.region.needs)).toBe(false);
    expect(inList(d.actor.needs)).toBe(false);
    expect(d.search.some((h) => h.id === needId)).toBe(false);
    const byNode = d.node !== null;
    expect(d.need !== null).toBe(byNode);
    expect(inList(d.drafts)).toBe(byNode);
    if (!byNode) expect(d.drafts.totalCount).toBe(0);
    return byNode;
  };

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    const ids = await demoIds(t);
    club = ids.actor('Sportverein Wesselburen');
    wesselburen = ids.region('Wesselburen');
    coordinator = await t.token(Role.COORDINATOR, { regionIds: [wesselburen] });
    member = await t.token(Role.MEMBER, { actorIds: [club] });
    others.push(
      ['PUBLIC', undefined],
      ['MEMBER of the actor', member],
      ['NETWORKER', await t.token(Role.NETWORKER, { regionIds: [wesselburen] })],
      [
        'COORDINATOR elsewhere',
        await t.token(Role.COORDINATOR, { regionIds: [ids.region('Büsum')] }),
      ],
    );
  }, 120_000);

  afterAll(() => t?.stop());

  it('makes a DRAFT need of the answering actor that only the region coordinators see', async () => {
    const title = `Zelte für das Sommerfest ${++seq}`;
    const { draft, response } = await answered(title);
    expect(draft).toBeDefined();
    // The submitter's own answer lists no draft: drafts are the coordinators' to review.
    expect(response.needs).toEqual([]);
    for (const [, token] of others) expect(await shows(token, draft, title)).toBe(false);
    expect(await shows(coordinator, draft, title)).toBe(true);
    expect(await shows(await t.token(Role.ADMIN), draft, title)).toBe(true);
    const row = await withPg(
      t,
      async (c) =>
        (
          await c.query('SELECT kind, status, quantity, actor_id FROM need WHERE id = $1', [
            dbId(draft),
          ])
        ).rows[0],
    );
    expect(row).toEqual({ kind: 'EQUIPMENT', status: 'DRAFT', quantity: 3, actor_id: dbId(club) });
    expect(
      await count('SELECT count(*) AS n FROM need_event WHERE need_id = $1', [dbId(draft)]),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM activity WHERE subject_type = 'Need' AND subject_id = $1`,
        [dbId(draft)],
      ),
    ).toBe(0);
    const zip = await fetch(`${t.hub.url}/open-data`);
    expect(zip.status).toBe(200);
    expect(await unzipText(Buffer.from(await zip.arrayBuffer()))).not.toContain(title);
  });

  it('takes no pledge, update or close on a draft', async () => {
    const { draft } = await answered(`Beamer ${++seq}`);
    const pledge = await t.gql(
      `mutation($input: PledgeInput!) { pledge(input: $input) { id } }`,
      { input: { needId: draft, actorId: club, quantity: 1 } },
      member,
    );
    expect(code(pledge)).toBe('NOT_FOUND');
    const update = await t.gql(
      `mutation($id: ID!) { updateNeed(id: $id, input: { title: "Anders" }) { id } }`,
      { id: draft },
      member,
    );
    expect(code(update)).toBe('NOT_FOUND');
    const close = await t.gql(
      `mutation($id: ID!) { closeNeed(id: $id) { id } }`,
      { id: draft },
      coordinator,
    );
    expect(code(close)).toBe('CONFLICT');
    expect(
      await count(`SELECT count(*) AS n FROM need WHERE id = $1 AND status = 'DRAFT'`, [
        dbId(draft),
      ]),
    ).toBe(1);
  });

  it('publishNeed opens it with an OPENED event and an activity; only coordinators may', async () => {
    const title = `Bierzeltgarnituren ${++seq}`;
    const { draft } = await answered(title);
    const PUBLISH = `mutation($id: ID!) { publishNeed(id: $id) { id status } }`;
    expect(code(await t.gql(PUBLISH, { id: draft }))).toBe('UNAUTHENTICATED');
    for (const [, token] of others.slice(1))
      expect(code(await t.gql(PUBLISH, { id: draft }, token))).toBe('NOT_FOUND');
    const published = must(
      await t.gql<{ publishNeed: { status: string } }>(PUBLISH, { id: draft }, coordinator),
    );
    expect(published.publishNeed.status).toBe('OPEN');
    expect(
      await count(`SELECT count(*) AS n FROM need_event WHERE need_id = $1 AND type = 'OPENED'`, [
        dbId(draft),
      ]),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*) AS n FROM activity WHERE type = 'NEED_OPENED' AND subject_id = $1`,
        [dbId(draft)],
      ),
    ).toBe(1);
    const seen = await t.gql<{ node: { id: string } | null }>(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: draft },
    );
    expect(seen.data?.node?.id).toBe(draft);
    expect(code(await t.gql(PUBLISH, { id: draft }, coordinator))).toBe('CONFLICT');
  });

  it('answering again replaces unpublished drafts and keeps published needs', async () => {
    const { draft, submit, response } = await answered(`Erste Fassung ${++seq}`);
    must(await submit(`Zweite Fassung ${seq}`));
    expect(await count('SELECT count(*) AS n FROM need WHERE id = $1', [dbId(draft)])).toBe(0);
    const drafts = () =>
      withPg(
        t,
        async (c) =>
          (
            await c.query<{ id: number; title: string; status: string }>(
              `SELECT n.id, n.title, n.status FROM survey_need sn JOIN need n ON n.id = sn.need_id
              WHERE sn.response_id = $1 ORDER BY n.id`,
              [dbId(response.id)],
            )
          ).rows,
      );
    const [second] = await drafts();
    expect(second.title).toBe(`Zweite Fassung ${seq}`);
    must(
      await t.gql(
        `mutation($id: ID!) { publishNeed(id: $id) { id } }`,
        {
          id: Buffer.from(`Need:${second.id}`).toString('base64url'),
        },
        coordinator,
      ),
    );
    must(await submit(`Dritte Fassung ${seq}`));
    const after = await drafts();
    expect(after.map((d) => [d.title, d.status])).toEqual([
      [`Zweite Fassung ${seq}`, 'OPEN'],
      [`Dritte Fassung ${seq}`, 'DRAFT'],
    ]);
    const listed = must(
      await t.gql<{ node: { responses: { nodes: { needs: { status: string }[] }[] } } }>(
        `query($id: ID!) { node(id: $id) { ... on Survey { responses { nodes { needs { status } } } } } }`,
        {
          id:
            (
              await withPg(
                t,
                async (c) =>
                  (
                    await c.query('SELECT survey_id FROM survey_response WHERE id = $1', [
                      dbId(response.id),
                    ])
                  ).rows[0].survey_id,
              )
            ).toString() &&
            Buffer.from(
              `Survey:${await withPg(t, async (c) => (await c.query('SELECT survey_id FROM survey_response WHERE id = $1', [dbId(response.id)])).rows[0].survey_id)}`,
            ).toString('base64url'),
        },
        coordinator,
      ),
    );
    expect(listed.node.responses.nodes[0].needs.map((n) => n.status)).toEqual(['OPEN', 'DRAFT']);
  });

  it('discardNeed deletes a draft, for coordinators only', async () => {
    const { draft } = await answered(`Verwerfen ${++seq}`);
    const DISCARD = `mutation($id: ID!) { discardNeed(id: $id) }`;
    expect(code(await t.gql(DISCARD, { id: draft }, member))).toBe('NOT_FOUND');
    expect(await count('SELECT count(*) AS n FROM need WHERE id = $1', [dbId(draft)])).toBe(1);
    expect(
      must(await t.gql<{ discardNeed: string }>(DISCARD, { id: draft }, coordinator)).discardNeed,
    ).toBe(draft);
    expect(await count('SELECT count(*) AS n FROM need WHERE id = $1', [dbId(draft)])).toBe(0);
  });
});
