// Every relation loads through these per-request DataLoaders, created by the context factory.
import { createActorLoaders } from '../modules/actors/actor.loaders';
import { createCooperationLoaders } from '../modules/cooperations/cooperation.loaders';
import { createGraphLoaders } from '../modules/graph/graph.loaders';
import { createRegionLoaders } from '../modules/regions/region.loaders';
import { createNeedLoaders } from '../modules/needs/need.loaders';
import { createOfferLoaders } from '../modules/offers/offer.loaders';
import { readRouting } from '../db/database';
import type { Services } from './services';

/** With `primary`, every batch of these loaders reads from the primary (fresh after a commit). */
export function createLoaders(s: Services, options: { primary?: boolean } = {}) {
  return options.primary ? readRouting.run('primary', () => build(s)) : build(s);
}

function build(s: Services) {
  return {
    ...createRegionLoaders(s.regions),
    ...createActorLoaders(s.actors),
    ...createCooperationLoaders(s.cooperations),
    ...createGraphLoaders(s.graph),
    ...createNeedLoaders(s.needs, s.pledges),
    ...createOfferLoaders(s.offers, s.needMatches),
  };
}

export type Loaders = ReturnType<typeof build>;
