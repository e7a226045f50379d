// Periodic upkeep of needs: OPEN needs past their deadline or end become EXPIRED (with events),
// and events older than the retention window are deleted. It runs as the scheduled job
// needs.sweep (once per minute across instances); the transaction-scoped try-lock still lets only
// one sweep run at a time when it is also called directly (CLI, tests), the others skip.
import type { Database } from '../../db/database';
import type { NeedEventStore } from '../../events/need-event.store';
import type { VolunteerDataService } from '../access/volunteer-data.service';
import type { NeedService } from './need.service';

export const SWEEP_LOCK_KEY = 7_314_102;

export interface SweepResult {
  /** False when another instance held the lock and this one did nothing. */
  ran: boolean;
  expiredNeedIds: number[];
  deletedEvents: number;
  /** Pledges whose volunteer contact data was anonymised (retention window passed). */
  anonymisedPledges: number;
}

export class NeedSweeper {
  constructor(
    private readonly db: Database,
    private readonly needs: NeedService,
    private readonly events: NeedEventStore,
    private readonly volunteerData?: VolunteerDataService,
  ) {}

  run(): Promise<SweepResult> {
    return this.db.transaction(async (tx) => {
      const [{ locked }] = await tx.rows<{ locked: boolean }>(
        'SELECT pg_try_advisory_xact_lock($1) AS locked',
        [SWEEP_LOCK_KEY],
      );
      if (!locked)
        return { ran: false, expiredNeedIds: [], deletedEvents: 0, anonymisedPledges: 0 };
      const deletedEvents = await this.events.sweepRetention(tx);
      const anonymisedPledges = (await this.volunteerData?.anonymiseExpired(tx)) ?? 0;
      // Last: expiring writes the events, whose lock is held until commit.
      const expiredNeedIds = await this.needs.expireDue(tx);
      return { ran: true, expiredNeedIds, deletedEvents, anonymisedPledges };
    });
  }
}
