import { byIdLoader, groupedInKeyOrder, HubLoader } from '../../graphql/dataloader';
import { Region } from './region.entity';
import { RegionService } from './region.service';

export function createRegionLoaders(regions: RegionService) {
  return {
    byId: byIdLoader(
      (ids) => regions.byIds(ids),
      (r) => r.id,
    ),
    children: new HubLoader<number, Region[]>(async (ids) =>
      groupedInKeyOrder(ids, await regions.childrenOf([...ids]), (r) => r.parentId as number),
    ),
  };
}
