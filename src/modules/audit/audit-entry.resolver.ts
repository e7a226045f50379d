import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { decodeGlobalId } from '../../graphql/global-id';
import { nodeDisplayName } from '../../graphql/node.resolver';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryType, AuditTargetType } from './audit.type';

/**
 * AuditEntry.targets: the touched records with the names they have now, read through each
 * type's node fetcher (batched by its loaders, with its visibility rules) and its displayName,
 * which never gives a private person's data. The log itself stores ids only.
 */
@Authorized()
@Resolver(() => AuditEntryType)
export class AuditEntryResolver {
  @FieldResolver(() => [AuditTargetType], {
    description: 'The records the mutation touched, with their names, in the order of targetIds.',
  })
  targets(@Root() entry: AuditEntry, @Ctx() ctx: HubContext): Promise<AuditTargetType[]> {
    return Promise.all(
      entry.targetIds.map(async (id) => ({
        id,
        type: decodeGlobalId(id)?.type ?? null,
        name: await nodeDisplayName(ctx, id),
      })),
    );
  }
}
