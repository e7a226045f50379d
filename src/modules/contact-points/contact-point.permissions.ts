// Who may change contact points: the coordinators of the region (with everything below it) and
// ADMINs. Reads follow the shared visibility rule (PUBLIC sees PUBLIC).
import { ForbiddenError } from '../../graphql/errors';
import { Role, Viewer } from '../../graphql/viewer';
import { coordinatesRegion } from '../actors/actor.permissions';

export function canEditContactPoint(viewer: Viewer, regionPathIds: number[]): boolean {
  return viewer.role === Role.ADMIN || coordinatesRegion(viewer, regionPathIds);
}

export function assertCanEditContactPoint(viewer: Viewer, regionPathIds: number[]): void {
  if (!canEditContactPoint(viewer, regionPathIds)) {
    throw new ForbiddenError('Only coordinators of the region may change its contact points');
  }
}
