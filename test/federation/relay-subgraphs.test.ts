// The hub composed with a second Relay service (a citizens' bus with its own PageInfo,
// GeoPoint, ContactInfo, DateTime, Node interface, node() and a connection on Region) and queried
// across through the real Hive Gateway runtime.
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { SHAREABLE_VALUE_TYPES } from '../../src/graphql/build-subgraph';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { demoIds } from '../modules/actors/demo-ids';
import { RIDES_SDL, RidesService, startRidesSubgraph } from './rides-subgraph';
import {
  composeSupergraph,
  Gateway,
  hubSubgraphSdl,
  startGateway,
  viaGateway as gatewayQuery,
} from './gateway-kit';

const SECRET = 'gateway-only-secret-0123456789';

const errorsOf = (hub: string, other = RIDES_SDL) =>
  (
    composeServices([
      { name: 'hub', typeDefs: parse(hub), url: 'http://hub.test/subgraph' },
      { name: 'rides', typeDefs: parse(other), url: 'http://rides.test/graphql' },
    ]).errors ?? []
  ).map((e) => `${String(e.extensions?.code)} ${e.message}`);

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

describe('the hub beside a second Relay subgraph', () => {
  let t: TestHub;
  let rides: RidesService;
  let gateway: Gateway;
  let hubSdl: string;
  const ids: Record<string, string> = {};
  const viaGateway = <T>(query: string, variables: Record<string, unknown> = {}) =>
    gatewayQuery<T>(gateway, query, undefined, variables);

  beforeAll(async () => {
    t = await startTestHub({ seed: true, env: { HUB_SUBGRAPH_SECRET: SECRET } });
    const demo = await demoIds(t);
    ids.buesum = demo.region('Büsum');
    ids.wesselburen = demo.region('Wesselburen');
    rides = await startRidesSubgraph([
      {
        id: 'r1',
        title: 'Bürgerbus zur Regatta',
        departsAt: '2026-07-04T10:00:00Z',
        regionId: ids.buesum,
        latitude: 54.13,
        longitude: 8.86,
        email: 'buergerbus@example.org',
      },
      {
        id: 'r2',
        title: 'Mitfahrt zum Deichlauf',
        departsAt: '2026-08-01T09:00:00Z',
        regionId: ids.buesum,
      },
      {
        id: 'r3',
        title: 'Sammeltaxi zu den Kohltagen',
        departsAt: '2026-09-19T14:00:00Z',
        regionId: ids.wesselburen,
      },
    ]);
    const subgraphUrl = `${t.hub.url}/subgraph`;
    hubSdl = await hubSubgraphSdl(subgraphUrl, SECRET);
    gateway = startGateway(
      composeSupergraph([
        { name: 'hub', sdl: hubSdl, url: subgraphUrl },
        { name: 'rides', sdl: RIDES_SDL, url: rides.url },
      ]),
      SECRET,
    );
  });

  afterAll(async () => {
    await gateway?.dispose();
    await rides?.stop();
    await t?.stop();
  });

  describe('composition', () => {
    it('composes with its PageInfo, GeoPoint, ContactInfo, DateTime, Node and node()/nodes()', () => {
      expect(errorsOf(hubSdl)).toEqual([]);
    });

    it('would not compose with the value types unshared (what the @shareable is for)', () => {
      const unshared = hubSdl.replace(/\n {2}@shareable\n/g, '\n');
      expect(unshared).not.toBe(hubSdl);
      const errors = errorsOf(unshared);
      for (const type of SHAREABLE_VALUE_TYPES) {
        expect(errors).toEqual(
          expect.arrayContaining([expect.stringMatching(`^INVALID_FIELD_SHARING .*"${type}\\.`)]),
        );
      }
    });

    it('keeps node()/nodes() out of the subgraph: with them, any Relay partner clashes', () => {
      expect(hubSdl).not.toMatch(/^\s+nodes?\(/m);
      const withNode = hubSdl.replace(/^type Query \{\n/m, 'type Query {\n  node(id: ID!): Node\n');
      expect(errorsOf(withNode)).toEqual([
        expect.stringMatching(/^INVALID_FIELD_SHARING Non-shareable field "Query\.node"/),
      ]);
    });

    it('still serves node() on /graphql, outside the supergraph', async () => {
      const res = await t.gql<{ node: { __typename: string; name: string } }>(
        'query($id: ID!) { node(id: $id) { __typename ... on Region { name } } }',
        { id: ids.buesum },
      );
      expect(res.data?.node).toEqual({ __typename: 'Region', name: 'Büsum' });
    });
  });

  describe('through the gateway', () => {
    it('starts in the hub and pages the partner connection on Region', async () => {
      const query = `query($id: ID!, $after: String) { region(id: $id) {
          name
          needs(first: 1) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } }
          rides(first: 1, after: $after) {
            totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
            nodes { title departsAt location { latitude longitude } contact { email } }
          } } }`;
      type Answer = {
        region: {
          name: string;
          needs: Page;
          rides: Page & { nodes: Array<Record<string, unknown>> };
        };
      };
      const first = await viaGateway<Answer>(query, { id: ids.buesum });
      expect(first.errors).toBeUndefined();
      const region = first.data!.region;
      expect(region.name).toBe('Büsum');
      expect(region.rides.nodes).toEqual([
        {
          title: 'Bürgerbus zur Regatta',
          departsAt: '2026-07-04T10:00:00Z',
          location: { latitude: 54.13, longitude: 8.86 },
          contact: { email: 'buergerbus@example.org' },
        },
      ]);
      expect(region.rides.totalCount).toBe(2);
      expect(region.rides.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      // The hub's PageInfo in the same answer is the hub's own, exactly as /graphql says it.
      const direct = await t.gql<{ region: { needs: Page } }>(
        'query($id: ID!) { region(id: $id) { needs(first: 1) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } } } }',
        { id: ids.buesum },
      );
      expect(region.needs).toEqual(direct.data!.region.needs);
      expect(region.needs.totalCount).toBeGreaterThan(1);

      const next = await viaGateway<Answer>(query, {
        id: ids.buesum,
        after: region.rides.pageInfo.endCursor,
      });
      expect(next.errors).toBeUndefined();
      expect(next.data!.region.rides.nodes.map((e) => e.title)).toEqual(['Mitfahrt zum Deichlauf']);
      expect(next.data!.region.rides.pageInfo).toMatchObject({
        hasNextPage: false,
        hasPreviousPage: true,
      });
    });

    it("starts in the partner and continues in the hub's Region and its connections", async () => {
      const res = await viaGateway<{
        rides: {
          pageInfo: { hasNextPage: boolean };
          nodes: Array<{
            title: string;
            region: { name: string; level: string; actors: Page & { nodes: unknown[] } };
          }>;
        };
      }>(`{ rides(first: 3) { pageInfo { hasNextPage } nodes {
            title region { name level actors(first: 2) {
              totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
              nodes { name location { latitude longitude } } } } } } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data!.rides.pageInfo.hasNextPage).toBe(false);
      expect(res.data!.rides.nodes.map((e) => [e.title, e.region.name, e.region.level])).toEqual([
        ['Bürgerbus zur Regatta', 'Büsum', 'MUNICIPALITY'],
        ['Mitfahrt zum Deichlauf', 'Büsum', 'MUNICIPALITY'],
        ['Sammeltaxi zu den Kohltagen', 'Wesselburen', 'MUNICIPALITY'],
      ]);
      const direct = await t.gql<{ region: { actors: unknown } }>(
        `query($id: ID!) { region(id: $id) { actors(first: 2) {
           totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
           nodes { name location { latitude longitude } } } } }`,
        { id: ids.wesselburen },
      );
      expect(res.data!.rides.nodes[2].region.actors).toEqual(direct.data!.region.actors);
      expect(res.data!.rides.nodes[2].region.actors.nodes).toHaveLength(2);
    });

    it("answers node() with the partner's nodes, whose Region continues in the hub", async () => {
      const res = await viaGateway<{ node: { title: string; region: { name: string } } }>(
        '{ node(id: "r3") { id ... on Ride { title region { name } } } }',
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.node).toEqual({
        id: 'r3',
        title: 'Sammeltaxi zu den Kohltagen',
        region: { name: 'Wesselburen' },
      });
    });
  });
});
