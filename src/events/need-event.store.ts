// Reading the need-event log: catch-up batches, cursors, retention.
import type { Database, Queryable } from '../db/database';
import { CursorExpiredError, CursorInvalidError, BadUserInputError } from '../graphql/errors';
import { NeedEventType } from './need-event.entity';

export interface NeedEventRecord {
  position: number;
  type: NeedEventType;
  needId: number;
  occurredAt: Date;
}

export const EVENT_BATCH_SIZE = 1000;

/** The opaque cursor of an event: its log position. */
export function encodeEventCursor(position: number): string {
  return Buffer.from(`NeedEvent:${position}`, 'utf8').toString('base64url');
}

export function decodeEventCursor(cursor: string): number {
  const raw = cursor.length <= 100 ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const m = /^NeedEvent:(\d{1,15})$/.exec(raw);
  if (!m) throw new BadUserInputError('after is not a valid need event cursor', 'after');
  return Number(m[1]);
}

export class NeedEventStore {
  constructor(
    private readonly db: Database,
    private readonly retentionDays: number,
  ) {}

  /** Events after `position` in log order (read on the primary: replicas may lag behind NOTIFY). */
  async after(position: number, limit = EVENT_BATCH_SIZE): Promise<NeedEventRecord[]> {
    const rows = await this.db.query<{
      position: number;
      type: NeedEventType;
      need_id: number;
      occurred_at: Date;
    }>(
      `SELECT position, type, need_id, occurred_at FROM need_event WHERE position > $1 ORDER BY position LIMIT $2`,
      [position, limit],
    );
    return rows.map((r) => ({
      position: Number(r.position),
      type: r.type,
      needId: r.need_id,
      occurredAt: r.occurred_at,
    }));
  }

  async head(): Promise<number> {
    const [row] = await this.db.query<{ head: number }>(
      'SELECT coalesce(max(position), 0) AS head FROM need_event',
    );
    return Number(row.head);
  }

  /**
   * A cursor is usable while the event it names (or the nearest earlier one still stored) lies
   * inside the retention window; once the sweep may have removed what follows it, it is expired.
   * A position the log's sequence never handed out is invalid: compared with the sequence, not
   * with the newest stored row, so a cursor whose events the retention sweep removed is still
   * "expired", and one of an event committed a moment ago is never "ahead".
   */
  async assertResumable(position: number): Promise<void> {
    const [row] = await this.db.query<{ fresh: boolean | null; ahead: boolean }>(
      `SELECT (SELECT occurred_at >= now() - make_interval(days => $2)
                 FROM need_event WHERE position <= $1 ORDER BY position DESC LIMIT 1) AS fresh,
              $1 > coalesce(pg_sequence_last_value(pg_get_serial_sequence('need_event', 'position')::regclass), 0)
                AS ahead`,
      [position, this.retentionDays],
    );
    if (row.ahead) throw new CursorInvalidError();
    if (row.fresh === true) return;
    if (row.fresh === null && position === 0) return;
    throw new CursorExpiredError();
  }

  /** Deletes events older than the retention window; returns how many. */
  async sweepRetention(q: Queryable): Promise<number> {
    const { rows } = await q.query<{ n: number }>(
      `WITH d AS (DELETE FROM need_event WHERE occurred_at < now() - make_interval(days => $1) RETURNING 1)
       SELECT count(*)::int AS n FROM d`,
      [this.retentionDays],
    );
    return rows[0].n;
  }
}
