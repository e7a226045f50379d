import { Arg, Args, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { parseOptionalGlobalId } from '../../graphql/global-id';
import { Connection } from '../../graphql/pagination';
import { PageArgs } from '../../graphql/relay.types';
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
    @Args() page: PageArgs,
    @Arg('regionId', () => ID, {
      nullable: true,
      description: 'Only entries about this region and every region below it.',
    })
    regionId?: string,
  ): Promise<Connection<AuditEntry>> {
    return ctx.services.audit.list(ctx.viewer, {
      ...page,
      regionId: parseOptionalGlobalId(regionId, 'Region', 'regionId'),
    });
  }
}
