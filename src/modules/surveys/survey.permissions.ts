// Who may do what with surveys. Pure predicates, reused by the services, by node() and by the
// survey's field resolvers. A survey is run by the coordinators of its region (with everything
// above it) and ADMINs; once opened, its title and questions are for everyone (an invited actor
// reads them through the answer link, without an account), its answers only for those who run it.
import { ForbiddenError } from '../../graphql/errors';
import { Role, Viewer } from '../../graphql/viewer';
import { canEditActor, coordinatesRegion } from '../actors/actor.permissions';
import { SurveyStatus } from './survey.entity';

/** Coordinators of the survey's region (given by its path) and ADMINs. */
export function canRunSurvey(viewer: Viewer, regionPathIds: number[]): boolean {
  return viewer.role === Role.ADMIN || coordinatesRegion(viewer, regionPathIds);
}

export function assertCanRunSurvey(viewer: Viewer, regionPathIds: number[]): void {
  if (!canRunSurvey(viewer, regionPathIds)) {
    throw new ForbiddenError('Only coordinators of the region may manage this survey');
  }
}

/** A DRAFT survey is its coordinators' only; an opened or closed one everybody's to read. */
export function canSeeSurvey(
  viewer: Viewer,
  survey: { status: SurveyStatus },
  regionPathIds: number[],
): boolean {
  return survey.status !== SurveyStatus.DRAFT || canRunSurvey(viewer, regionPathIds);
}

/**
 * Answering for an actor while signed in: its members, coordinators of its region (who may type
 * in what they were told on the phone) and ADMINs.
 */
export function canAnswerFor(
  viewer: Viewer,
  actorId: number,
  actorRegionPathIds: number[],
): boolean {
  return canEditActor(viewer, actorId, actorRegionPathIds);
}
