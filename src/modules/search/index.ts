// One ranked search over actors, needs and offers.
import type { ActorsServices } from '../actors';
import { defineModule, HubInfra, ServicesOf } from '../define-module';
import type { NeedsServices } from '../needs';
import type { OffersServices } from '../offers';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

export const searchModule = defineModule({
  name: 'search',
  resolvers: [SearchResolver],
  services: ({
    db,
    actors,
    needs,
    offers,
  }: HubInfra & ActorsServices & NeedsServices & OffersServices) => ({
    search: new SearchService(db, actors, needs, offers),
  }),
});

/** What the search module adds to ctx.services, for the factories of modules after it. */
export type SearchServices = ServicesOf<typeof searchModule>;
