// Offers (what an actor can share) and their matching to needs.
import type { AuditServices } from '../audit';
import { defineModule, HubInfra, ServicesOf } from '../define-module';
import { canSeeVisibility } from '../shared/visibility';
import { NeedMatchService } from './need-match.service';
import { Offer } from './offer.entity';
import { createOfferLoaders } from './offer.loaders';
import { assertCanEditOffer, canEditOffer } from './offer.permissions';
import { ActorOffersResolver, NeedMatchesResolver, OfferResolver } from './offer.resolver';
import { OfferService } from './offer.service';

export const offersModule = defineModule({
  name: 'offers',
  entities: [Offer],
  resolvers: [OfferResolver, NeedMatchesResolver, ActorOffersResolver],
  nodeTypes: [
    {
      name: 'Offer',
      fetch: async (ctx, id): Promise<object | null> => {
        const o = await ctx.loaders.offers.byId.load(id);
        return o && canSeeVisibility(ctx.viewer, o.visibility) ? o : null;
      },
      entities: ['Offer'],
      displayName: (o) => (o as Offer).title,
    },
  ],
  services: ({ db, audit }: HubInfra & AuditServices) => {
    const offers = new OfferService(db, audit);
    return { offers, needMatches: new NeedMatchService(db, offers) };
  },
  loaders: ({ offers, needMatches }) => createOfferLoaders(offers, needMatches),
  permissions: { canEditOffer, assertCanEditOffer },
});

/** What the offers module adds to ctx.services, for the factories of modules after it. */
export type OffersServices = ServicesOf<typeof offersModule>;
