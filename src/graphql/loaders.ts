// Every relation loads through these per-request DataLoaders, created by the context factory:
// each module's under its name (`ctx.loaders.needs.byId`), so two modules cannot clash.
import { readRouting } from '../db/database';
import { AllModuleLoaders, MODULES } from '../modules';
import type { Services } from './services';

export type Loaders = AllModuleLoaders;

/** With `primary`, every batch of these loaders reads from the primary (fresh after a commit). */
export function createLoaders(s: Services, options: { primary?: boolean } = {}): Loaders {
  return options.primary ? readRouting.run('primary', () => build(s)) : build(s);
}

function build(s: Services): Loaders {
  // Each factory picks its own module's services out of the whole set.
  return Object.fromEntries(
    MODULES.map((m) => [m.name, m.loaders(s as never)]),
  ) as unknown as Loaders;
}
