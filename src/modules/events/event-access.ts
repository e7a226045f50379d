// Resolver-side helpers: the permission target of an event through the loaders, and the
// visibility checks node(), Event fields and registration fields share.
import type { HubContext } from '../../graphql/context';
import { pathIds } from '../shared/region-path';
import { canSeeVisibility } from '../shared/visibility';
import { HubEvent } from './event.entity';
import { canSeeRegistration, canSeeRegistrations, EventAccessTarget } from './event.permissions';
import { EventRegistration } from './event-registration.entity';
import { TopicProposal } from './topic-proposal.entity';

export async function eventAccessTarget(ctx: HubContext, e: HubEvent): Promise<EventAccessTarget> {
  const region = await ctx.loaders.regions.byId.load(e.regionId);
  return { organizerId: e.organizerId, regionPathIds: region ? pathIds(region.path) : [] };
}

export async function visibleEvent(ctx: HubContext, id: number): Promise<HubEvent | null> {
  const e = await ctx.loaders.events.byId.load(id);
  return e && canSeeVisibility(ctx.viewer, e.visibility) ? e : null;
}

export async function mayReadRegistrations(ctx: HubContext, e: HubEvent): Promise<boolean> {
  return canSeeRegistrations(ctx.viewer, await eventAccessTarget(ctx, e));
}

export async function visibleRegistration(
  ctx: HubContext,
  id: number,
): Promise<EventRegistration | null> {
  const r = await ctx.loaders.events.registrationById.load(id);
  if (!r) return null;
  const e = await visibleEvent(ctx, r.eventId);
  if (!e) return null;
  return canSeeRegistration(ctx.viewer, await eventAccessTarget(ctx, e), r) ? r : null;
}

export async function visibleTopic(ctx: HubContext, id: number): Promise<TopicProposal | null> {
  const t = await ctx.loaders.events.topicById.load(id);
  return t && (await visibleEvent(ctx, t.eventId)) ? t : null;
}
