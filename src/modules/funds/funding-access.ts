// Resolver-side helpers: an application's permission target through the loaders, and the one
// visibility check node(), `_entities`, the activity feed (and so the webhooks) share.
import type { HubContext } from '../../graphql/context';
import { pathIds } from '../shared/region-path';
import { FundingApplication } from './funding.entity';
import { ApplicationAccessTarget, canSeeApplication } from './funding.permissions';

export async function applicationTarget(
  ctx: HubContext,
  a: FundingApplication,
): Promise<ApplicationAccessTarget> {
  const region = await ctx.loaders.regions.byId.load(a.regionId);
  return {
    applicantId: a.applicantId,
    boardId: a.boardId,
    status: a.status,
    regionPathIds: region ? pathIds(region.path) : [],
  };
}

export async function visibleApplication(
  ctx: HubContext,
  id: number,
): Promise<FundingApplication | null> {
  const a = await ctx.loaders.funds.applicationById.load(id);
  return a && canSeeApplication(ctx.viewer, await applicationTarget(ctx, a)) ? a : null;
}
