// The write side of the need-event outbox. Every transaction that changes a need or its pledges
// calls recordNeedEvents as its LAST statement: the transaction-scoped advisory lock makes the
// identity value order equal commit order (the lock is held from the insert until commit), so a
// reader that has seen position N never later finds a committed event below N. pg_notify is
// transactional: listeners hear of the event only when it commits, never for a rollback.
import type { Queryable } from '../db/database';
import { NeedEventType } from './need-event.entity';

/** Key of the lock that serialises event inserts; also documented in need-event.entity.ts. */
export const NEED_EVENT_LOCK_KEY = 7_314_101;
export const NEED_EVENT_CHANNEL = 'need_events';

export interface NeedEventInput {
  needId: number;
  type: NeedEventType;
}

/** Appends events in the given order; returns their positions. */
export async function recordNeedEvents(q: Queryable, events: NeedEventInput[]): Promise<number[]> {
  if (events.length === 0) return [];
  await q.query('SELECT pg_advisory_xact_lock($1)', [NEED_EVENT_LOCK_KEY]);
  const { rows } = await q.query<{ position: number }>(
    `INSERT INTO need_event (type, need_id)
     SELECT t, n FROM unnest($1::need_event_type[], $2::int[]) WITH ORDINALITY AS e(t, n, i) ORDER BY i
     RETURNING position`,
    [events.map((e) => e.type), events.map((e) => e.needId)],
  );
  const positions = rows.map((r) => Number(r.position)).sort((a, b) => a - b);
  await q.query(`SELECT pg_notify($1, $2)`, [
    NEED_EVENT_CHANNEL,
    String(positions[positions.length - 1]),
  ]);
  return positions;
}
