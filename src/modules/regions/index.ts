// The region tree (state, district, Amt, municipality, village): public, shaped by ADMINs.
import type { AuditServices } from '../audit';
import { defineModule, HubInfra, ServicesOf } from '../define-module';
import { Region } from './region.entity';
import { createRegionLoaders } from './region.loaders';
import { assertCanCreateRegion, canCreateRegion } from './region.permissions';
import { RegionResolver } from './region.resolver';
import { RegionService } from './region.service';

export const regionsModule = defineModule({
  name: 'regions',
  entities: [Region],
  resolvers: [RegionResolver],
  nodeTypes: [
    // The region tree is public.
    {
      name: 'Region',
      fetch: (ctx, id): Promise<object | null> => ctx.loaders.regions.byId.load(id),
      entities: ['Region'],
      displayName: (r) => (r as Region).name,
    },
  ],
  services: ({ db, audit }: HubInfra & AuditServices) => ({
    regions: new RegionService(db, audit),
  }),
  loaders: ({ regions }) => createRegionLoaders(regions),
  permissions: { canCreateRegion, assertCanCreateRegion },
});

/** What the regions module adds to ctx.services, for the factories of modules after it. */
export type RegionsServices = ServicesOf<typeof regionsModule>;
