// A second Relay-style subgraph for the federation tests: a regional events calendar
// (Veranstaltungskalender) as a partner would write it, with everything a Relay service has of
// its own: a Node interface with node()/nodes(), PageInfo, GeoPoint, ContactInfo, DateTime and
// a connection of its own on the hub's Region entity.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { serveSchema } from './gateway-kit';

export const EVENTS_SDL = `
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

  type Event implements Node @key(fields: "id") {
    id: ID!
    title: String!
    startsAt: DateTime!
    location: GeoPoint
    contact: ContactInfo
    region: Region!
  }

  type EventEdge {
    cursor: String!
    node: Event!
  }

  type EventConnection {
    edges: [EventEdge!]!
    nodes: [Event!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type Region implements Node @key(fields: "id") {
    id: ID!
    events(first: Int, after: String): EventConnection!
  }

  type Query {
    events(first: Int, after: String): EventConnection!
    node(id: ID!): Node
    nodes(ids: [ID!]!): [Node]!
  }
`;

export interface EventRecord {
  id: string;
  title: string;
  startsAt: string;
  regionId: string;
  latitude?: number;
  longitude?: number;
  email?: string;
}

export interface EventsService {
  url: string;
  stop(): Promise<void>;
}

const cursorOf = (i: number) => Buffer.from(`event:${i}`).toString('base64');
const indexOf = (cursor: string) => Number(Buffer.from(cursor, 'base64').toString().slice(6));

/** Forward pages over a list, with the partner's own cursors. */
function connection(all: EventRecord[], first = 10, after?: string | null) {
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

export async function startEventsSubgraph(records: EventRecord[]): Promise<EventsService> {
  const byId = (id: string) => records.find((r) => r.id === id) ?? null;
  const schema = buildSubgraphSchema({
    typeDefs: parse(EVENTS_SDL),
    resolvers: {
      Query: {
        events: (_: unknown, a: { first?: number; after?: string }) =>
          connection(records, a.first, a.after),
        // The partner's node() knows the partner's ids only: it cannot answer for the hub's.
        node: (_: unknown, a: { id: string }) => byId(a.id),
        nodes: (_: unknown, a: { ids: string[] }) => a.ids.map(byId),
      },
      Node: { __resolveType: () => 'Event' },
      Event: {
        __resolveReference: (ref: { id: string }) => byId(ref.id),
        location: (e: EventRecord) =>
          e.latitude == null ? null : { latitude: e.latitude, longitude: e.longitude },
        contact: (e: EventRecord) => (e.email ? { email: e.email } : null),
        region: (e: EventRecord) => ({ id: e.regionId }),
      },
      Region: {
        __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
        events: (r: { id: string }, a: { first?: number; after?: string }) =>
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
