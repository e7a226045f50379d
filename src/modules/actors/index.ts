// Actors: schools, clubs, initiatives, network roles and other organisations. Always public.
import type { ActivityServices } from '../activity';
import type { AuditServices } from '../audit';
import { defineModule, HubInfra, ServicesOf } from '../define-module';
import { Actor } from './actor.entity';
import { createActorLoaders } from './actor.loaders';
import {
  assertCanCreateActorIn,
  assertCanEditActor,
  canCreateActorIn,
  canEditActor,
  coordinatesRegion,
} from './actor.permissions';
import { ActorResolver } from './actor.resolver';
import { ActorService } from './actor.service';
import { ClubResolver } from './club.resolver';
import { NetworkRoleResolver } from './network-role.resolver';
import { RegionActorsResolver } from './region-actors.resolver';

export const actorsModule = defineModule({
  name: 'actors',
  entities: [Actor],
  resolvers: [ActorResolver, RegionActorsResolver, NetworkRoleResolver, ClubResolver],
  nodeTypes: [
    {
      name: 'Actor',
      // Actors are public records (organisations and roles): visible to everyone.
      fetch: (ctx, id): Promise<object | null> => ctx.loaders.actors.byId.load(id),
      // Actor is an entity interface (Federation 2.3): another subgraph adds fields to every
      // actor through @interfaceObject without knowing the five kinds.
      entities: ['Actor', 'School', 'Club', 'Initiative', 'NetworkRole', 'Organization'],
    },
  ],
  services: ({ db, audit, activity }: HubInfra & AuditServices & ActivityServices) => ({
    actors: new ActorService(db, audit, activity),
  }),
  loaders: ({ actors }) => createActorLoaders(actors),
  permissions: {
    coordinatesRegion,
    canCreateActorIn,
    canEditActor,
    assertCanCreateActorIn,
    assertCanEditActor,
  },
});

/** What the actors module adds to ctx.services, for the factories of modules after it. */
export type ActorsServices = ServicesOf<typeof actorsModule>;
