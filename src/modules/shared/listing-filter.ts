// Needs and offers are one shape: owned by an actor, in a region, located, tagged, searchable,
// and visible by the shared rule. This is the WHERE clause of that shape; each module adds its
// own enum columns (kinds, statuses), so "matches the filter" means one thing everywhere.
import type { Viewer } from '../../graphql/viewer';
import { NearFilter, nearSql } from './geo';
import { inRegionSql } from './region-path';
import { normalizeTopics, searchText } from './text';
import { textMatchSql } from './text-search';
import { visibilitySql, VisibilityScope } from './visibility';

export interface ListingFilterData {
  /** Includes every region below it. */
  regionId?: number;
  /** Records with ANY of these tags (array overlap, GIN-indexed). */
  tags?: string[];
  actorId?: number;
  text?: string;
  near?: NearFilter;
}

/** An enum column filtered by ANY of the given values: [values, column, SQL array type]. */
export type EnumCondition = [values: readonly string[] | undefined, column: string, type: string];

/**
 * WHERE conditions over alias `t` (visibility first, then region, the module's enum columns,
 * tags, actor, text and distance); appends the parameters to `params`.
 */
export function listingFilterSql(
  viewer: Pick<Viewer, 'role'> | VisibilityScope,
  filter: ListingFilterData,
  params: unknown[],
  t: string,
  enums: EnumCondition[] = [],
): string[] {
  const where: string[] = [];
  const vis = visibilitySql(viewer, t);
  if (vis) where.push(vis);
  if (filter.regionId != null) {
    params.push(filter.regionId);
    where.push(inRegionSql(`${t}.region_id`, params.length));
  }
  for (const [values, column, type] of enums) {
    if (values && values.length > 0) {
      params.push(values);
      where.push(`${t}.${column} = ANY($${params.length}::${type})`);
    }
  }
  const tags = normalizeTopics(filter.tags, 'filter.tags');
  if (tags.length > 0) {
    params.push(tags);
    where.push(`${t}.tags && $${params.length}::text[]`);
  }
  if (filter.actorId != null) {
    params.push(filter.actorId);
    where.push(`${t}.actor_id = $${params.length}`);
  }
  const text = searchText(filter.text);
  if (text) {
    // Every word, by full text or the title (compounds, small typos); punctuation finds nothing.
    where.push(textMatchSql(t, text, params, 'every')?.where ?? 'false');
  }
  if (filter.near) where.push(nearSql(t, filter.near, params));
  return where;
}
