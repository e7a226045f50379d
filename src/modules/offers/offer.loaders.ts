import { byIdLoader, HubLoader } from '../../graphql/dataloader';
import type { VisibilityScope } from '../shared/visibility';
import { NeedMatch, NeedMatchService } from './need-match.service';
import { OfferService } from './offer.service';

/** The viewer's visibility scope is the only viewer fact matching depends on. */
export interface NeedMatchKey extends VisibilityScope {
  needId: number;
  first: number;
}

export function createOfferLoaders(offers: OfferService, matches: NeedMatchService) {
  return {
    byId: byIdLoader(
      (ids) => offers.byIds(ids),
      (o) => o.id,
    ),
    matches: new HubLoader<NeedMatchKey, NeedMatch[], string>(
      async (keys) => {
        // One statement per distinct (first, publicOnly) in the batch.
        const groups = new Map<string, NeedMatchKey[]>();
        for (const k of keys) {
          const g = `${k.first}:${k.publicOnly}`;
          groups.set(g, [...(groups.get(g) ?? []), k]);
        }
        const results = new Map<string, NeedMatch[]>();
        for (const group of groups.values()) {
          const { first, publicOnly } = group[0];
          const found = await matches.forNeeds(
            { publicOnly },
            [...new Set(group.map((k) => k.needId))],
            first,
          );
          for (const k of group)
            results.set(`${k.needId}:${first}:${publicOnly}`, found.get(k.needId) ?? []);
        }
        return keys.map((k) => results.get(`${k.needId}:${k.first}:${k.publicOnly}`) ?? []);
      },
      { cacheKeyFn: (k) => `${k.needId}:${k.first}:${k.publicOnly}` },
    ),
  };
}
