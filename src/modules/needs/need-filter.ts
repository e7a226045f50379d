// THE filter of needs. Query.needs, Region.needs, Actor.needs, search and the needEvents
// subscription all build their WHERE clause here, so "matches the filter" means one thing. The
// part needs share with offers is the shared listing filter.
import { Role, Viewer } from '../../graphql/viewer';
import { ListingFilterData, listingFilterSql } from '../shared/listing-filter';
import { normalizeTopics, searchText } from '../shared/text';
import { canSeeVisibility } from '../shared/visibility';
import { NeedKind, NeedStatus, Urgency } from './need.entity';

export interface NeedFilterData extends ListingFilterData {
  kinds?: NeedKind[];
  status?: NeedStatus[];
  urgency?: Urgency[];
}

/**
 * WHERE conditions (visibility and the DRAFT rule included) over need alias `n`; appends
 * parameters to `params`. `draftRule` false: a further scope ANDed to a filter that has it.
 */
export function needFilterSql(
  viewer: Viewer,
  filter: NeedFilterData,
  params: unknown[],
  n = 'n',
  draftRule = true,
): string[] {
  return [
    ...listingFilterSql(viewer, filter, params, n, [
      [filter.kinds, 'kind', 'need_kind[]'],
      [filter.status, 'status', 'need_status[]'],
      [filter.urgency, 'urgency', 'urgency[]'],
    ]),
    ...(draftRule ? [draftSql(viewer, filter, params, n)] : []),
  ];
}

/**
 * DRAFT needs (survey answers not yet published) are in no list, count, search or live feed,
 * unless asked for by status DRAFT, and then only those in the regions the viewer coordinates
 * (ADMINs: all).
 */
function draftSql(
  viewer: Pick<Viewer, 'role'> & Partial<Pick<Viewer, 'regionIds'>>,
  filter: NeedFilterData,
  params: unknown[],
  n: string,
): string {
  const asked = filter.status?.includes(NeedStatus.DRAFT) ?? false;
  if (asked && viewer.role === Role.ADMIN) return 'true';
  if (asked && viewer.role === Role.COORDINATOR && viewer.regionIds?.length) {
    params.push(viewer.regionIds);
    return `(${n}.status <> 'DRAFT' OR ${n}.region_id IN (SELECT sub.id FROM region sub, region top
      WHERE top.id = ANY($${params.length}::int[]) AND sub.path LIKE top.path || '%'))`;
  }
  return `${n}.status <> 'DRAFT'`;
}

/** A stable key of a filter, for grouping subscribers that share one. */
export function needFilterKey(viewer: Viewer, filter: NeedFilterData): string {
  const sorted = (v?: unknown[]) => (v && v.length ? [...v].map(String).sort() : undefined);
  return JSON.stringify([
    viewer.role,
    filter.regionId ?? null,
    sorted(filter.kinds),
    sorted(filter.status),
    sorted(filter.urgency),
    sorted(normalizeTopics(filter.tags, 'filter.tags')),
    filter.actorId ?? null,
    searchText(filter.text),
    filter.near ? [filter.near.latitude, filter.near.longitude, filter.near.radiusKm] : null,
  ]);
}

/** What a need looks like to the in-memory filter (one row per need of an event batch). */
export interface NeedFilterFacts {
  id: number;
  kind: NeedKind;
  status: NeedStatus;
  urgency: Urgency;
  visibility: string;
  tags: string[];
  actorId: number;
  /** Materialized path of the need's region ("/1/4/17/"). */
  regionPath: string;
}

/** Filters that needFilterPredicate can decide without the database (no text, no distance). */
export function isMemoryFilter(filter: NeedFilterData): boolean {
  return searchText(filter.text) === null && !filter.near;
}

/**
 * needFilterSql's meaning evaluated in memory, for filters without text and distance: used by the
 * event hub so that N subscription groups do not cost N statements per event. `regionPath` is
 * the filter region's path (undefined when the filter has none, null when it does not exist).
 */
export function needFilterPredicate(
  viewer: Viewer,
  filter: NeedFilterData,
  regionPath: string | null | undefined,
): (need: NeedFilterFacts) => boolean {
  const tags = normalizeTopics(filter.tags, 'filter.tags');
  const some = <T>(values: T[] | undefined, v: T) => !values?.length || values.includes(v);
  // Live feeds never carry drafts (they have no events before publishNeed anyway).
  return (need) =>
    need.status !== NeedStatus.DRAFT &&
    canSeeVisibility(viewer, need.visibility) &&
    (filter.regionId == null || (regionPath != null && need.regionPath.startsWith(regionPath))) &&
    some(filter.kinds, need.kind) &&
    some(filter.status, need.status) &&
    some(filter.urgency, need.urgency) &&
    (tags.length === 0 || need.tags.some((t) => tags.includes(t))) &&
    (filter.actorId == null || need.actorId === filter.actorId);
}
