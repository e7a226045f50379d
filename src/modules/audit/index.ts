// The audit log: every change is recorded in its transaction; ADMINs and COORDINATORs read it.
import { defineModule, HubInfra, ServicesOf } from '../define-module';
import { AuditEntry } from './audit-entry.entity';
import { assertCanReadAuditLog, canReadAuditLog } from './audit.permissions';
import { AuditEntryResolver } from './audit-entry.resolver';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

export const auditModule = defineModule({
  name: 'audit',
  entities: [AuditEntry],
  resolvers: [AuditResolver, AuditEntryResolver],
  services: ({ db }: HubInfra) => ({ audit: new AuditService(db) }),
  permissions: { canReadAuditLog, assertCanReadAuditLog },
});

/** What the audit module adds to ctx.services, for the factories of modules after it. */
export type AuditServices = ServicesOf<typeof auditModule>;
