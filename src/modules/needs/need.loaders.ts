import { byIdLoader, groupedInKeyOrder, HubLoader } from '../../graphql/dataloader';
import { NeedService } from './need.service';
import { Pledge } from './pledge.entity';
import { PledgeService } from './pledge.service';

/** Raw rows by id: callers apply the visibility predicates (need.permissions.ts). */
export function createNeedLoaders(needs: NeedService, pledges: PledgeService) {
  return {
    need: byIdLoader(
      (ids) => needs.byIds(ids),
      (n) => n.id,
    ),
    pledge: byIdLoader(
      (ids) => pledges.byIds(ids),
      (p) => p.id,
    ),
    pledgesByNeed: new HubLoader<number, Pledge[]>(async (ids) =>
      groupedInKeyOrder(ids, await pledges.byNeedIds([...ids]), (p) => p.needId),
    ),
  };
}
