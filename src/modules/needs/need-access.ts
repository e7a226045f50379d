// Resolver-side helpers: the region path of a need through the loaders, and the visibility
// checks node(), Need fields and Pledge fields share.
import type { HubContext } from '../../graphql/context';
import { pathIds } from '../shared/region-path';
import { Need, NeedStatus } from './need.entity';
import { canSeeVisibility } from '../shared/visibility';
import {
  canSeeDraftNeed,
  canSeePledge,
  canSeeVolunteerData,
  NeedAccessTarget,
} from './need.permissions';
import { Pledge } from './pledge.entity';

export async function needAccessTarget(ctx: HubContext, need: Need): Promise<NeedAccessTarget> {
  const region = await ctx.loaders.regions.byId.load(need.regionId);
  return {
    actorId: need.actorId,
    visibility: need.visibility,
    regionPathIds: region ? pathIds(region.path) : [],
  };
}

/** The need if the viewer may see it, else null. */
export async function visibleNeed(ctx: HubContext, id: number): Promise<Need | null> {
  const need = await ctx.loaders.needs.byId.load(id);
  if (!need || !canSeeVisibility(ctx.viewer, need.visibility)) return null;
  if (need.status !== NeedStatus.DRAFT) return need;
  return canSeeDraftNeed(ctx.viewer, (await needAccessTarget(ctx, need)).regionPathIds)
    ? need
    : null;
}

export async function mayReadVolunteerData(ctx: HubContext, need: Need): Promise<boolean> {
  return canSeeVolunteerData(ctx.viewer, await needAccessTarget(ctx, need));
}

/** The pledge if the viewer may see it (node(), Pledge lookups), else null. */
export async function visiblePledge(ctx: HubContext, id: number): Promise<Pledge | null> {
  const pledge = await ctx.loaders.needs.pledgeById.load(id);
  if (!pledge) return null;
  const need = await visibleNeed(ctx, pledge.needId);
  if (!need) return null;
  return canSeePledge(ctx.viewer, await needAccessTarget(ctx, need), pledge.actorId)
    ? pledge
    : null;
}
