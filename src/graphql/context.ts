// One factory builds the per-request context for HTTP and for every WebSocket event.
import { randomUUID } from 'node:crypto';
import { createLoaders, Loaders } from './loaders';
import type { Services } from './services';
import { Viewer } from './viewer';

export interface HubContext {
  requestId: string;
  viewer: Viewer;
  loaders: Loaders;
  services: Services;
}

/**
 * The loaders are created on first use: a request answered from the cache, refused by a guard,
 * or a subscriber whose events are resolved by its shared group never needs its own set.
 */
export function createContext(
  services: Services,
  viewer: Viewer,
  requestId: string = randomUUID(),
): HubContext {
  let loaders: Loaders | undefined;
  return {
    requestId,
    viewer,
    services,
    get loaders(): Loaders {
      return (loaders ??= createLoaders(services));
    },
    set loaders(value: Loaders) {
      loaders = value;
    },
  };
}
