// The cooperation graph: networks, neighbourhoods, shortest chains, suggestions and overlaps.
import type { ActorsServices } from '../actors';
import type { CooperationsServices } from '../cooperations';
import { defineModule, HubInfra, ServicesOf } from '../define-module';
import { FIGURES_REFRESH_MS, GraphCostFigures } from './graph.costs';
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
    graphCosts: new GraphCostFigures(db),
  }),
  loaders: ({ graph }) => createGraphLoaders(graph),
  // Traversals cost what they reach, by the degree figures measured on the data.
  costs: ({ graphCosts }) => graphCosts.fieldCosts(),
  jobs: ({ graphCosts }) => [
    {
      name: 'graph-cost-figures',
      async start(log) {
        const measure = () =>
          graphCosts
            .refresh()
            .catch((err: Error) => log.warn({ err: err.message }, 'graph figures not measured'));
        await measure();
        const timer = setInterval(() => void measure(), FIGURES_REFRESH_MS);
        timer.unref();
        return { stop: async () => clearInterval(timer) };
      },
    },
  ],
});

/** What the graph module adds to ctx.services, for the factories of modules after it. */
export type GraphServices = ServicesOf<typeof graphModule>;
