// THE list of feature modules. A new feature is a folder with an index.ts (defineModule) and
// one line here; the central files loop over this list and never name a feature. Order
// matters twice: a module's services may use those of the modules above it (checked below at
// compile time), and the schema's resolvers are registered in this order.
import { accessModule } from './access';
import { accountsModule } from './accounts';
import { activityModule } from './activity';
import { actorsModule } from './actors';
import { auditModule } from './audit';
import { contactPointsModule } from './contact-points';
import { consultationsModule } from './consultations';
import { cooperationsModule } from './cooperations';
import { eventsModule } from './events';
import { fundsModule } from './funds';
import { CheckModules, ModuleLoaders, ModuleServices, NodeNamesOf } from './define-module';
import { graphModule } from './graph';
import { linksModule } from './links';
import { mailModule } from './mail';
import { needsModule } from './needs';
import { offersModule } from './offers';
import { openDataModule } from './open-data';
import { pilotsModule } from './pilots';
import { regionsModule } from './regions';
import { searchModule } from './search';
import { surveysModule } from './surveys';
import { webhooksModule } from './webhooks';

export const MODULES = [
  auditModule,
  activityModule,
  regionsModule,
  accessModule,
  mailModule,
  linksModule,
  accountsModule,
  // After mail and accounts: a webhook switched off mails its owners.
  webhooksModule,
  actorsModule,
  cooperationsModule,
  graphModule,
  needsModule,
  offersModule,
  searchModule,
  contactPointsModule,
  eventsModule,
  openDataModule,
  pilotsModule,
  consultationsModule,
  surveysModule,
  fundsModule,
] as const;

/** Fails to compile, naming the module, when MODULES is out of order or two modules clash. */
const checked: CheckModules<typeof MODULES> = true;
void checked;

export type AllModuleServices = ModuleServices<typeof MODULES>;
export type AllModuleLoaders = ModuleLoaders<typeof MODULES>;
export type AllNodeTypeNames = NodeNamesOf<typeof MODULES>;
