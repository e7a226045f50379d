import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';

type Net = {
  actors: { id: string; name: string; partners: { id: string }[] }[];
  cooperations: { id: string; status: string; participants: { id: string }[] }[];
  stats: {
    actorCount: number;
    cooperationCount: number;
    componentCount: number;
    isolatedActorCount: number;
    density: number;
  };
};
const NETWORK = `query($regionId: ID!, $status: CooperationStatus) { network(regionId: $regionId, status: $status) {
  actors { id name partners { id } } cooperations { id status participants { id } }
  stats { actorCount cooperationCount componentCount isolatedActorCount density } } }`;
const PATH = `query($from: ID!, $to: ID!, $max: Int) { cooperationPath(fromActorId: $from, toActorId: $to, maxDepth: $max) { id name } }`;
const PARTNERS = `query($id: ID!, $depth: Int, $status: CooperationStatus) { actor(id: $id) { partners(depth: $depth, status: $status) { id name } } }`;

describe('graph queries', () => {
  let t: TestHub;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let net: Net;
  const partnersOf = async (id: string, depth = 1, status = 'ACTIVE', token?: string) =>
    (
      await t.gql<{ actor: { partners: { id: string; name: string }[] } }>(
        PARTNERS,
        { id, depth, status },
        token,
      )
    ).data?.actor.partners ?? [];

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    ids = await demoIds(t);
    net = (
      await t.gql<{ network: Net }>(NETWORK, { regionId: ids.region('Amt Büsum-Wesselburen') })
    ).data?.network as Net;
  });
  afterAll(() => t.stop());

  describe('network', () => {
    it('hides PROPOSED cooperations from PUBLIC callers but not from members', async () => {
      const pub = await t.gql<{ network: Net }>(NETWORK, {
        regionId: ids.region('Amt Büsum-Wesselburen'),
        status: 'PROPOSED',
      });
      expect(pub.data?.network.cooperations).toEqual([]);
      const member = await t.gql<{ network: Net }>(
        NETWORK,
        { regionId: ids.region('Amt Büsum-Wesselburen'), status: 'PROPOSED' },
        await t.token(Role.MEMBER),
      );
      expect(member.data?.network.cooperations.length).toBeGreaterThan(0);
      expect(new Set(member.data?.network.cooperations.map((c) => c.status))).toEqual(
        new Set(['PROPOSED']),
      );
    });

    it('counts actors, cooperations, isolated actors, components and density consistently', () => {
      const s = net.stats;
      expect(s.actorCount).toBe(net.actors.length);
      expect(s.cooperationCount).toBe(net.cooperations.length);
      // isolated = no cooperation inside this network (partners elsewhere do not count)
      const inNetwork = new Set(net.actors.map((a) => a.id));
      const linked = new Set<string>();
      for (const c of net.cooperations) {
        const members = c.participants.map((p) => p.id).filter((p) => inNetwork.has(p));
        if (members.length >= 2) members.forEach((m) => linked.add(m));
      }
      expect(net.actors.filter((a) => a.partners.length === 0).length).toBeGreaterThan(0);
      expect(s.isolatedActorCount).toBe(net.actors.filter((a) => !linked.has(a.id)).length);
      // components: a small union-find over the returned cooperations
      const parent = new Map(net.actors.map((a) => [a.id, a.id]));
      const find = (x: string): string => (parent.get(x) === x ? x : find(parent.get(x) as string));
      const pairs = new Set<string>();
      for (const c of net.cooperations) {
        const inNet = c.participants.map((p) => p.id).filter((p) => parent.has(p));
        for (let i = 1; i < inNet.length; i++) parent.set(find(inNet[i]), find(inNet[0]));
        for (const x of inNet) for (const y of inNet) if (x < y) pairs.add(`${x}|${y}`);
      }
      expect(s.componentCount).toBe(new Set(net.actors.map((a) => find(a.id))).size);
      const n = s.actorCount;
      expect(s.density).toBeCloseTo(pairs.size / ((n * (n - 1)) / 2), 10);
    });

    it('answers NOT_FOUND for an unknown region', async () => {
      const res = await t.gql(NETWORK, { regionId: 'UmVnaW9uOjk5OTk5' });
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('partners and neighborhood', () => {
    it('refuses depth outside 1..3', async () => {
      const res = await t.gql(PARTNERS, { id: ids.actor('Sportverein Büsum'), depth: 4 });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'depth' });
    });

    it('returns distinct actors within depth, never the actor itself', async () => {
      const id = ids.actor('Sportverein Büsum');
      const d1 = await partnersOf(id, 1);
      const d2 = await partnersOf(id, 2);
      expect(d1.length).toBeGreaterThan(0);
      expect(d2.map((p) => p.id)).toEqual(expect.arrayContaining(d1.map((p) => p.id)));
      expect(new Set(d2.map((p) => p.id)).size).toBe(d2.length);
      expect(d2.map((p) => p.id)).not.toContain(id);
    });

    it('builds the neighbourhood of an actor', async () => {
      const id = ids.actor('Sportverein Büsum');
      const res = await t.gql<{ neighborhood: Net }>(
        'query($id: ID!) { neighborhood(actorId: $id, depth: 2) { actors { id } cooperations { id } stats { actorCount isolatedActorCount componentCount } } }',
        { id },
      );
      const d2 = await partnersOf(id, 2);
      expect(res.data?.neighborhood.actors.map((a) => a.id).sort()).toEqual(
        [id, ...d2.map((p) => p.id)].sort(),
      );
      expect(res.data?.neighborhood.stats).toMatchObject({
        isolatedActorCount: 0,
        componentCount: 1,
      });
      const bad = await t.gql(
        'query($id: ID!) { neighborhood(actorId: $id, depth: 9) { stats { actorCount } } }',
        { id },
      );
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'depth' });
    });
  });

  describe('cooperationPath', () => {
    it('refuses maxDepth outside 1..6', async () => {
      const res = await t.gql(PATH, {
        from: ids.actor('Sportverein Büsum'),
        to: ids.actor('Sportverein Wesselburen'),
        max: 7,
      });
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'maxDepth',
      });
    });

    it('finds a shortest chain two steps away, both ends included', async () => {
      const from = ids.actor('Sportverein Büsum');
      const d1 = new Set((await partnersOf(from, 1)).map((p) => p.id));
      const target = (await partnersOf(from, 2)).find((p) => !d1.has(p.id));
      expect(target).toBeDefined();
      const res = await t.gql<{ cooperationPath: { id: string }[] }>(PATH, {
        from,
        to: target?.id,
      });
      const path = res.data?.cooperationPath.map((a) => a.id) ?? [];
      expect(path).toHaveLength(3);
      expect(path[0]).toBe(from);
      expect(path[2]).toBe(target?.id);
      for (let i = 0; i < path.length - 1; i++) {
        expect((await partnersOf(path[i])).map((p) => p.id)).toContain(path[i + 1]);
      }
      const tooShort = await t.gql<{ cooperationPath: unknown }>(PATH, {
        from,
        to: target?.id,
        max: 1,
      });
      expect(tooShort.data?.cooperationPath).toBeNull();
    });

    it('answers null for an isolated actor and [actor] for itself', async () => {
      const isolated = net.actors.find((a) => a.partners.length === 0) as Net['actors'][number];
      const res = await t.gql<{ cooperationPath: unknown }>(PATH, {
        from: ids.actor('Sportverein Büsum'),
        to: isolated.id,
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?.cooperationPath).toBeNull();
      const self = await t.gql<{ cooperationPath: { id: string }[] }>(PATH, {
        from: isolated.id,
        to: isolated.id,
      });
      expect(self.data?.cooperationPath).toEqual([{ id: isolated.id, name: isolated.name }]);
    });
  });

  describe('cooperationSuggestions', () => {
    it('never suggests an actor already cooperating, and gives German reasons', async () => {
      const member = await t.token(Role.MEMBER);
      let withReasons = 0;
      for (const a of net.actors.slice(0, 25)) {
        const res = await t.gql<{
          cooperationSuggestions: { actor: { id: string }; score: number; reasons: string[] }[];
        }>(
          'query($id: ID!) { cooperationSuggestions(actorId: $id) { actor { id } score sharedTopics reasons } }',
          { id: a.id },
          // signed in: PROPOSED cooperations count too (PUBLIC callers cannot see them, see
          // test/security/proposed-inference.test.ts)
          member,
        );
        expect(res.errors).toBeUndefined();
        const suggested = res.data?.cooperationSuggestions.map((s) => s.actor.id) ?? [];
        const linked = [
          ...(await partnersOf(a.id, 1, 'ACTIVE')),
          ...(await partnersOf(a.id, 1, 'PROPOSED', member)),
        ].map((p) => p.id);
        for (const s of suggested) expect(linked).not.toContain(s);
        expect(suggested).not.toContain(a.id);
        for (const s of res.data?.cooperationSuggestions ?? []) {
          expect(s.reasons.length).toBeGreaterThan(0);
          withReasons++;
        }
      }
      expect(withReasons).toBeGreaterThan(0);
    });

    it('explains a suggestion between the two senior visiting services', async () => {
      const res = await t.gql<{
        cooperationSuggestions: {
          actor: { name: string };
          reasons: string[];
          sharedTopics: string[];
        }[];
      }>(
        'query($id: ID!) { cooperationSuggestions(actorId: $id, first: 20) { actor { name } sharedTopics reasons } }',
        { id: ids.actor('Besuchsdienst „Zeit schenken“ Büsum') },
      );
      const other = res.data?.cooperationSuggestions.find(
        (s) => s.actor.name === 'Seniorenbesuchsdienst Wesselburen',
      );
      expect(other?.sharedTopics).toEqual(expect.arrayContaining(['senioren', 'nachbarschaft']));
      expect(other?.reasons).toEqual(
        expect.arrayContaining([
          'Im selben Amt: Amt Büsum-Wesselburen',
          expect.stringMatching(/^Gemeinsame Themen: .*senioren/),
        ]),
      );
    });
  });

  describe('overlaps', () => {
    it('finds the seeded look-alike pairs with their shared topics', async () => {
      const res = await t.gql<{
        overlaps: { actors: { name: string }[]; sharedTopics: string[]; score: number }[];
      }>('query($id: ID!) { overlaps(regionId: $id) { actors { name } sharedTopics score } }', {
        id: ids.region('Amt Büsum-Wesselburen'),
      });
      expect(res.errors).toBeUndefined();
      const groups = res.data?.overlaps.map((o) => o.actors.map((a) => a.name)) ?? [];
      const has = (x: string, y: string) => groups.some((g) => g.includes(x) && g.includes(y));
      expect(has('Jugendtreff Warwerort', 'Jugendinitiative Hedwigenkoog')).toBe(true);
      expect(has('Besuchsdienst „Zeit schenken“ Büsum', 'Seniorenbesuchsdienst Wesselburen')).toBe(
        true,
      );
      const youth = res.data?.overlaps.find((o) =>
        o.actors.some((a) => a.name === 'Jugendtreff Warwerort'),
      );
      expect(youth?.sharedTopics).toEqual(expect.arrayContaining(['jugend', 'freizeit']));
      expect(youth?.score).toBeGreaterThan(0.5);
    });
  });
});
