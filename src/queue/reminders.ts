// Reminder mails 24 hours before something starts (a need's startsAt for its volunteers, an
// event's start for its registrants), on the durable job queue. One job per person, keyed by
// what it reminds of, added in the transaction of the change that makes it due (confirming,
// moving the time) and removed in the transaction that makes it moot (withdrawal, closing,
// cancelling). graphile-worker replaces a pending job with the same key, so moving a time moves
// the job. The job carries the start it was scheduled for and sends only if that is still the
// start: the module's send marks `reminder_sent_for = start` with one conditional UPDATE in the
// mail's transaction, so a reminder goes out once per start time, across restarts, retries and
// instances (a second job for the same start finds the row already marked).
import type { Queryable } from '../db/database';
import type { JobQueue } from './job-queue';

export const REMIND_BEFORE_MS = 24 * 3_600_000;

/**
 * What happens when the reminder's moment (start - 24 h) has already passed but the start is
 * still ahead: 'skip' sends nothing (a person who confirms the evening before has just read the
 * time in the confirmation mail), 'now' sends at once (a time moved to tomorrow: the reminder
 * is how the person learns the new time).
 */
export type LateReminder = 'skip' | 'now';

export interface ReminderPayload {
  id: number;
  /** The start the reminder was scheduled for (ISO); a moved start makes the job stale. */
  startsAt: string;
}

/** When the reminder for a start is due; null when there is nothing to remind of. */
export function reminderDueAt(
  startsAt: Date | null,
  late: LateReminder,
  now: Date = new Date(),
): Date | null {
  if (!startsAt || startsAt.getTime() <= now.getTime()) return null;
  const due = new Date(startsAt.getTime() - REMIND_BEFORE_MS);
  if (due.getTime() > now.getTime()) return due;
  return late === 'now' ? now : null;
}

/** The payload of a reminder job, or null when it is malformed (such a job does nothing). */
export function parseReminderPayload(payload: unknown): { id: number; startsAt: Date } | null {
  const p = payload as Partial<ReminderPayload> | null;
  const id = Number(p?.id);
  const startsAt = typeof p?.startsAt === 'string' ? new Date(p.startsAt) : null;
  if (!Number.isSafeInteger(id) || !startsAt || Number.isNaN(startsAt.getTime())) return null;
  return { id, startsAt };
}

/** The reminder jobs of one kind of subject: one task, one job key per subject id. */
export class Reminders {
  constructor(
    private readonly queue: JobQueue,
    readonly task: string,
    readonly jobKey: (id: number) => string,
  ) {}

  /**
   * Schedules (or moves) the reminders of these subjects for `startsAt`, in the caller's
   * transaction; removes them when no reminder is due (start passed, or late with 'skip').
   */
  async schedule(
    q: Queryable,
    ids: readonly number[],
    startsAt: Date | null,
    late: LateReminder,
  ): Promise<void> {
    const due = reminderDueAt(startsAt, late);
    for (const id of ids) {
      if (!due || !startsAt) {
        await this.queue.removeJob(q, this.jobKey(id));
        continue;
      }
      const payload: ReminderPayload = { id, startsAt: startsAt.toISOString() };
      await this.queue.add(q, this.task, { ...payload }, { runAt: due, jobKey: this.jobKey(id) });
    }
  }

  /** Removes pending reminders (a running one re-checks its subject and sends nothing). */
  async cancel(q: Queryable, ids: readonly number[]): Promise<void> {
    for (const id of ids) await this.queue.removeJob(q, this.jobKey(id));
  }
}
