// Open data out: the public directory as HSDS 3.0 (/hsds/...), and a ZIP of CSV files with a
// Frictionless datapackage.json (/open-data), with tombstones for incremental sync. Only what a
// PUBLIC caller of the API may see; nothing of private persons.
import { defineModule, HubInfra, ServicesOf } from '../define-module';
import { registerOpenDataRoutes } from './open-data.routes';
import { OpenDataService } from './open-data.service';

export const openDataModule = defineModule({
  name: 'openData',
  services: ({ db, config }: HubInfra) => ({ openData: new OpenDataService(db, config) }),
  routes: (app, { openData }, deps) => registerOpenDataRoutes(app, openData, deps),
});

/** What the open-data module adds to ctx.services. */
export type OpenDataServices = ServicesOf<typeof openDataModule>;
