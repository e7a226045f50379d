// Query.activity: what the modules write (actors, cooperations, needs, pledges) in the
// transaction of their change, newest first, filtered by region and type, and shown only to
// callers who may see the subject (the node() predicates, decided when it is read).
import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { openNeed, PLEDGE, VOLUNTEER } from '../needs/need-fixtures';

const FEED = `query($regionId: ID!, $types: [ActivityType!], $first: Int, $after: String) {
  activity(regionId: $regionId, types: $types, first: $first, after: $after) {
    edges { cursor node { type summary occurredAt region { name } subject { id __typename } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

interface Item {
  type: string;
  summary: string;
  region: { name: string };
  subject: { id: string; __typename: string };
}
interface FeedData {
  activity: { edges: Array<{ cursor: string; node: Item }>; pageInfo: { hasNextPage: boolean } };
}

describe('Query.activity', () => {
  let t: TestHub;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let admin: string;
  let member: string;

  const feed = async (vars: Record<string, unknown>, token?: string) => {
    const res = await t.gql<FeedData>(FEED, { first: 100, ...vars }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.activity.edges.map((e) => e.node);
  };

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    ids = await demoIds(t);
    admin = await t.token(Role.ADMIN);
    member = await t.token(Role.MEMBER, { actorIds: [ids.actor('Gemeinde Büsum')] });
  });
  afterAll(() => t.stop());

  it('records NEED_OPENED, PLEDGE_MADE and NEED_FILLED with German summaries, newest first', async () => {
    const region = ids.region('Büsum');
    const need = await openNeed(t, ids.actor('Gemeinde Büsum'), {
      title: 'Hafenfest',
      quantity: 3,
    });
    const pledge = await t.gql(
      PLEDGE,
      { input: { needId: need.id, actorId: ids.actor('Stadt Wesselburen'), quantity: 1 } },
      admin,
    );
    expect(pledge.errors).toBeUndefined();
    const volunteer = await t.gql(VOLUNTEER, {
      input: {
        needId: need.id,
        name: 'Kanarienvogel Vertraulich',
        email: 'kanarienvogel@example.org',
        quantity: 2,
        consent: true,
      },
    });
    expect(volunteer.errors).toBeUndefined();
    const items = (await feed({ regionId: region }, admin)).filter((i) => i.subject.id === need.id);
    expect(items.map((i) => [i.type, i.summary])).toEqual([
      ['NEED_FILLED', '„Hafenfest“ von Gemeinde Büsum ist vollständig zugesagt'],
      ['PLEDGE_MADE', 'Eine Privatperson sagt 2 Helfende für „Hafenfest“ zu'],
      ['PLEDGE_MADE', 'Stadt Wesselburen sagt 1 helfende Person für „Hafenfest“ zu'],
      ['NEED_OPENED', 'Gemeinde Büsum sucht 3 Helfende: „Hafenfest“'],
    ]);
    expect(items[0]).toMatchObject({ region: { name: 'Büsum' }, subject: { __typename: 'Need' } });
    // The volunteer's name and e-mail appear nowhere in the log.
    const all = JSON.stringify(
      await feed({ regionId: ids.region('Amt Büsum-Wesselburen') }, admin),
    );
    expect(all).not.toMatch(/Kanarienvogel|kanarienvogel/i);
  });

  it('writes nothing when the change fails (an overbooked pledge)', async () => {
    const need = await openNeed(t, ids.actor('Gemeinde Büsum'), { title: 'Stühle', quantity: 1 });
    const before = await feed({ regionId: ids.region('Büsum') }, admin);
    const res = await t.gql(
      PLEDGE,
      { input: { needId: need.id, actorId: ids.actor('Stadt Wesselburen'), quantity: 5 } },
      admin,
    );
    expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await feed({ regionId: ids.region('Büsum') }, admin)).toEqual(before);
  });

  it('records ACTOR_CREATED and COOPERATION_CREATED; a PROPOSED cooperation only for partners', async () => {
    const created = await t.gql<{ createActor: { id: string } }>(
      'mutation($input: CreateActorInput!) { createActor(input: $input) { id } }',
      { input: { kind: 'CLUB', name: 'Boßelverein Süderdeich', regionId: ids.region('Büsum') } },
      admin,
    );
    const actorId = created.data!.createActor.id;
    const coop = await t.gql<{ createCooperation: { id: string } }>(
      'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
      {
        input: {
          kind: 'PARTNERSHIP',
          title: 'Boßeln am Deich',
          participantIds: [actorId, ids.actor('Gemeinde Büsum')],
        },
      },
      admin,
    );
    const coopId = coop.data!.createCooperation.id;
    const types = ['ACTOR_CREATED', 'COOPERATION_CREATED'];
    const seen = await feed({ regionId: ids.region('Büsum'), types }, member);
    expect(seen.slice(0, 2).map((i) => [i.type, i.summary, i.subject.id])).toEqual([
      [
        'COOPERATION_CREATED',
        'Neue Kooperation „Boßeln am Deich“: Boßelverein Süderdeich und Gemeinde Büsum',
        coopId,
      ],
      ['ACTOR_CREATED', 'Boßelverein Süderdeich ist neu im Netzwerk', actorId],
    ]);
    const anonymous = await feed({ regionId: ids.region('Büsum'), types });
    expect(anonymous.map((i) => i.subject.id)).toContain(actorId);
    expect(anonymous.map((i) => i.subject.id)).not.toContain(coopId);
  });

  it("decides on the subject as it is now: a need made NETWORK leaves the public's feed", async () => {
    const need = await openNeed(t, ids.actor('Stadt Wesselburen'), { title: 'Kohlfest' });
    const region = ids.region('Wesselburen');
    const ofNeed = async (token?: string) =>
      (await feed({ regionId: region, types: ['NEED_OPENED'] }, token)).filter(
        (i) => i.subject.id === need.id,
      ).length;
    expect([await ofNeed(), await ofNeed(member)]).toEqual([1, 1]);
    const upd = await t.gql(
      'mutation($id: ID!) { updateNeed(id: $id, input: { visibility: NETWORK }) { id } }',
      { id: need.id },
      admin,
    );
    expect(upd.errors).toBeUndefined();
    expect([await ofNeed(), await ofNeed(member)]).toEqual([0, 1]);
    // A need opened NETWORK never reaches the public at all.
    const internal = await openNeed(t, ids.actor('Stadt Wesselburen'), {
      title: 'Interne Sitzung',
      visibility: 'NETWORK',
    });
    const publicFeed = await feed({ regionId: region });
    expect(publicFeed.map((i) => i.subject.id)).not.toContain(internal.id);
  });

  it('includes the regions below, not those beside; filters types', async () => {
    await openNeed(t, ids.actor('Stadt Wesselburen'), { title: 'Marktplatz fegen' });
    const amt = await feed({ regionId: ids.region('Amt Büsum-Wesselburen') }, admin);
    expect(new Set(amt.map((i) => i.region.name))).toEqual(new Set(['Büsum', 'Wesselburen']));
    const buesum = await feed({ regionId: ids.region('Büsum') }, admin);
    expect(buesum.every((i) => i.region.name === 'Büsum')).toBe(true);
    expect(buesum.some((i) => i.summary.includes('Marktplatz'))).toBe(false);
    const opened = await feed(
      { regionId: ids.region('Amt Büsum-Wesselburen'), types: ['NEED_OPENED'] },
      admin,
    );
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.every((i) => i.type === 'NEED_OPENED')).toBe(true);
  });

  it('pages with first/after without gap or duplicate', async () => {
    const region = ids.region('Amt Büsum-Wesselburen');
    const whole = await feed({ regionId: region }, admin);
    const walked: Item[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const res: { data?: FeedData | null } = await t.gql<FeedData>(
        FEED,
        { regionId: region, first: 2, after },
        admin,
      );
      const conn: FeedData['activity'] = res.data!.activity;
      walked.push(...conn.edges.map((e) => e.node));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.edges[conn.edges.length - 1].cursor;
    }
    expect(walked).toEqual(whole);
  });

  it('refuses an unknown region (NOT_FOUND) and a bad cursor (BAD_USER_INPUT)', async () => {
    const unknown = await t.gql(FEED, {
      regionId: Buffer.from('Region:99999').toString('base64url'),
    });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const bad = await t.gql(FEED, { regionId: ids.region('Büsum'), after: 'nope' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
