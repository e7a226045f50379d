// Resolver-side helpers: the region path of a survey through the loaders, and the checks that
// node(), Survey fields and SurveyResponse share.
import type { HubContext } from '../../graphql/context';
import { pathIds } from '../shared/region-path';
import { Survey, SurveyResponse } from './survey.entity';
import { canRunSurvey, canSeeSurvey } from './survey.permissions';

async function regionPathOf(ctx: HubContext, regionId: number): Promise<number[]> {
  const region = await ctx.loaders.regions.byId.load(regionId);
  return region ? pathIds(region.path) : [];
}

/** Whether the viewer runs the survey (its region's coordinators, ADMINs): answers and results. */
export async function runsSurvey(ctx: HubContext, survey: Survey): Promise<boolean> {
  return canRunSurvey(ctx.viewer, await regionPathOf(ctx, survey.regionId));
}

export async function visibleSurvey(ctx: HubContext, id: number): Promise<Survey | null> {
  const s = await ctx.loaders.surveys.byId.load(id);
  return s && canSeeSurvey(ctx.viewer, s, await regionPathOf(ctx, s.regionId)) ? s : null;
}

/** A response only for those who run its survey. */
export async function visibleResponse(ctx: HubContext, id: number): Promise<SurveyResponse | null> {
  const r = await ctx.loaders.surveys.responseById.load(id);
  if (!r) return null;
  const s = await ctx.loaders.surveys.byId.load(r.surveyId);
  return s && (await runsSurvey(ctx, s)) ? r : null;
}
