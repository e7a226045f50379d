// Network.isolatedActors (the actors themselves, not only their count) and
// Actor.partnersWithDistance (partners with their steps and kilometres away), under the same
// visibility rules as network() and Actor.partners: PROPOSED cooperations only for signed-in
// callers.
import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';

const NETWORK = `query($id: ID!, $status: CooperationStatus, $first: Int, $after: String) {
  network(regionId: $id, status: $status) {
    actors { id name partners(status: $status) { id } }
    stats { isolatedActorCount }
    isolatedActors(first: $first, after: $after) {
      nodes { id name } totalCount pageInfo { hasNextPage endCursor } } } }`;
const DISTANCE = `query($id: ID!, $depth: Int, $status: CooperationStatus) { actor(id: $id) {
  location { latitude longitude }
  p1: partners(depth: 1, status: $status) { id }
  pn: partners(depth: $depth, status: $status) { id }
  partnersWithDistance(depth: $depth, status: $status) {
    actor { id name location { latitude longitude } } distance distanceKm } } }`;

type Net = {
  actors: { id: string; name: string; partners: { id: string }[] }[];
  stats: { isolatedActorCount: number };
  isolatedActors: {
    nodes: { id: string; name: string }[];
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

describe('isolated actors and partners with distance', () => {
  let t: TestHub;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let admin: string;

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    ids = await demoIds(t);
    admin = await t.token(Role.ADMIN);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const network = async (status: string, token?: string) => {
    const all: { id: string; name: string }[] = [];
    let after: string | null = null;
    let net: Net | undefined;
    for (let i = 0; i < 60; i++) {
      const res: { errors?: unknown; data?: { network: Net } | null } = await t.gql<{
        network: Net;
      }>(NETWORK, { id: ids.region('Amt Büsum-Wesselburen'), status, first: 2, after }, token);
      expect(res.errors).toBeUndefined();
      const page: Net = res.data!.network;
      net = page;
      all.push(...page.isolatedActors.nodes);
      if (!page.isolatedActors.pageInfo.hasNextPage) break;
      after = page.isolatedActors.pageInfo.endCursor;
    }
    return { net: net!, isolated: all };
  };

  describe('Network.isolatedActors', () => {
    it('pages exactly the actors without a cooperation in the network, by name', async () => {
      const { net, isolated } = await network('ACTIVE');
      const inNetwork = new Set(net.actors.map((a) => a.id));
      const expected = net.actors
        .filter((a) => !a.partners.some((p) => inNetwork.has(p.id)))
        .map((a) => a.name)
        .sort((a, b) => a.localeCompare(b, 'de'));
      expect(expected.length).toBeGreaterThan(2);
      expect(isolated.map((a) => a.name)).toEqual(expected);
      expect(net.isolatedActors.totalCount).toBe(net.stats.isolatedActorCount);
    });

    it('follows the visible cooperations: PROPOSED ones count only for signed-in callers', async () => {
      const before = await network('PROPOSED', admin);
      // two actors without a PROPOSED cooperation (not the pair of the test below)
      const [a, b] = before.isolated
        .map((x) => x.name)
        .filter((n) => !['Kita Krabbennest Büsum', 'Gästeservice Stinteck'].includes(n));
      expect(before.net.isolatedActors.totalCount).toBe(before.net.stats.isolatedActorCount);
      const coop = await t.gql(
        'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
        {
          input: {
            kind: 'PARTNERSHIP',
            title: 'Vorschlag',
            status: 'PROPOSED',
            participantIds: [ids.actor(a), ids.actor(b)],
          },
        },
        admin,
      );
      expect(coop.errors).toBeUndefined();
      const signedIn = await network('PROPOSED', admin);
      expect(signedIn.isolated.map((x) => x.name)).not.toEqual(expect.arrayContaining([a]));
      expect(signedIn.isolated.map((x) => x.name)).not.toEqual(expect.arrayContaining([b]));
      expect(signedIn.net.isolatedActors.totalCount).toBe(signedIn.net.stats.isolatedActorCount);
      // PUBLIC sees no PROPOSED cooperation: everyone is isolated, as its stats say
      const anonymous = await network('PROPOSED');
      expect(anonymous.net.isolatedActors.totalCount).toBe(anonymous.net.actors.length);
      expect(anonymous.net.stats.isolatedActorCount).toBe(anonymous.net.actors.length);
    });
  });

  describe('Actor.partnersWithDistance', () => {
    type Loc = { latitude: number; longitude: number } | null;
    type Res = {
      actor: {
        location: Loc;
        p1: { id: string }[];
        pn: { id: string }[];
        partnersWithDistance: {
          actor: { id: string; name: string; location: Loc };
          distance: number;
          distanceKm: number | null;
        }[];
      };
    };

    it('gives the partners of Actor.partners, each with its steps and kilometres, nearest first', async () => {
      const res = await t.gql<Res>(DISTANCE, {
        id: ids.actor('Sportverein Büsum'),
        depth: 2,
        status: 'ACTIVE',
      });
      expect(res.errors).toBeUndefined();
      const { p1, pn, partnersWithDistance: withDistance, location } = res.data!.actor;
      expect(withDistance.map((p) => p.actor.id).sort()).toEqual(pn.map((p) => p.id).sort());
      const direct = new Set(p1.map((p) => p.id));
      expect(direct.size).toBeGreaterThan(0);
      expect(pn.length).toBeGreaterThan(direct.size);
      for (const p of withDistance) {
        expect([p.actor.name, p.distance]).toEqual([p.actor.name, direct.has(p.actor.id) ? 1 : 2]);
        if (!p.actor.location || !location) expect(p.distanceKm).toBeNull();
        else {
          // about 111 km per degree of latitude; the demo places lie within 20 km
          expect(p.distanceKm).toBeGreaterThanOrEqual(0);
          expect(p.distanceKm).toBeLessThan(30);
        }
      }
      const steps = withDistance.map((p) => p.distance);
      expect(steps).toEqual([...steps].sort((a, b) => a - b));
    });

    it('refuses PROPOSED partners to PUBLIC callers, as Actor.partners', async () => {
      const coop = await t.gql(
        'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
        {
          input: {
            kind: 'PARTNERSHIP',
            title: 'Vorschlag',
            status: 'PROPOSED',
            participantIds: [
              ids.actor('Kita Krabbennest Büsum'),
              ids.actor('Gästeservice Stinteck'),
            ],
          },
        },
        admin,
      );
      expect(coop.errors).toBeUndefined();
      const vars = { id: ids.actor('Kita Krabbennest Büsum'), depth: 1, status: 'PROPOSED' };
      const anonymous = await t.gql<Res>(DISTANCE, vars);
      expect(anonymous.errors).toBeUndefined();
      expect(anonymous.data!.actor.partnersWithDistance).toEqual([]);
      const signedIn = await t.gql<Res>(DISTANCE, vars, admin);
      expect(signedIn.data!.actor.partnersWithDistance).toEqual([
        expect.objectContaining({
          actor: expect.objectContaining({ name: 'Gästeservice Stinteck' }),
          distance: 1,
        }),
      ]);
    });
  });
});
