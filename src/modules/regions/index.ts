// The region tree (state, district, Amt, municipality, village): public, shaped by ADMINs.
import type { AuditService } from '../audit/audit.service';
import { defineModule, HubInfra } from '../define-module';
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
    },
  ],
  services: ({ db, audit }: HubInfra & { audit: AuditService }) => ({
    regions: new RegionService(db, audit),
  }),
  loaders: ({ regions }) => createRegionLoaders(regions),
  permissions: { canCreateRegion, assertCanCreateRegion },
});
