// Who may do what with engagement funds. Programmes are public (a fund is announced); an
// application is confidential until approved: only three parties see it, on every path (lists,
// counts, node(), the activity feed and its subscription, federation `_entities`, webhooks):
// the applicant's members, the board's members and the coordinators of the programme's region.
// A DRAFT is the applicant's alone. ADMINs are not among them, as with consultations.
import { DomainError, ForbiddenError } from '../../graphql/errors';
import { Role, Viewer } from '../../graphql/viewer';
import { coordinatesRegion } from '../actors/actor.permissions';
import { ApplicationStatus } from './funding.entity';

export interface ApplicationAccessTarget {
  applicantId: number;
  boardId: number | null;
  status: ApplicationStatus;
  /** Path of the programme's region (ancestor ids, the region last). */
  regionPathIds: number[];
}

/** A member acting for the actor (a coordinator may be one too). */
export function actsFor(viewer: Viewer, actorId: number | null): boolean {
  return (
    actorId != null &&
    (viewer.role === Role.MEMBER || viewer.role === Role.COORDINATOR) &&
    viewer.actorIds.includes(actorId)
  );
}

export function canSeeApplication(viewer: Viewer, t: ApplicationAccessTarget): boolean {
  if (actsFor(viewer, t.applicantId)) return true;
  if (t.status === ApplicationStatus.DRAFT) return false;
  return actsFor(viewer, t.boardId) || coordinatesRegion(viewer, t.regionPathIds);
}

/**
 * Reviews name board members: for the board and the coordinators, never for someone who acts
 * for the applicant (a board member of the applying club included: the conflict of interest).
 */
export function canSeeReviews(viewer: Viewer, t: ApplicationAccessTarget): boolean {
  return (
    t.status !== ApplicationStatus.DRAFT &&
    !actsFor(viewer, t.applicantId) &&
    (actsFor(viewer, t.boardId) || coordinatesRegion(viewer, t.regionPathIds))
  );
}

/** Creating and closing programmes, deciding, payments: coordinators of the region. */
export function assertCoordinates(viewer: Viewer, regionPathIds: number[], what: string): void {
  if (!coordinatesRegion(viewer, regionPathIds)) {
    throw new ForbiddenError(`Only coordinators of the programme's region may ${what}`);
  }
}

export function assertActsForApplicant(viewer: Viewer, applicantId: number, what: string): void {
  if (!actsFor(viewer, applicantId)) {
    throw new ForbiddenError(`Only members of the applicant may ${what}`);
  }
}

/**
 * Reviewing: a member of the board, and never for an actor the reviewer also acts for
 * (FORBIDDEN with extensions.reason CONFLICT_OF_INTEREST).
 */
export function assertCanReview(viewer: Viewer, t: ApplicationAccessTarget): void {
  if (!actsFor(viewer, t.boardId)) {
    throw new ForbiddenError("Only members of the programme's advisory board may review");
  }
  if (actsFor(viewer, t.applicantId)) {
    throw new DomainError(
      'FORBIDDEN',
      'You act for the applicant and may not review this application',
      { reason: 'CONFLICT_OF_INTEREST' },
    );
  }
}

/**
 * canSeeApplication as SQL over `alias` (a funding_application row); pushes its parameters.
 * 'FALSE' when the viewer is none of the three parties for any application.
 */
export function applicationVisibleSql(viewer: Viewer, alias: string, params: unknown[]): string {
  const parts: string[] = [];
  if ((viewer.role === Role.MEMBER || viewer.role === Role.COORDINATOR) && viewer.actorIds.length) {
    params.push(viewer.actorIds);
    const p = params.length;
    parts.push(`${alias}.applicant_id = ANY($${p}::int[])`);
    parts.push(`(${alias}.status <> 'DRAFT' AND ${alias}.board_id = ANY($${p}::int[]))`);
  }
  if (viewer.role === Role.COORDINATOR && viewer.regionIds.length) {
    params.push(viewer.regionIds);
    parts.push(`(${alias}.status <> 'DRAFT' AND ${alias}.region_id IN (SELECT sub.id FROM region sub
      JOIN region top ON sub.path LIKE top.path || '%' WHERE top.id = ANY($${params.length}::int[])))`);
  }
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}
