// Who sees a consultation: exactly three parties, on every path (lists, counts, node(), the
// activity feed and its subscription, federation `_entities`): the asking actor's members, the
// assigned pilot and the coordinators of the actor's region. ADMINs are not among them: a
// question a club's board asks in confidence is not the hub operator's to read.
import { ForbiddenError } from '../../graphql/errors';
import { Role, Viewer } from '../../graphql/viewer';
import { coordinatesRegion } from '../actors/actor.permissions';
import { isPilot } from '../pilots/pilot.permissions';

export interface ConsultationAccessTarget {
  actorId: number;
  pilotId: number | null;
  /** Path of the consultation's region (ancestor ids, the region last). */
  regionPathIds: number[];
}

/** A member acting for the actor (a coordinator may be one too). */
export function actsForActor(viewer: Viewer, actorId: number): boolean {
  return (
    (viewer.role === Role.MEMBER || viewer.role === Role.COORDINATOR) &&
    viewer.actorIds.includes(actorId)
  );
}

export function canSeeConsultation(viewer: Viewer, t: ConsultationAccessTarget): boolean {
  return (
    actsForActor(viewer, t.actorId) ||
    isPilot(viewer, t.pilotId) ||
    coordinatesRegion(viewer, t.regionPathIds)
  );
}

/** Assigning, suggesting pilots, publishing an answer: the coordinators of the region. */
export function canCoordinateConsultation(viewer: Viewer, t: ConsultationAccessTarget): boolean {
  return coordinatesRegion(viewer, t.regionPathIds);
}

export function assertCanCoordinateConsultation(viewer: Viewer, t: ConsultationAccessTarget): void {
  if (!canCoordinateConsultation(viewer, t)) {
    throw new ForbiddenError('Only coordinators of the asking actor’s region may do this');
  }
}

export function assertCanAsk(viewer: Viewer, actorId: number): void {
  if (!actsForActor(viewer, actorId)) {
    throw new ForbiddenError('Only members of the actor may ask the pilots for it');
  }
}

/** Closing: the asking actor's members and the coordinators. */
export function assertCanClose(viewer: Viewer, t: ConsultationAccessTarget): void {
  if (!actsForActor(viewer, t.actorId) && !coordinatesRegion(viewer, t.regionPathIds)) {
    throw new ForbiddenError('Only the asking actor’s members and coordinators may close it');
  }
}

/** Withdrawing: the asking actor's members only. */
export function assertCanWithdraw(viewer: Viewer, t: ConsultationAccessTarget): void {
  if (!actsForActor(viewer, t.actorId)) {
    throw new ForbiddenError('Only the asking actor’s members may withdraw it');
  }
}

/**
 * canSeeConsultation as SQL over `alias` (a consultation row); pushes its parameters. 'FALSE'
 * when the viewer is none of the three parties for any consultation.
 */
export function consultationVisibleSql(viewer: Viewer, alias: string, params: unknown[]): string {
  const parts: string[] = [];
  if ((viewer.role === Role.MEMBER || viewer.role === Role.COORDINATOR) && viewer.actorIds.length) {
    params.push(viewer.actorIds);
    parts.push(`${alias}.actor_id = ANY($${params.length}::int[])`);
  }
  if (viewer.role === Role.PILOT && viewer.pilotId != null) {
    params.push(viewer.pilotId);
    parts.push(`${alias}.pilot_id = $${params.length}`);
  }
  if (viewer.role === Role.COORDINATOR && viewer.regionIds.length) {
    params.push(viewer.regionIds);
    parts.push(`${alias}.region_id IN (SELECT sub.id FROM region sub JOIN region top
      ON sub.path LIKE top.path || '%' WHERE top.id = ANY($${params.length}::int[]))`);
  }
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}
