import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { parseOptionalGlobalId } from '../../graphql/global-id';
import { Connection } from '../../graphql/pagination';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryConnection } from './audit.type';

@Authorized()
@Resolver()
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description: 'Every mutation, newest first (COORDINATOR: own regions; ADMIN: all).',
  })
  auditLog(
    @Ctx() ctx: HubContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('regionId', () => ID, { nullable: true }) regionId?: string,
  ): Promise<Connection<AuditEntry>> {
    return ctx.services.audit.list(ctx.viewer, {
      first,
      after,
      regionId: parseOptionalGlobalId(regionId, 'Region', 'regionId'),
    });
  }
}
