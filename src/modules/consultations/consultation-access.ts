// Resolver-side helpers: a consultation's permission target through the loaders, and the one
// visibility check node(), `_entities`, the activity feed and KnowledgeArticle.consultation share.
import type { HubContext } from '../../graphql/context';
import { pathIds } from '../shared/region-path';
import { Consultation } from './consultation.entity';
import { canSeeConsultation, ConsultationAccessTarget } from './consultation.permissions';

export async function consultationTarget(
  ctx: HubContext,
  c: Consultation,
): Promise<ConsultationAccessTarget> {
  const region = await ctx.loaders.regions.byId.load(c.regionId);
  return {
    actorId: c.actorId,
    pilotId: c.pilotId,
    regionPathIds: region ? pathIds(region.path) : [],
  };
}

export async function visibleConsultation(
  ctx: HubContext,
  id: number,
): Promise<Consultation | null> {
  const c = await ctx.loaders.consultations.byId.load(id);
  return c && canSeeConsultation(ctx.viewer, await consultationTarget(ctx, c)) ? c : null;
}
