// Who may manage pilots and who sees their load. Profiles (name, areas, regions, bio) are public;
// the open consultations of a pilot are for coordinators of a region the pilot serves (or that
// contains one), ADMINs and the pilot themself.
import { ForbiddenError } from '../../graphql/errors';
import { Role, Viewer } from '../../graphql/viewer';
import { coordinatesRegion } from '../actors/actor.permissions';

/** ADMINs; COORDINATORs when every region (given by its path) lies in one they coordinate. */
export function canManagePilot(viewer: Viewer, regionPaths: number[][]): boolean {
  if (viewer.role === Role.ADMIN) return true;
  return (
    viewer.role === Role.COORDINATOR &&
    regionPaths.length > 0 &&
    regionPaths.every((path) => coordinatesRegion(viewer, path))
  );
}

export function assertCanManagePilot(viewer: Viewer, regionPaths: number[][]): void {
  if (!canManagePilot(viewer, regionPaths)) {
    throw new ForbiddenError(
      'Only administrators and coordinators of every region a pilot serves may manage the pilot',
    );
  }
}

/** Whether the pilot acting is this one (a PILOT token with the claim pilotId). */
export function isPilot(viewer: Viewer, pilotId: number | null | undefined): boolean {
  return viewer.role === Role.PILOT && pilotId != null && viewer.pilotId === pilotId;
}

/**
 * The pilot's load: ADMINs, the pilot, and COORDINATORs whose area overlaps what the pilot
 * serves, either way round (a pilot of the Kreis serves the Amt's coordinator, and a pilot of
 * one village lies inside it). `pilotRegionPaths` are the paths of the served regions,
 * `viewerRegionPaths` those of the regions the viewer coordinates.
 */
export function canSeePilotLoad(
  viewer: Viewer,
  pilotId: number,
  pilotRegionPaths: number[][],
  viewerRegionPaths: number[][],
): boolean {
  if (viewer.role === Role.ADMIN || isPilot(viewer, pilotId)) return true;
  if (viewer.role !== Role.COORDINATOR) return false;
  const served = new Set(pilotRegionPaths.map((p) => p[p.length - 1]));
  return (
    pilotRegionPaths.some((p) => coordinatesRegion(viewer, p)) ||
    viewerRegionPaths.some((p) => p.some((id) => served.has(id)))
  );
}
