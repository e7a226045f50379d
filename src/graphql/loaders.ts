// Every relation loads through these per-request DataLoaders, created by the context factory.
import { createRegionLoaders } from '../modules/regions/region.loaders';
import type { Services } from './services';

export function createLoaders(s: Services) {
  return {
    ...createRegionLoaders(s.regions),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
