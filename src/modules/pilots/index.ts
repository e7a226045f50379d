// Pilots (Ehrenamtslotsen): public profiles of volunteer experts (areas, regions served, bio,
// monthly capacity), managed by coordinators and ADMINs and linked to the PILOT account that
// signs in as them (session claim pilotId). Their consultations live in ../consultations.
import type { AccountsServices } from '../accounts';
import type { AuditServices } from '../audit';
import { defineModule, HubInfra, ServicesOf } from '../define-module';
import { Pilot } from './pilot.entity';
import { createPilotLoaders } from './pilot.loaders';
import {
  assertCanManagePilot,
  canManagePilot,
  canSeePilotLoad,
  isPilot,
} from './pilot.permissions';
import { AccountPilotResolver, PilotResolver } from './pilot.resolver';
import { PilotService } from './pilot.service';

export const pilotsModule = defineModule({
  name: 'pilots',
  entities: [Pilot],
  resolvers: [PilotResolver, AccountPilotResolver],
  nodeTypes: [
    {
      name: 'Pilot',
      // A public profile: everyone may see it; the load decides per field.
      fetch: (ctx, id): Promise<object | null> => ctx.loaders.pilots.byId.load(id),
      entities: ['Pilot'],
      displayName: (p) => (p as Pilot).displayName,
    },
  ],
  services: ({ db, audit }: HubInfra & AuditServices & AccountsServices) => ({
    pilots: new PilotService(db, audit),
  }),
  loaders: ({ pilots }) => createPilotLoaders(pilots),
  permissions: { canManagePilot, assertCanManagePilot, canSeePilotLoad, isPilot },
});

/** What the pilots module adds to ctx.services, for the modules after it. */
export type PilotsServices = ServicesOf<typeof pilotsModule>;
