// Who is calling (Query.viewer) and volunteers' personal data: erasure on request, and the
// retention sweep's anonymisation (run by the needs module's sweep).
import type { AuditServices } from '../audit';
import { defineModule, HubInfra, ServicesOf } from '../define-module';
import { ViewerResolver } from './viewer.resolver';
import { VolunteerDataResolver } from './volunteer-data.resolver';
import { VolunteerDataService } from './volunteer-data.service';

export const accessModule = defineModule({
  name: 'access',
  resolvers: [ViewerResolver, VolunteerDataResolver],
  services: ({ config, db, audit }: HubInfra & AuditServices) => ({
    volunteerData: new VolunteerDataService(db, audit, config.volunteerRetentionDays),
  }),
});

/** What the access module adds to ctx.services, for the factories of modules after it. */
export type AccessServices = ServicesOf<typeof accessModule>;
