// THE filter of needs. Query.needs, Region.needs, Actor.needs, search and the needEvents
// subscription all build their WHERE clause here, so "matches the filter" means one thing.
import { BadUserInputError } from '../../graphql/errors';
import { Viewer } from '../../graphql/viewer';
import { nearSql, NearFilter } from '../actors/actor.service';
import { normalizeTopics } from '../actors/actor.validation';
import { inRegionSql } from '../regions/region.service';
import { NeedKind, NeedStatus, Urgency } from './need.entity';
import { visibilitySql } from './need.permissions';

export interface NeedFilterData {
  /** Includes every region below it. */
  regionId?: number;
  kinds?: NeedKind[];
  status?: NeedStatus[];
  urgency?: Urgency[];
  /** Needs with ANY of these tags (array overlap, GIN-indexed). */
  tags?: string[];
  actorId?: number;
  text?: string;
  near?: NearFilter;
}

export function textParam(text: string | null | undefined, field = 'filter.text'): string | null {
  const t = text?.trim() ?? '';
  if (t.length > 200) throw new BadUserInputError(`${field} must be at most 200 characters`, field);
  return t.length > 0 ? t : null;
}

/** WHERE conditions (visibility included) over need alias `n`; appends parameters to `params`. */
export function needFilterSql(
  viewer: Viewer,
  filter: NeedFilterData,
  params: unknown[],
  n = 'n',
): string[] {
  const where: string[] = [];
  const vis = visibilitySql(viewer, n);
  if (vis) where.push(vis);
  if (filter.regionId != null) {
    params.push(filter.regionId);
    where.push(inRegionSql(`${n}.region_id`, params.length));
  }
  const arrays: Array<[unknown[] | undefined, string]> = [
    [filter.kinds, `${n}.kind = ANY($?::need_kind[])`],
    [filter.status, `${n}.status = ANY($?::need_status[])`],
    [filter.urgency, `${n}.urgency = ANY($?::urgency[])`],
  ];
  for (const [values, sql] of arrays) {
    if (values && values.length > 0) {
      params.push(values);
      where.push(sql.replace('$?', `$${params.length}`));
    }
  }
  const tags = normalizeTopics(filter.tags, 'filter.tags');
  if (tags.length > 0) {
    params.push(tags);
    where.push(`${n}.tags && $${params.length}::text[]`);
  }
  if (filter.actorId != null) {
    params.push(filter.actorId);
    where.push(`${n}.actor_id = $${params.length}`);
  }
  const text = textParam(filter.text);
  if (text) {
    params.push(text);
    where.push(`${n}.search_vector @@ plainto_tsquery('german', hub_fold($${params.length}))`);
  }
  if (filter.near) where.push(nearSql(n, filter.near, params));
  return where;
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
    textParam(filter.text),
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
  return textParam(filter.text) === null && !filter.near;
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
  const publicOnly = visibilitySql(viewer, 'n') !== null;
  const tags = normalizeTopics(filter.tags, 'filter.tags');
  const some = <T>(values: T[] | undefined, v: T) => !values?.length || values.includes(v);
  return (need) =>
    (!publicOnly || need.visibility === 'PUBLIC') &&
    (filter.regionId == null || (regionPath != null && need.regionPath.startsWith(regionPath))) &&
    some(filter.kinds, need.kind) &&
    some(filter.status, need.status) &&
    some(filter.urgency, need.urgency) &&
    (tags.length === 0 || need.tags.some((t) => tags.includes(t))) &&
    (filter.actorId == null || need.actorId === filter.actorId);
}
