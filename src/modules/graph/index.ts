// The cooperation graph: networks, neighbourhoods, shortest chains, suggestions and overlaps.
import type { ActorService } from '../actors/actor.service';
import type { CooperationService } from '../cooperations/cooperation.service';
import { defineModule, HubInfra } from '../define-module';
import { createGraphLoaders } from './graph.loaders';
import { GraphResolver } from './graph.resolver';
import { GraphService } from './graph.service';
import { SuggestionService } from './suggestion.service';

export const graphModule = defineModule({
  name: 'graph',
  resolvers: [GraphResolver],
  services: ({
    db,
    actors,
    cooperations,
  }: HubInfra & { actors: ActorService; cooperations: CooperationService }) => ({
    graph: new GraphService(db, actors, cooperations),
    suggestions: new SuggestionService(db, actors),
  }),
  loaders: ({ graph }) => createGraphLoaders(graph),
});
