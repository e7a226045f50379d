// Who may see and change needs and pledges. Pure predicates, reused by the services, by node(),
// and by the needEvents subscription; what PUBLIC callers see is the shared visibility rule
// (../shared/visibility.ts).
import { ForbiddenError } from '../../graphql/errors';
import { Role, Viewer } from '../../graphql/viewer';
import {
  ActorHome,
  canEditActor,
  canPlaceForActor,
  coordinatesRegion,
} from '../actors/actor.permissions';
import { Visibility } from '../shared/visibility';

/** What the predicates need to know about a need (or an offer, which follows the same rules). */
export interface NeedAccessTarget {
  actorId: number;
  visibility: Visibility;
  /** Ancestor ids of the need's region, the region itself last. */
  regionPathIds: number[];
}

/**
 * Editors of a need: the actor's editors (MEMBER or COORDINATOR acting for it), COORDINATORs of
 * the need's region (with everything above it), ADMINs. NETWORKERs never edit needs.
 */
export function canEditNeed(
  viewer: Viewer,
  target: Pick<NeedAccessTarget, 'actorId' | 'regionPathIds'>,
): boolean {
  return canEditActor(viewer, target.actorId, target.regionPathIds);
}

/**
 * Opening a need of an actor in a region: the actor's editors, and a MEMBER only within the
 * actor's district (its home area, see canPlaceForActor); coordinators within their regions.
 */
export function canOpenNeedIn(
  viewer: Viewer,
  actor: ActorHome,
  needRegionPathIds: number[],
): boolean {
  return canPlaceForActor(viewer, actor, needRegionPathIds);
}

export function assertCanOpenNeedIn(
  viewer: Viewer,
  actor: ActorHome,
  needRegionPathIds: number[],
): void {
  if (canOpenNeedIn(viewer, actor, needRegionPathIds)) return;
  if (!canEditActor(viewer, actor.actorId, actor.regionPathIds))
    throw new ForbiddenError('You may not change this need');
  throw new ForbiddenError("Needs of this actor may only lie within the actor's district");
}

/** Volunteers' names and e-mails: only for the need's editors, its region's coordinators and ADMINs. */
export function canSeeVolunteerData(
  viewer: Viewer,
  target: Pick<NeedAccessTarget, 'actorId' | 'regionPathIds'>,
): boolean {
  return canEditNeed(viewer, target) || coordinatesRegion(viewer, target.regionPathIds);
}

/** A pledge is visible to the need's editors and to the editors of the pledging actor. */
export function canSeePledge(
  viewer: Viewer,
  need: Pick<NeedAccessTarget, 'actorId' | 'regionPathIds'>,
  pledgeActorId: number | null,
): boolean {
  if (canSeeVolunteerData(viewer, need)) return true;
  return pledgeActorId != null && viewer.role !== Role.PUBLIC && viewer.role !== Role.NETWORKER
    ? viewer.actorIds.includes(pledgeActorId)
    : false;
}

/** Pledging for an actor requires acting for it (own actor, coordinated region, ADMIN). */
export function canPledgeFor(
  viewer: Viewer,
  actorId: number,
  actorRegionPathIds: number[],
): boolean {
  return canEditActor(viewer, actorId, actorRegionPathIds);
}

/**
 * DRAFT needs (made from survey answers) exist for the coordinators of their region and ADMINs
 * only, until published: not for the actor's members, not for anyone else, on no path.
 */
export function canSeeDraftNeed(viewer: Viewer, regionPathIds: number[]): boolean {
  return viewer.role === Role.ADMIN || coordinatesRegion(viewer, regionPathIds);
}

/** Whether a need of this status in this region exists for the viewer (DRAFT: canSeeDraftNeed). */
export function canSeeNeedStatus(viewer: Viewer, status: string, regionPathIds: number[]): boolean {
  return status !== 'DRAFT' || canSeeDraftNeed(viewer, regionPathIds);
}

export function assertCanEditNeed(
  viewer: Viewer,
  target: Pick<NeedAccessTarget, 'actorId' | 'regionPathIds'>,
): void {
  if (!canEditNeed(viewer, target)) throw new ForbiddenError('You may not change this need');
}
