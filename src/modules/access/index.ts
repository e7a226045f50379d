// Who is calling (Query.viewer) and volunteers' personal data: erasure on request, and the
// retention sweep's anonymisation (run by the needs module's sweep).
import type { AuditService } from '../audit/audit.service';
import { defineModule, HubInfra } from '../define-module';
import { ViewerResolver } from './viewer.resolver';
import { VolunteerDataResolver } from './volunteer-data.resolver';
import { VolunteerDataService } from './volunteer-data.service';

export const accessModule = defineModule({
  name: 'access',
  resolvers: [ViewerResolver, VolunteerDataResolver],
  services: ({ config, db, audit }: HubInfra & { audit: AuditService }) => ({
    volunteerData: new VolunteerDataService(db, audit, config.volunteerRetentionDays),
  }),
});
