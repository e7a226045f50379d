// The write side of the activity log. The same transaction-scoped advisory lock as the need
// events (src/events/need-event.writer.ts) is taken before the insert, so position order is
// commit order in both logs, and a transaction that writes to both takes one lock (advisory
// locks are re-entrant within a session), never two in different orders. pg_notify is
// transactional: the listener hears of the activity only if it commits.
import type { Queryable } from '../../db/database';
import { NEED_EVENT_LOCK_KEY } from '../../events/need-event.writer';
import { BadUserInputError } from '../../graphql/errors';
import { decodeGlobalId } from '../../graphql/global-id';
import { Visibility } from '../shared/visibility';
import { ActivityType } from './activity-type';

export const ACTIVITY_CHANNEL = 'activity';
export const SUMMARY_MAX = 300;

/** What a feature records (interfaces.md "Activity log"); ids as database ids or global ids. */
export interface ActivityInput {
  type: ActivityType;
  regionId: string | number;
  /** The record it is about: a node type of the hub and its id. */
  subject: { type: string; id: string | number };
  /** Who may see it at most: the subject's own rule (node()) decides on top, at read time. */
  visibility: Visibility;
  /** Actors involved (never persons). */
  actorIds?: Array<string | number>;
  /** A short German sentence with no private person's data. */
  summary: string;
  /** Non-personal facts (ids, counts) for the feed and webhooks. */
  data?: Record<string, unknown>;
}

/** A database id from "42", 42 or a global id of the given type. */
export function databaseId(value: string | number, type: string, field: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  if (typeof value === 'string') {
    if (/^\d{1,15}$/.test(value)) return Number(value);
    const decoded = decodeGlobalId(value);
    if (decoded && decoded.type === type) return decoded.id;
  }
  throw new BadUserInputError(`${field} is not an id of a ${type}`, field);
}

function checked(a: ActivityInput) {
  if (!Object.values(ActivityType).includes(a.type))
    throw new BadUserInputError(`${String(a.type)} is not an activity type`, 'type');
  const summary = a.summary.replace(/\s+/g, ' ').trim();
  if (summary.length === 0 || summary.length > SUMMARY_MAX)
    throw new BadUserInputError(`summary must be 1 to ${SUMMARY_MAX} characters`, 'summary');
  if (!/^[A-Z][A-Za-z]{0,39}$/.test(a.subject.type))
    throw new BadUserInputError('subject.type must be a node type name', 'subject');
  return {
    type: a.type,
    regionId: databaseId(a.regionId, 'Region', 'regionId'),
    subjectType: a.subject.type,
    subjectId: databaseId(a.subject.id, a.subject.type, 'subject'),
    visibility: a.visibility === Visibility.PUBLIC ? Visibility.PUBLIC : Visibility.NETWORK,
    actorIds: (a.actorIds ?? []).map((id) => databaseId(id, 'Actor', 'actorIds')),
    summary,
    data: a.data ?? {},
  };
}

/** Appends activities in the given order inside the caller's transaction; returns positions. */
export async function recordActivities(q: Queryable, list: ActivityInput[]): Promise<number[]> {
  if (list.length === 0) return [];
  const rows = list.map(checked);
  await q.query('SELECT pg_advisory_xact_lock($1)', [NEED_EVENT_LOCK_KEY]);
  const { rows: inserted } = await q.query<{ position: number }>(
    `INSERT INTO activity (type, region_id, subject_type, subject_id, visibility, actor_ids, summary, data)
     SELECT v->>'type', (v->>'region_id')::int, v->>'subject_type', (v->>'subject_id')::int,
            (v->>'visibility')::visibility,
            ARRAY(SELECT jsonb_array_elements_text(v->'actor_ids')::int), v->>'summary', v->'data'
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(v, i)
      ORDER BY e.i
     RETURNING position`,
    [
      JSON.stringify(
        rows.map((r) => ({
          type: r.type,
          region_id: r.regionId,
          subject_type: r.subjectType,
          subject_id: r.subjectId,
          visibility: r.visibility,
          actor_ids: r.actorIds,
          summary: r.summary,
          data: r.data,
        })),
      ),
    ],
  );
  const positions = inserted.map((r) => Number(r.position)).sort((a, b) => a - b);
  await q.query('SELECT pg_notify($1, $2)', [
    ACTIVITY_CHANNEL,
    String(positions[positions.length - 1]),
  ]);
  return positions;
}
