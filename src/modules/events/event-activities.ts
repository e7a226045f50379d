// The activities the events module writes, in the transaction of each change (interfaces.md
// "Activity log"): EVENT_SCHEDULED, EVENT_REGISTRATION, EVENT_FULL, EVENT_CANCELLED. Summaries
// name the event, never a registrant; data carries the seat counts dashboards show.
import type { Transaction } from '../../db/database';
import { ActivityType } from '../activity/activity-type';
import type { ActivityService } from '../activity/activity.service';
import { HubEvent } from './event.entity';
import type { EventService } from './event.service';
import type { RegistrationChange, RegistrationService } from './registration.service';

function seats(e: HubEvent): Record<string, unknown> {
  return {
    capacity: e.capacity,
    registeredSeats: e.registeredSeats,
    waitlistedSeats: e.waitlistedSeats,
    remainingSeats: e.capacity == null ? null : Math.max(0, e.capacity - e.registeredSeats),
    status: e.status,
  };
}

function record(
  activity: ActivityService,
  tx: Transaction,
  type: ActivityType,
  e: HubEvent,
  summary: string,
) {
  return activity.record(tx, {
    type,
    regionId: e.regionId,
    subject: { type: 'Event', id: e.id },
    visibility: e.visibility,
    actorIds: [e.organizerId],
    summary,
    data: seats(e),
  });
}

export function recordEventActivities(
  activity: ActivityService,
  events: EventService,
  registrations: RegistrationService,
): void {
  events.onScheduled = async (tx, created) => {
    // A series is one activity about its first occurrence, not sixty.
    const [first] = created;
    const more = created.length > 1 ? ` (${created.length} Termine)` : '';
    await record(
      activity,
      tx,
      ActivityType.EVENT_SCHEDULED,
      first,
      `Neue Veranstaltung: ${first.title}${more}`,
    );
  };
  events.onCancelled = async (tx, e) => {
    await record(activity, tx, ActivityType.EVENT_CANCELLED, e, `Abgesagt: ${e.title}`);
  };
  const changed = async (tx: Transaction, c: RegistrationChange, summary: string) => {
    await record(activity, tx, ActivityType.EVENT_REGISTRATION, c.event, summary);
    if (c.filled) {
      await record(activity, tx, ActivityType.EVENT_FULL, c.event, `Ausgebucht: ${c.event.title}`);
    }
  };
  registrations.onRegistered = (tx, c) =>
    changed(
      tx,
      c,
      c.registration.status === 'WAITLISTED'
        ? `Neue Anmeldung auf der Warteliste: ${c.event.title}`
        : `Neue Anmeldung: ${c.event.title}`,
    );
  registrations.onCancelled = (tx, c) =>
    changed(tx, c, `Anmeldung zurückgezogen: ${c.event.title}`);
}
