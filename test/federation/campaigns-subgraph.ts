// A second, tiny subgraph for the federation test: crowdfunding campaigns of regional actors.
// It adds `campaigns` to every Actor (an entity interface in the hub, so `@interfaceObject` here)
// and refers back to the hub's actors, needs and cooperations by their global ids.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { serveSchema } from './gateway-kit';

export const CAMPAIGNS_SDL = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@interfaceObject"])

  type Campaign @key(fields: "id") {
    id: ID!
    title: String!
    goalEuro: Int!
    actor: Actor
    need: Need
    cooperation: Cooperation
  }

  type Actor @key(fields: "id") @interfaceObject {
    id: ID!
    campaigns: [Campaign!]!
  }

  type Need @key(fields: "id", resolvable: false) {
    id: ID!
  }

  type Cooperation @key(fields: "id", resolvable: false) {
    id: ID!
  }

  type Query {
    campaigns: [Campaign!]!
  }
`;

export interface CampaignRecord {
  id: string;
  title: string;
  goalEuro: number;
  actorId: string;
  needId?: string;
  cooperationId?: string;
}

export interface CampaignsService {
  url: string;
  /** How many `_entities` representations of Actor it was asked for (the hub -> campaigns hop). */
  actorLookups: number;
  stop(): Promise<void>;
}

export async function startCampaignsSubgraph(records: CampaignRecord[]): Promise<CampaignsService> {
  const service = { actorLookups: 0 } as CampaignsService;
  const schema = buildSubgraphSchema({
    typeDefs: parse(CAMPAIGNS_SDL),
    resolvers: {
      Query: { campaigns: () => records },
      Campaign: {
        __resolveReference: (ref: { id: string }) => records.find((r) => r.id === ref.id) ?? null,
        actor: (c: CampaignRecord) => ({ id: c.actorId }),
        need: (c: CampaignRecord) => (c.needId ? { id: c.needId } : null),
        cooperation: (c: CampaignRecord) => (c.cooperationId ? { id: c.cooperationId } : null),
      },
      Actor: {
        __resolveReference: (ref: { id: string }) => {
          service.actorLookups++;
          return { id: ref.id };
        },
        campaigns: (a: { id: string }) => records.filter((r) => r.actorId === a.id),
      },
    },
  });
  const served = await serveSchema(schema);
  service.url = served.url;
  service.stop = served.stop;
  return service;
}
