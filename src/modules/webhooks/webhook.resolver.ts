// createWebhook, deleteWebhook, webhooks and Webhook's fields: coordinators (their regions)
// and admins only.
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { parseGlobalId, parseOptionalGlobalId, toGlobalId } from '../../graphql/global-id';
import { Role } from '../../graphql/viewer';
import { encodeActivityCursor } from '../activity/activity.store';
import { Region } from '../regions/region.entity';
import { RegionType } from '../regions/region.type';
import { WebhookDelivery } from './webhook-delivery.entity';
import { Webhook } from './webhook.entity';
import {
  CreatedWebhookType,
  CreateWebhookInput,
  WebhookDeliveryType,
  WebhookType,
} from './webhook.type';

@Authorized(Role.COORDINATOR, Role.ADMIN)
@Resolver(() => WebhookType)
export class WebhookResolver {
  @Query(() => [WebhookType], {
    description:
      'The webhooks the caller manages, of a region and below when given (newest first).',
  })
  webhooks(
    @Ctx() ctx: HubContext,
    @Arg('regionId', () => ID, {
      nullable: true,
      description: 'Only webhooks of this region and below.',
    })
    regionId?: string | null,
  ): Promise<Webhook[]> {
    return ctx.services.webhooks.list(
      ctx.viewer,
      parseOptionalGlobalId(regionId ?? undefined, 'Region', 'regionId'),
    );
  }

  @Mutation(() => CreatedWebhookType, {
    description:
      'Registers a webhook (coordinators in their regions, admins); the secret is shown once.',
  })
  createWebhook(
    @Ctx() ctx: HubContext,
    @Arg('input', () => CreateWebhookInput, { description: 'The webhook.' })
    input: CreateWebhookInput,
  ): Promise<{ webhook: Webhook; secret: string }> {
    return ctx.services.webhooks.create(ctx.viewer, {
      ...input,
      regionId: parseGlobalId(input.regionId, 'Region', 'regionId'),
    });
  }

  @Mutation(() => ID, {
    description: 'Deletes a webhook and its delivery history; returns its id.',
  })
  async deleteWebhook(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'The webhook.' }) id: string,
  ): Promise<string> {
    await ctx.services.webhooks.delete(ctx.viewer, parseGlobalId(id, 'Webhook'));
    return id;
  }

  @FieldResolver(() => ID, { description: 'Global id (Relay) of this webhook.' })
  id(@Root() w: Webhook): string {
    return toGlobalId('Webhook', w.id);
  }

  @FieldResolver(() => RegionType, { description: 'The region whose activities it receives.' })
  async region(@Root() w: Webhook, @Ctx() ctx: HubContext): Promise<Region> {
    return (await ctx.loaders.regions.byId.load(w.regionId)) as Region;
  }

  @FieldResolver(() => [WebhookDeliveryType], { description: 'Newest first.' })
  deliveries(
    @Root() w: Webhook,
    @Ctx() ctx: HubContext,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 20,
      description: 'How many (1 to 100, default 20).',
    })
    first: number,
  ): Promise<Array<Omit<WebhookDelivery, 'id'> & { id: string; activityCursor: string }>> {
    return ctx.services.webhooks.deliveries(w.id, first ?? 20).then((list) =>
      list.map((d) => ({
        ...d,
        id: toGlobalId('Webhook', w.id) + `.${d.id}`,
        activityCursor: encodeActivityCursor(Number(d.activityPosition)),
      })),
    );
  }
}
