import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from './demo-ids';

type Ids = Awaited<ReturnType<typeof demoIds>>;

const CREATE = `mutation($input: CreateActorInput!) {
  createActor(input: $input) { id __typename name kind topics website region { name } location { latitude longitude }
    publicContact { email phone }
    ... on NetworkRole { roleTitle hostedBy { name } }
    ... on Club { memberCount registeredAssociation openBoardPositions } }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { id name topics } }`;
const LIST = `query($filter: ActorFilter, $first: Int, $after: String, $last: Int, $before: String) {
  actors(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    totalCount nodes { id name } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
}`;

type ListData = {
  actors: {
    totalCount: number;
    nodes: { id: string; name: string }[];
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string;
      endCursor: string;
    };
  };
};

describe('actors', () => {
  let t: TestHub;
  let ids: Ids;
  let admin: string;

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    ids = await demoIds(t);
    admin = await t.token(Role.ADMIN);
  });
  afterAll(() => t.stop());

  const count = async () => (await t.gql<ListData>(LIST, { first: 1 })).data?.actors.totalCount;

  describe('createActor', () => {
    const base = () => ({
      kind: 'CLUB',
      name: 'Boßelverein Büsum',
      regionId: ids.region('Büsum'),
      topics: ['Sport', 'heimat'],
    });

    it('refuses PUBLIC, MEMBER, NETWORKER and coordinators of other regions', async () => {
      const before = await count();
      expect((await t.gql(CREATE, { input: base() })).errors?.[0].extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      for (const role of [Role.MEMBER, Role.NETWORKER]) {
        const res = await t.gql(
          CREATE,
          { input: base() },
          await t.token(role, { regionIds: [ids.region('Büsum')] }),
        );
        expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
      const other = await t.token(Role.COORDINATOR, { regionIds: [ids.region('Wesselburen')] });
      expect((await t.gql(CREATE, { input: base() }, other)).errors?.[0].extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect(await count()).toBe(before);
    });

    it('lets a coordinator of an enclosing region create a club, normalising topics', async () => {
      const coord = await t.token(Role.COORDINATOR, {
        regionIds: [ids.region('Amt Büsum-Wesselburen')],
      });
      const res = await t.gql<{ createActor: Record<string, unknown> }>(
        CREATE,
        {
          input: {
            ...base(),
            website: 'https://bosseln.example.org',
            memberCount: 40,
            location: { latitude: 54.13, longitude: 8.86 },
            publicContact: { email: 'info@example.org', phone: '+49 4834 1234' },
          },
        },
        coord,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.createActor).toMatchObject({
        __typename: 'Club',
        topics: ['sport', 'heimat'],
        region: { name: 'Büsum' },
        memberCount: 40,
        registeredAssociation: false,
        openBoardPositions: [],
        location: { latitude: 54.13, longitude: 8.86 },
        publicContact: { email: 'info@example.org', phone: '+49 4834 1234' },
      });
    });

    it('creates a network role hosted by an organisation', async () => {
      const res = await t.gql<{ createActor: Record<string, unknown> }>(
        CREATE,
        {
          input: {
            kind: 'NETWORK_ROLE',
            name: 'Bildungsmanagement Amt',
            roleTitle: 'Bildungsmanagerin',
            regionId: ids.region('Büsum'),
            hostedById: ids.actor('Sportverein Büsum'),
          },
        },
        admin,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.createActor).toMatchObject({
        __typename: 'NetworkRole',
        roleTitle: 'Bildungsmanagerin',
        hostedBy: { name: 'Sportverein Büsum' },
      });
    });

    it.each([
      [{ name: 'X' }, 'name'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ website: 'ftp://example.org' }, 'website'],
      [{ website: 'not a url' }, 'website'],
      [{ publicContact: { email: 'no-at-sign' } }, 'publicContact.email'],
      [{ publicContact: { phone: 'call me' } }, 'publicContact.phone'],
      [{ memberCount: -1 }, 'memberCount'],
      [{ pupilCount: 10 }, 'pupilCount'],
      [{ roleTitle: 'Koordinatorin' }, 'roleTitle'],
      [{ kind: 'NETWORK_ROLE' }, 'roleTitle'],
      [{ location: { latitude: 91, longitude: 8 } }, 'location.latitude'],
    ])('refuses %j naming %s, and writes nothing', async (patch, field) => {
      const before = await count();
      const res = await t.gql(CREATE, { input: { ...base(), ...patch } }, admin);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await count()).toBe(before);
    });

    it('answers NOT_FOUND for an unknown region or host', async () => {
      const res = await t.gql(
        CREATE,
        { input: { ...base(), regionId: 'UmVnaW9uOjk5OTk5' } },
        admin,
      );
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const role = await t.gql(
        CREATE,
        {
          input: {
            kind: 'NETWORK_ROLE',
            name: 'Rolle',
            roleTitle: 'Rolle',
            regionId: ids.region('Büsum'),
            hostedById: 'QWN0b3I6OTk5OTk5',
          },
        },
        admin,
      );
      expect(role.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('updateActor', () => {
    it('refuses PUBLIC, NETWORKER and members of other actors', async () => {
      const id = ids.actor('Sportverein Wesselburen');
      expect(
        (await t.gql(UPDATE, { id, input: { name: 'Hacked' } })).errors?.[0].extensions?.code,
      ).toBe('UNAUTHENTICATED');
      const networker = await t.token(Role.NETWORKER, {
        regionIds: [ids.region('Amt Büsum-Wesselburen')],
      });
      expect(
        (await t.gql(UPDATE, { id, input: { name: 'Hacked' } }, networker)).errors?.[0].extensions
          ?.code,
      ).toBe('FORBIDDEN');
      const member = await t.token(Role.MEMBER, { actorIds: [ids.actor('Sportverein Büsum')] });
      expect(
        (await t.gql(UPDATE, { id, input: { name: 'Hacked' } }, member)).errors?.[0].extensions
          ?.code,
      ).toBe('FORBIDDEN');
    });

    it('lets a member update their own actor', async () => {
      const id = ids.actor('Sportverein Wesselburen');
      const member = await t.token(Role.MEMBER, { actorIds: [id] });
      const res = await t.gql<{ updateActor: { name: string; topics: string[] } }>(
        UPDATE,
        { id, input: { topics: ['sport', 'jugend', 'Inklusion'] } },
        member,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.updateActor).toEqual({
        id,
        name: 'Sportverein Wesselburen',
        topics: ['sport', 'jugend', 'inklusion'],
      });
    });

    it('refuses fields of another kind and bad values, changing nothing', async () => {
      const id = ids.actor('Sportverein Wesselburen');
      for (const [input, field] of [
        [{ roleTitle: 'X' }, 'roleTitle'],
        [{ name: 'Y', website: 'https://ok.example.org' }, 'name'],
        [{ foundedOn: '2020-01-01' }, 'foundedOn'],
      ] as const) {
        const res = await t.gql(UPDATE, { id, input }, admin);
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      const after = await t.gql<{ actor: { name: string; website: string | null } }>(
        'query($id: ID!) { actor(id: $id) { name website } }',
        { id },
      );
      expect(after.data?.actor.name).toBe('Sportverein Wesselburen');
      expect(after.data?.actor.website).not.toBe('https://ok.example.org');
    });

    it('answers NOT_FOUND for an unknown actor and BAD_USER_INPUT for a foreign id', async () => {
      expect(
        (await t.gql(UPDATE, { id: 'QWN0b3I6OTk5OTk5', input: { name: 'Neu' } }, admin)).errors?.[0]
          .extensions?.code,
      ).toBe('NOT_FOUND');
      expect(
        (await t.gql(UPDATE, { id: ids.region('Büsum'), input: { name: 'Neu' } }, admin))
          .errors?.[0].extensions?.code,
      ).toBe('BAD_USER_INPUT');
    });
  });

  describe('actors', () => {
    const names = async (filter: Record<string, unknown>, first = 100) =>
      ((await t.gql<ListData>(LIST, { filter, first })).data?.actors.nodes ?? []).map(
        (n) => n.name,
      );

    it('finds "Freiwillige Feuerwehr Büsum" with and without umlauts, best first', async () => {
      for (const text of ['Feuerwehr Buesum', 'feuerwehr büsum']) {
        expect((await names({ text }))[0]).toBe('Freiwillige Feuerwehr Büsum');
      }
    });

    it('stems German plurals: "Sportvereine" finds "Sportverein"', async () => {
      const found = await names({ text: 'Sportvereine' });
      expect(found).toEqual(
        expect.arrayContaining(['Sportverein Büsum', 'Sportverein Wesselburen']),
      );
    });

    it('filters by region including everything below it', async () => {
      const inAmt = await names({ regionId: ids.region('Amt Büsum-Wesselburen') });
      const inBuesum = await names({ regionId: ids.region('Büsum') });
      expect(inBuesum).toContain('Freiwillige Feuerwehr Büsum');
      expect(inBuesum).not.toContain('Sportverein Wesselburen');
      expect(inAmt).toEqual(
        expect.arrayContaining(['Freiwillige Feuerwehr Büsum', 'Sportverein Wesselburen']),
      );
      expect(inAmt.length).toBeGreaterThan(inBuesum.length);
    });

    it('filters by kinds and topics (any of the topics)', async () => {
      const schools = await t.gql<{ actors: { nodes: { kind: string }[] } }>(
        '{ actors(first: 100, filter: { kinds: [SCHOOL] }) { nodes { kind } } }',
      );
      expect(schools.data?.actors.nodes.length).toBeGreaterThan(0);
      expect(new Set(schools.data?.actors.nodes.map((n) => n.kind))).toEqual(new Set(['SCHOOL']));
      const seniors = await names({ topics: ['senioren', 'nichtvorhanden'] });
      expect(seniors).toEqual(
        expect.arrayContaining([
          'Besuchsdienst „Zeit schenken“ Büsum',
          'Seniorenbesuchsdienst Wesselburen',
        ]),
      );
    });

    it('filters by distance: near Büsum within 2 km, not Wesselburen', async () => {
      const near = await names({ near: { latitude: 54.1335, longitude: 8.858, radiusKm: 2 } });
      expect(near).toContain('Freiwillige Feuerwehr Büsum');
      expect(near).not.toContain('Sportverein Wesselburen');
      const wider = await names({ near: { latitude: 54.1335, longitude: 8.858, radiusKm: 15 } });
      expect(wider).toContain('Seniorenbesuchsdienst Wesselburen');
      const bad = await t.gql(LIST, {
        filter: { near: { latitude: 54, longitude: 8, radiusKm: 0 } },
      });
      expect(bad.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'near.radiusKm',
      });
    });

    it('pages forward and backward with exact hasNext/hasPrevious', async () => {
      const all = (await t.gql<ListData>(LIST, { first: 100 })).data?.actors;
      const total = all?.totalCount as number;
      expect(all?.nodes).toHaveLength(total);
      const p1 = (await t.gql<ListData>(LIST, { first: 5 })).data?.actors;
      expect(p1?.nodes.map((n) => n.name)).toEqual(all?.nodes.slice(0, 5).map((n) => n.name));
      expect(p1?.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const p2 = (await t.gql<ListData>(LIST, { first: 5, after: p1?.pageInfo.endCursor })).data
        ?.actors;
      expect(p2?.nodes.map((n) => n.id)).toEqual(all?.nodes.slice(5, 10).map((n) => n.id));
      expect(p2?.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
      const back = (await t.gql<ListData>(LIST, { last: 5, before: p2?.pageInfo.startCursor })).data
        ?.actors;
      expect(back?.nodes.map((n) => n.id)).toEqual(p1?.nodes.map((n) => n.id));
      expect(back?.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const tail = (await t.gql<ListData>(LIST, { last: 3 })).data?.actors;
      expect(tail?.nodes.map((n) => n.id)).toEqual(all?.nodes.slice(total - 3).map((n) => n.id));
      expect(tail?.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      const end = (await t.gql<ListData>(LIST, { first: 5, after: tail?.pageInfo.endCursor })).data
        ?.actors;
      expect(end?.nodes).toEqual([]);
      expect(end?.pageInfo.hasNextPage).toBe(false);
    });

    it('refuses a bad cursor and first=0 or 101', async () => {
      expect(
        (await t.gql(LIST, { first: 5, after: 'bm9wZQ' })).errors?.[0].extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      expect((await t.gql(LIST, { first: 0 })).errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'first',
      });
      expect((await t.gql(LIST, { first: 101 })).errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'first',
      });
    });

    it('pages Region.actors and resolves actor(id) and node(id)', async () => {
      const res = await t.gql<{
        region: { actors: { totalCount: number; nodes: { name: string }[] } };
      }>(
        'query($id: ID!) { region(id: $id) { actors(first: 2, filter: { kinds: [FIRE_BRIGADE] }) { totalCount nodes { name } } } }',
        { id: ids.region('Büsum') },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.region.actors.nodes.map((n) => n.name)).toContain(
        'Freiwillige Feuerwehr Büsum',
      );
      const id = ids.actor('Freiwillige Feuerwehr Büsum');
      const node = await t.gql<{ node: { __typename: string; name: string } }>(
        'query($id: ID!) { node(id: $id) { __typename ... on Actor { name } } }',
        { id },
      );
      expect(node.data?.node).toEqual({
        __typename: 'Organization',
        name: 'Freiwillige Feuerwehr Büsum',
      });
      const missing = await t.gql<{ actor: unknown }>('query($id: ID!) { actor(id: $id) { id } }', {
        id: 'QWN0b3I6OTk5OTk5',
      });
      expect(missing.data?.actor).toBeNull();
    });
  });
});
