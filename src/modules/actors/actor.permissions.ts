// Who may do what with actors. Actors carry no visibility of their own: every actor is public
// (they are organisations and roles, never private persons), so reads are open to everyone.
import { ForbiddenError } from '../../graphql/errors';
import { Role, Viewer } from '../../graphql/viewer';

/** True when the region (given by its path of ancestor ids, itself last) lies in one the viewer coordinates. */
export function coordinatesRegion(viewer: Viewer, regionPathIds: number[]): boolean {
  return (
    viewer.role === Role.COORDINATOR && regionPathIds.some((id) => viewer.regionIds.includes(id))
  );
}

/** ADMINs anywhere; COORDINATORs in the regions they coordinate (with everything below). */
export function canCreateActorIn(viewer: Viewer, regionPathIds: number[]): boolean {
  return viewer.role === Role.ADMIN || coordinatesRegion(viewer, regionPathIds);
}

/**
 * MEMBERs (and COORDINATORs) edit their own actors, COORDINATORs everything in their regions,
 * ADMINs everything. NETWORKERs read but never edit actors.
 */
export function canEditActor(viewer: Viewer, actorId: number, regionPathIds: number[]): boolean {
  if (viewer.role === Role.ADMIN) return true;
  if (
    (viewer.role === Role.MEMBER || viewer.role === Role.COORDINATOR) &&
    viewer.actorIds.includes(actorId)
  ) {
    return true;
  }
  return coordinatesRegion(viewer, regionPathIds);
}

/**
 * An actor as the placement rule needs it: its region's path, and its home area, the region its
 * MEMBERs may place its needs and offers in (with everything below): the district (Kreis) that
 * contains the actor's region, or the actor's own region where no district does (an actor at
 * state level, a kreisfreie Stadt directly below the state).
 */
export interface ActorHome {
  actorId: number;
  /** Ancestor ids of the actor's region, the region itself last. */
  regionPathIds: number[];
  /** The district on that path, else the actor's region. */
  homeRegionId: number;
}

/** The home area of an actor: its district when its region lies in one, else its own region. */
export function homeRegionOf(regionPathIds: number[], districtId: number | null): number {
  return districtId ?? regionPathIds[regionPathIds.length - 1];
}

/**
 * Placing a need or an offer of an actor in a region (path `placePathIds`): ADMINs anywhere;
 * whoever edits the actor through coordination only within regions they coordinate; whoever
 * acts for the actor as its member (MEMBER, or a COORDINATOR's own actor) also anywhere in the
 * actor's home area. A village club helps and asks in its Kreis, not across the state.
 */
export function canPlaceForActor(
  viewer: Viewer,
  actor: ActorHome,
  placePathIds: number[],
): boolean {
  if (viewer.role === Role.ADMIN) return true;
  const member =
    (viewer.role === Role.MEMBER || viewer.role === Role.COORDINATOR) &&
    viewer.actorIds.includes(actor.actorId);
  if (!member && !coordinatesRegion(viewer, actor.regionPathIds)) return false;
  if (coordinatesRegion(viewer, placePathIds)) return true;
  return member && placePathIds.includes(actor.homeRegionId);
}

export function assertCanCreateActorIn(viewer: Viewer, regionPathIds: number[]): void {
  if (!canCreateActorIn(viewer, regionPathIds)) {
    throw new ForbiddenError(
      'Only coordinators of the region and administrators may create actors there',
    );
  }
}

export function assertCanEditActor(viewer: Viewer, actorId: number, regionPathIds: number[]): void {
  if (!canEditActor(viewer, actorId, regionPathIds)) {
    throw new ForbiddenError('You may not edit this actor');
  }
}
