// Cooperations between actors; PROPOSED ones are for partners only.
import type { ActivityServices } from '../activity';
import type { AuditServices } from '../audit';
import { defineModule, HubInfra, ServicesOf } from '../define-module';
import { CooperationParticipant } from './cooperation-participant.entity';
import { Cooperation } from './cooperation.entity';
import { createCooperationLoaders } from './cooperation.loaders';
import {
  assertCanWriteCooperation,
  canReadCooperation,
  canWriteCooperation,
  visibleStatuses,
} from './cooperation.permissions';
import { CooperationResolver } from './cooperation.resolver';
import { CooperationService } from './cooperation.service';

export const cooperationsModule = defineModule({
  name: 'cooperations',
  entities: [Cooperation, CooperationParticipant],
  resolvers: [CooperationResolver],
  nodeTypes: [
    {
      name: 'Cooperation',
      fetch: async (ctx, id): Promise<object | null> => {
        const c = await ctx.loaders.cooperations.byId.load(id);
        return c && canReadCooperation(ctx.viewer, c.status) ? c : null;
      },
      entities: ['Cooperation'],
    },
  ],
  services: ({ db, audit, activity }: HubInfra & AuditServices & ActivityServices) => ({
    cooperations: new CooperationService(db, audit, activity),
  }),
  loaders: ({ cooperations }) => createCooperationLoaders(cooperations),
  permissions: {
    canReadCooperation,
    visibleStatuses,
    canWriteCooperation,
    assertCanWriteCooperation,
  },
});

/** What the cooperations module adds to ctx.services, for the factories of modules after it. */
export type CooperationsServices = ServicesOf<typeof cooperationsModule>;
