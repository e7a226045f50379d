import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { parseGlobalId, toGlobalId } from '../../graphql/global-id';
import { Need } from './need.entity';
import { NeedType } from './need.type';

/** Reviewing DRAFT needs (from survey answers): the coordinators of the need's region, ADMINs. */
@Authorized()
@Resolver(() => NeedType)
export class NeedDraftResolver {
  @Mutation(() => NeedType, {
    description: 'Publishes a DRAFT need (status OPEN, an OPENED event).',
  })
  publishNeed(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the DRAFT need.' }) id: string,
  ): Promise<Need> {
    return ctx.services.needDrafts.publish(ctx.viewer, parseGlobalId(id, 'Need'));
  }

  @Mutation(() => ID, { description: 'Deletes a DRAFT need; returns its id.' })
  async discardNeed(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the DRAFT need.' }) id: string,
  ): Promise<string> {
    return toGlobalId(
      'Need',
      await ctx.services.needDrafts.discard(ctx.viewer, parseGlobalId(id, 'Need')),
    );
  }
}
