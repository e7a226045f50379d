import { ForbiddenError } from '../../graphql/errors';
import { Role, Viewer } from '../../graphql/viewer';

/** ADMIN reads the whole log; a COORDINATOR only entries of regions they coordinate. */
export function canReadAuditLog(viewer: Viewer): boolean {
  return viewer.role === Role.ADMIN || viewer.role === Role.COORDINATOR;
}

export function assertCanReadAuditLog(viewer: Viewer): void {
  if (!canReadAuditLog(viewer))
    throw new ForbiddenError('Only coordinators and administrators read the audit log');
}
