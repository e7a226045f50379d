// Reading the activity log: catch-up batches (for the listener and replays), cursors,
// retention. Read on the primary: a replica may lag behind the NOTIFY.
import type { Database, Queryable } from '../../db/database';
import { BadUserInputError, CursorExpiredError } from '../../graphql/errors';
import type { Visibility } from '../shared/visibility';
import type { ActivityType } from './activity-type';

export interface ActivityRecord {
  position: number;
  type: ActivityType;
  regionId: number;
  /** Path of the region ("/1/4/17/"), for in-memory region filters. */
  regionPath: string;
  subjectType: string;
  subjectId: number;
  visibility: Visibility;
  actorIds: number[];
  summary: string;
  data: Record<string, unknown>;
  occurredAt: Date;
}

export const ACTIVITY_BATCH_SIZE = 1000;

export function encodeActivityCursor(position: number): string {
  return Buffer.from(`Activity:${position}`, 'utf8').toString('base64url');
}

export function decodeActivityCursor(cursor: string, field = 'after'): number {
  const raw = cursor.length <= 100 ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const m = /^Activity:(\d{1,15})$/.exec(raw);
  if (!m) throw new BadUserInputError(`${field} is not a valid activity cursor`, field);
  return Number(m[1]);
}

export const ACTIVITY_COLUMNS = `a.position, a.type, a.region_id, r.path AS region_path, a.subject_type,
  a.subject_id, a.visibility, a.actor_ids, a.summary, a.data, a.occurred_at`;

export function hydrateActivity(r: Record<string, unknown>): ActivityRecord {
  return {
    position: Number(r.position),
    type: r.type as ActivityType,
    regionId: Number(r.region_id),
    regionPath: String(r.region_path ?? ''),
    subjectType: String(r.subject_type),
    subjectId: Number(r.subject_id),
    visibility: r.visibility as Visibility,
    actorIds: (r.actor_ids as number[] | null) ?? [],
    summary: String(r.summary),
    data: (r.data as Record<string, unknown> | null) ?? {},
    occurredAt: r.occurred_at as Date,
  };
}

export class ActivityStore {
  constructor(
    private readonly db: Database,
    private readonly retentionDays: number,
  ) {}

  /** Activities after `position`, in log order. */
  async after(position: number, limit = ACTIVITY_BATCH_SIZE): Promise<ActivityRecord[]> {
    const rows = await this.db.query(
      `SELECT ${ACTIVITY_COLUMNS} FROM activity a JOIN region r ON r.id = a.region_id
        WHERE a.position > $1 ORDER BY a.position LIMIT $2`,
      [position, limit],
    );
    return rows.map(hydrateActivity);
  }

  async byPositions(positions: number[]): Promise<ActivityRecord[]> {
    if (positions.length === 0) return [];
    const rows = await this.db.query(
      `SELECT ${ACTIVITY_COLUMNS} FROM activity a JOIN region r ON r.id = a.region_id
        WHERE a.position = ANY($1::bigint[]) ORDER BY a.position`,
      [positions],
    );
    return rows.map(hydrateActivity);
  }

  async head(): Promise<number> {
    const [row] = await this.db.query<{ head: number }>(
      'SELECT coalesce(max(position), 0) AS head FROM activity',
    );
    return Number(row.head);
  }

  /** As NeedEventStore.assertResumable: the cursor's activity (or the nearest earlier) is fresh. */
  async assertResumable(position: number): Promise<void> {
    const [row] = await this.db.query<{ fresh: boolean | null }>(
      `SELECT (SELECT occurred_at >= now() - make_interval(days => $2)
                 FROM activity WHERE position <= $1 ORDER BY position DESC LIMIT 1) AS fresh`,
      [position, this.retentionDays],
    );
    if (row.fresh === true) return;
    if (row.fresh === null && position === 0) return;
    throw new CursorExpiredError();
  }

  /** Deletes activities older than the retention window; returns how many. */
  async sweepRetention(q: Queryable): Promise<number> {
    const { rows } = await q.query<{ n: number }>(
      `WITH d AS (DELETE FROM activity WHERE occurred_at < now() - make_interval(days => $1) RETURNING 1)
       SELECT count(*)::int AS n FROM d`,
      [this.retentionDays],
    );
    return rows[0].n;
  }
}
