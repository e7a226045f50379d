// Who may do what with events. Pure predicates over the organizer and the event's region path;
// reads follow the shared visibility rule.
import { ForbiddenError } from '../../graphql/errors';
import { Role, Viewer } from '../../graphql/viewer';
import { canEditActor, coordinatesRegion } from '../actors/actor.permissions';

export interface EventAccessTarget {
  organizerId: number;
  /** Ancestor ids of the event's region, the region itself last. */
  regionPathIds: number[];
}

/** The organizer's editors, coordinators of the event's region, ADMINs. */
export function canEditEvent(viewer: Viewer, e: EventAccessTarget): boolean {
  return canEditActor(viewer, e.organizerId, e.regionPathIds);
}

/** Registrations with names and e-mails: the organizer's editors and the region's coordinators. */
export function canSeeRegistrations(viewer: Viewer, e: EventAccessTarget): boolean {
  return canEditEvent(viewer, e) || coordinatesRegion(viewer, e.regionPathIds);
}

/** One registration: as above, or the editors of the registered actor. */
export function canSeeRegistration(
  viewer: Viewer,
  e: EventAccessTarget,
  registration: { actorId: number | null; registeredBy: string | null },
): boolean {
  if (canSeeRegistrations(viewer, e)) return true;
  if (viewer.role === Role.PUBLIC) return false;
  if (registration.actorId != null && viewer.role !== Role.NETWORKER) {
    return viewer.actorIds.includes(registration.actorId);
  }
  return false;
}

export function assertCanEditEvent(viewer: Viewer, e: EventAccessTarget): void {
  if (!canEditEvent(viewer, e)) throw new ForbiddenError('You may not change this event');
}
