// Who manages webhooks: ADMINs anywhere, COORDINATORs in the regions they coordinate.
import { Role, Viewer } from '../../graphql/viewer';

export function canManageWebhooks(viewer: Viewer, regionPathIds: number[]): boolean {
  if (viewer.role === Role.ADMIN) return true;
  return (
    viewer.role === Role.COORDINATOR && regionPathIds.some((id) => viewer.regionIds.includes(id))
  );
}
