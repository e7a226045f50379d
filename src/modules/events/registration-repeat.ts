// A private person's repeated registration with an address already registered for the event
// answers exactly like a new one (issue 23 item 5): the status and waitlist place a new
// registration would get, a fresh id from the same sequence, only what the caller typed;
// nothing is stored and the address's owner is mailed instead.
import type { HubEvent } from './event.entity';
import { EventRegistration, RegistrationStatus } from './event-registration.entity';
import type { RegistrationChange } from './registration.service';

/** The address is already registered for the event: roll back, answer as new. */
export class AlreadyRegistered extends Error {
  constructor(
    readonly event: HubEvent,
    readonly id: number,
    readonly status: RegistrationStatus,
    /** The waitlist place a new registration would get (when WAITLISTED). */
    readonly position: number | null = null,
  ) {
    super('already registered');
  }
}

/**
 * What a new registration answers, for a repeat of an address already registered: the same
 * status a new one would get, a fresh id, what the caller typed; nothing stored.
 */
export function lookalike(
  r: AlreadyRegistered,
  eventId: number,
  seats: number,
  name: string | null,
  email: string,
  holdMs: number,
): RegistrationChange {
  const now = new Date();
  const registration = Object.assign(new EventRegistration(), {
    id: r.id,
    eventId,
    actorId: null,
    registeredBy: null,
    name,
    email,
    emailConfirmed: false,
    seats,
    status: r.status,
    holdUntil:
      r.status === RegistrationStatus.UNCONFIRMED ? new Date(now.getTime() + holdMs) : null,
    reminderSentFor: null,
    createdAt: now,
    updatedAt: now,
  });
  const waiting = r.status === RegistrationStatus.WAITLISTED;
  return {
    event: r.event,
    registration: Object.assign(registration, {
      answeredWaitlistPosition: waiting ? r.position : null,
    }),
    promoted: [],
    filled: false,
  };
}
