// One ranked search over actors, needs and offers.
import type { ActorService } from '../actors/actor.service';
import { defineModule, HubInfra } from '../define-module';
import type { NeedService } from '../needs/need.service';
import type { OfferService } from '../offers/offer.service';
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
  }: HubInfra & { actors: ActorService; needs: NeedService; offers: OfferService }) => ({
    search: new SearchService(db, actors, needs, offers),
  }),
});
