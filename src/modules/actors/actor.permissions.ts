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
