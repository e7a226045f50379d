// What a feed or subscription asks for: a region (and everything below it) and, optionally,
// some types. Applied in SQL for Query.activity and in memory for live batches; the caller's
// right to see each subject is decided on top (activity-access.ts).
import { Role, Viewer } from '../../graphql/viewer';
import { canSeeVisibility } from '../shared/visibility';
import type { ActivityType } from './activity-type';
import type { ActivityRecord } from './activity.store';

export interface ActivityFilterData {
  regionId: number;
  /** The region's materialized path ("/1/4/"). */
  regionPath: string;
  /** Null or empty: every type. */
  types: ActivityType[] | null;
}

/** The in-memory meaning of the filter's SQL, plus the stored visibility ceiling. */
export function activityPredicate(
  viewer: Viewer,
  filter: ActivityFilterData,
): (r: ActivityRecord) => boolean {
  const types = filter.types?.length ? new Set(filter.types) : null;
  return (r) =>
    r.regionPath.startsWith(filter.regionPath) &&
    (types === null || types.has(r.type)) &&
    canSeeVisibility(viewer, r.visibility);
}

/** Subscribers with the same key receive the same activities. */
export function activityFilterKey(viewer: Viewer, filter: ActivityFilterData): string {
  const types = filter.types?.length ? [...new Set(filter.types)].sort().join(',') : '*';
  const rights =
    viewer.role === Role.PUBLIC
      ? 'PUBLIC'
      : `${viewer.role}|${[...viewer.actorIds].sort().join(',')}|${[...viewer.regionIds].sort().join(',')}`;
  return `${rights}\u0000${filter.regionId}\u0000${types}`;
}
