// The activity log's services: recording (in the caller's transaction) and reading it as the
// caller may see it (Query.activity; the subscription reads through ActivityStream).
import type { Database, Queryable } from '../../db/database';
import { NotFoundError } from '../../graphql/errors';
import { ConnectionArgs, pageWindow } from '../../graphql/pagination';
import { Viewer } from '../../graphql/viewer';
import { visibilitySql } from '../shared/visibility';
import type { ActivityFilterData } from './activity-filter';
import type { ActivityType } from './activity-type';
import type { VisibilityCheck } from './activity.hub';
import {
  ACTIVITY_COLUMNS,
  ActivityRecord,
  decodeActivityCursor,
  encodeActivityCursor,
  hydrateActivity,
} from './activity.store';
import { ActivityInput, recordActivities } from './activity.writer';

export interface ActivityPage {
  edges: Array<{ cursor: string; node: ActivityRecord }>;
  nodes: ActivityRecord[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

export class ActivityService {
  constructor(private readonly db: Database) {}

  /**
   * Appends one activity inside the caller's transaction (interfaces.md "Activity log"): it
   * commits or rolls back with the change, gets its position in commit order, and is announced
   * (NOTIFY) only on commit. Returns its position.
   */
  async record(tx: Queryable, a: ActivityInput): Promise<number> {
    const [position] = await recordActivities(tx, [a]);
    return position;
  }

  /** Several at once, in the given order. */
  recordMany(tx: Queryable, list: ActivityInput[]): Promise<number[]> {
    return recordActivities(tx, list);
  }

  /** The filter of a region by id; NOT_FOUND for a region that does not exist. */
  async filter(regionId: number, types?: ActivityType[] | null): Promise<ActivityFilterData> {
    const [region] = await this.db.read<{ path: string }>('SELECT path FROM region WHERE id = $1', [
      regionId,
    ]);
    if (!region) throw new NotFoundError('Region', 'regionId');
    return { regionId, regionPath: region.path, types: types?.length ? types : null };
  }

  /**
   * Newest first, as the caller may see it. The region, types and stored visibility are decided
   * in SQL; whether the caller may see each subject by `check` (the node() predicates), so a
   * page reads further rows until it is full. `first/after` page back in time, `last/before`
   * towards now; both cursors bound the window when given.
   */
  async list(
    viewer: Viewer,
    filter: ActivityFilterData,
    args: ConnectionArgs,
    check: VisibilityCheck,
  ): Promise<ActivityPage> {
    const { size, backward } = pageWindow(args);
    const after = args.after != null ? decodeActivityCursor(args.after, 'after') : null;
    const before = args.before != null ? decodeActivityCursor(args.before, 'before') : null;
    const params: unknown[] = [filter.regionPath];
    const where = [`r.path LIKE $1 || '%'`];
    if (filter.types) {
      params.push(filter.types);
      where.push(`a.type = ANY($${params.length}::text[])`);
    }
    const vis = visibilitySql(viewer, 'a');
    if (vis) where.push(vis);
    if (after !== null) {
      params.push(after);
      where.push(`a.position < $${params.length}`);
    }
    if (before !== null) {
      params.push(before);
      where.push(`a.position > $${params.length}`);
    }
    // Forward reads from `after` back in time; backward from `before` towards now.
    const order = backward ? 'ASC' : 'DESC';
    const found: ActivityRecord[] = [];
    let bound: number | null = null;
    let batch = size + 1;
    for (;;) {
      const p = [...params];
      let boundSql = '';
      if (bound !== null) {
        p.push(bound);
        boundSql = ` AND a.position ${backward ? '>' : '<'} $${p.length}`;
      }
      p.push(batch);
      const rows = (
        await this.db.read(
          `SELECT ${ACTIVITY_COLUMNS} FROM activity a JOIN region r ON r.id = a.region_id
            WHERE ${where.join(' AND ')}${boundSql} ORDER BY a.position ${order} LIMIT $${p.length}`,
          p,
        )
      ).map(hydrateActivity);
      if (rows.length > 0) {
        const visible = await check(rows);
        for (const r of rows) if (visible.has(r.position)) found.push(r);
        bound = rows[rows.length - 1].position;
      }
      if (found.length > size || rows.length < batch) break;
      batch = Math.min(batch * 2, 1000);
    }
    const more = found.length > size;
    const page = found.slice(0, size);
    if (backward) page.reverse();
    const edges = page.map((node) => ({ cursor: encodeActivityCursor(node.position), node }));
    return {
      edges,
      nodes: page,
      pageInfo: {
        hasNextPage: backward ? before !== null : more,
        hasPreviousPage: backward ? more : after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
  }
}
