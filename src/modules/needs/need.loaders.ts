import { byIdLoader, groupedInKeyOrder, HubLoader, ownerLoader } from '../../graphql/dataloader';
import type { IdWindow, OwnerPage } from '../../graphql/pagination';
import type { VisibilityScope } from '../shared/visibility';
import { Need, NeedStatus } from './need.entity';
import { NeedService } from './need.service';
import { Pledge } from './pledge.entity';
import { PledgeService } from './pledge.service';

export interface ActorNeedCountKey extends Record<string, unknown>, VisibilityScope {
  ownerId: number;
  statuses: NeedStatus[] | null;
}

export interface ActorNeedsKey extends ActorNeedCountKey, IdWindow {}

/** Raw rows by id: callers apply the visibility predicates (need.permissions.ts). */
export function createNeedLoaders(needs: NeedService, pledges: PledgeService) {
  return {
    byId: byIdLoader(
      (ids) => needs.byIds(ids),
      (n) => n.id,
    ),
    pledgeById: byIdLoader(
      (ids) => pledges.byIds(ids),
      (p) => p.id,
    ),
    /** Actor.needs pages of many actors in one statement per query shape. */
    ofActor: ownerLoader<ActorNeedsKey, OwnerPage<Need>>(
      (actorIds, k) => needs.pagesForActors({ publicOnly: k.publicOnly }, actorIds, k.statuses, k),
      { nodes: [], hasNextPage: false, hasPreviousPage: false },
    ),
    countOfActor: ownerLoader<ActorNeedCountKey, number>(
      (actorIds, k) => needs.countsForActors({ publicOnly: k.publicOnly }, actorIds, k.statuses),
      0,
    ),
    pledgesByNeed: new HubLoader<number, Pledge[]>(async (ids) =>
      groupedInKeyOrder(ids, await pledges.byNeedIds([...ids]), (p) => p.needId),
    ),
  };
}
