// A second Relay-style subgraph for the federation tests: the rides of a citizens' bus and
// shared taxis (Bürgerbus, Mitfahrgelegenheiten) as a partner would write it, with everything a
// Relay service has of its own: a Node interface with node()/nodes(), PageInfo, GeoPoint,
// ContactInfo, DateTime and a connection of its own on the hub's Region entity. Its names are
// none the hub's contract plans (no Event, Campaign), so it keeps composing as modules land.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { serveSchema } from './gateway-kit';

export const RIDES_SDL = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])

  scalar DateTime

  interface Node {
    id: ID!
  }

  type PageInfo @shareable {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }

  type GeoPoint @shareable {
    latitude: Float!
    longitude: Float!
  }

  type ContactInfo @shareable {
    email: String
    phone: String
    address: String
  }

  type Ride implements Node @key(fields: "id") {
    id: ID!
    title: String!
    departsAt: DateTime!
    location: GeoPoint
    contact: ContactInfo
    region: Region!
  }

  type RideEdge {
    cursor: String!
    node: Ride!
  }

  type RideConnection {
    edges: [RideEdge!]!
    nodes: [Ride!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type Region implements Node @key(fields: "id") {
    id: ID!
    rides(first: Int, after: String): RideConnection!
  }

  type Query {
    rides(first: Int, after: String): RideConnection!
    node(id: ID!): Node
    nodes(ids: [ID!]!): [Node]!
  }
`;

export interface RideRecord {
  id: string;
  title: string;
  departsAt: string;
  regionId: string;
  latitude?: number;
  longitude?: number;
  email?: string;
}

export interface RidesService {
  url: string;
  stop(): Promise<void>;
}

const cursorOf = (i: number) => Buffer.from(`ride:${i}`).toString('base64');
const indexOf = (cursor: string) => Number(Buffer.from(cursor, 'base64').toString().slice(5));

/** Forward pages over a list, with the partner's own cursors. */
function connection(all: RideRecord[], first = 10, after?: string | null) {
  const start = after ? indexOf(after) + 1 : 0;
  const page = all.slice(start, start + first);
  const edges = page.map((node, i) => ({ cursor: cursorOf(start + i), node }));
  return {
    edges,
    nodes: page,
    totalCount: all.length,
    pageInfo: {
      hasNextPage: start + first < all.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

export async function startRidesSubgraph(records: RideRecord[]): Promise<RidesService> {
  const byId = (id: string) => records.find((r) => r.id === id) ?? null;
  const schema = buildSubgraphSchema({
    typeDefs: parse(RIDES_SDL),
    resolvers: {
      Query: {
        rides: (_: unknown, a: { first?: number; after?: string }) =>
          connection(records, a.first, a.after),
        // The partner's node() knows the partner's ids only: it cannot answer for the hub's.
        node: (_: unknown, a: { id: string }) => byId(a.id),
        nodes: (_: unknown, a: { ids: string[] }) => a.ids.map(byId),
      },
      Node: { __resolveType: () => 'Ride' },
      Ride: {
        __resolveReference: (ref: { id: string }) => byId(ref.id),
        location: (e: RideRecord) =>
          e.latitude == null ? null : { latitude: e.latitude, longitude: e.longitude },
        contact: (e: RideRecord) => (e.email ? { email: e.email } : null),
        region: (e: RideRecord) => ({ id: e.regionId }),
      },
      Region: {
        __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
        rides: (r: { id: string }, a: { first?: number; after?: string }) =>
          connection(
            records.filter((e) => e.regionId === r.id),
            a.first,
            a.after,
          ),
      },
    },
  });
  return serveSchema(schema);
}
