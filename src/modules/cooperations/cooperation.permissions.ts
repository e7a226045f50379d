// Who may see and shape cooperations. Pure predicates, reused by queries, loaders-visible reads,
// node() and the mutations.
import { ForbiddenError } from '../../graphql/errors';
import { Role, Viewer } from '../../graphql/viewer';
import { CooperationStatus } from './cooperation.entity';

/** PROPOSED cooperations are internal to the network: only signed-in roles see them. */
export function canReadCooperation(viewer: Viewer, status: CooperationStatus): boolean {
  return status !== CooperationStatus.PROPOSED || viewer.role !== Role.PUBLIC;
}

/** The statuses a viewer may see, narrowed to `wanted` when given (empty: nothing to show). */
export function visibleStatuses(
  viewer: Viewer,
  wanted?: CooperationStatus | null,
): CooperationStatus[] {
  const all = Object.values(CooperationStatus).filter((s) => canReadCooperation(viewer, s));
  return wanted ? all.filter((s) => s === wanted) : all;
}

export interface ParticipantScope {
  actorId: number;
  /** Ancestor ids of the actor's region, the region itself last. */
  regionPath: number[];
}

const inViewerRegions = (viewer: Viewer, p: ParticipantScope) =>
  p.regionPath.some((id) => viewer.regionIds.includes(id));

/**
 * ADMIN: always. MEMBER (and COORDINATOR) when one of their own actors takes part. NETWORKER and
 * COORDINATOR when every participant lies in the regions they look after.
 */
export function canWriteCooperation(viewer: Viewer, participants: ParticipantScope[]): boolean {
  switch (viewer.role) {
    case Role.ADMIN:
      return true;
    case Role.MEMBER:
      return participants.some((p) => viewer.actorIds.includes(p.actorId));
    case Role.NETWORKER:
      return participants.every((p) => inViewerRegions(viewer, p));
    case Role.COORDINATOR:
      return (
        participants.some((p) => viewer.actorIds.includes(p.actorId)) ||
        participants.every((p) => inViewerRegions(viewer, p))
      );
    default:
      return false;
  }
}

export function assertCanWriteCooperation(viewer: Viewer, participants: ParticipantScope[]): void {
  if (!canWriteCooperation(viewer, participants)) {
    throw new ForbiddenError('You may not create or change cooperations between these actors');
  }
}
