import { byIdLoader, groupedInKeyOrder, HubLoader } from '../../graphql/dataloader';
import { Region } from './region.entity';
import { RegionService } from './region.service';

export function createRegionLoaders(regions: RegionService) {
  return {
    region: byIdLoader(
      (ids) => regions.byIds(ids),
      (r) => r.id,
    ),
    regionChildren: new HubLoader<number, Region[]>(async (ids) =>
      groupedInKeyOrder(ids, await regions.childrenOf([...ids]), (r) => r.parentId as number),
    ),
  };
}
