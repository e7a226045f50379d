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

export function createContext(
  services: Services,
  viewer: Viewer,
  requestId: string = randomUUID(),
): HubContext {
  return { requestId, viewer, services, loaders: createLoaders(services) };
}
