// The cooperation graph: networks, neighbourhoods, shortest chains, suggestions and overlaps.
import type { ActorsServices } from '../actors';
import type { CooperationsServices } from '../cooperations';
import { defineModule, HubInfra, ServicesOf } from '../define-module';
import { createGraphLoaders } from './graph.loaders';
import { GraphResolver } from './graph.resolver';
import { NetworkFieldsResolver } from './network.resolver';
import { PartnerDistanceResolver } from './partner-distance.resolver';
import { GraphService } from './graph.service';
import { SuggestionService } from './suggestion.service';

export const graphModule = defineModule({
  name: 'graph',
  resolvers: [GraphResolver, NetworkFieldsResolver, PartnerDistanceResolver],
  services: ({ db, actors, cooperations }: HubInfra & ActorsServices & CooperationsServices) => ({
    graph: new GraphService(db, actors, cooperations),
    suggestions: new SuggestionService(db, actors),
  }),
  loaders: ({ graph }) => createGraphLoaders(graph),
});

/** What the graph module adds to ctx.services, for the factories of modules after it. */
export type GraphServices = ServicesOf<typeof graphModule>;
