import { ForbiddenError } from '../../graphql/errors';
import { Role, Viewer } from '../../graphql/viewer';

/** Only ADMINs shape the region tree. */
export function canCreateRegion(viewer: Viewer): boolean {
  return viewer.role === Role.ADMIN;
}

export function assertCanCreateRegion(viewer: Viewer): void {
  if (!canCreateRegion(viewer)) throw new ForbiddenError('Only administrators may create regions');
}
