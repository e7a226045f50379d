// Registrations. Seats are never overbooked: every change of seats happens under the event's
// row lock (SELECT ... FOR UPDATE), in the same transaction as the registration row, and the
// CHECK constraint CHK_event_capacity backs it. Registrations that find no seat wait in id
// order (ids are drawn under the same lock, so in arrival order); whenever seats free up the
// waitlist moves up strictly in that order.
import { Database, Queryable, Transaction } from '../../db/database';
import { makeHydrator } from '../../db/hydrate';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
} from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import { Role, Viewer } from '../../graphql/viewer';
import { canEditActor } from '../actors/actor.permissions';
import type { AuditService } from '../audit/audit.service';
import { isEmail, normalizeEmail } from '../shared/email';
import { pathIds } from '../shared/region-path';
import { boundedText } from '../shared/text';
import { EventStatus, HubEvent } from './event.entity';
import { assertCanEditEvent, canEditEvent } from './event.permissions';
import type { EventService } from './event.service';
import { EventRegistration, RegistrationStatus, SEATED } from './event-registration.entity';
import { AlreadyRegistered, lookalike } from './registration-repeat';

export const HOLD_MS = 48 * 3600 * 1000;
export const MAX_SEATS = 10;

export interface RegisterData {
  eventId: number;
  actorId?: number | null;
  name?: string | null;
  email?: string | null;
  seats?: number | null;
  consent?: boolean | null;
  joinWaitlist?: boolean | null;
}

export interface RegistrationChange {
  event: HubEvent;
  registration: EventRegistration;
  /** Registrations that moved up from the waitlist in this change. */
  promoted: EventRegistration[];
  /** The last seat was taken by this change. */
  filled: boolean;
}

export class RegistrationService {
  readonly hydrate;

  /** Hooks for activities and mail (set by the module once those services exist). */
  onRegistered?: (tx: Transaction, change: RegistrationChange) => Promise<void>;
  onCancelled?: (tx: Transaction, change: RegistrationChange) => Promise<void>;
  /** Registrations moved up from the waitlist (by a cancellation, a lapse or more capacity). */
  onPromoted?: (tx: Transaction, event: HubEvent, promoted: EventRegistration[]) => Promise<void>;
  /** A private person registered again with an address already registered for the event. */
  onRegisteredAgain?: (email: string, event: HubEvent) => Promise<void>;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly events: EventService,
  ) {
    this.hydrate = makeHydrator(db.dataSource, EventRegistration);
  }

  async byIds(ids: number[]): Promise<EventRegistration[]> {
    if (ids.length === 0) return [];
    return (await this.db.read('SELECT * FROM event_registration WHERE id = ANY($1)', [ids])).map(
      this.hydrate,
    );
  }

  /** Live registrations (not cancelled) of events, in id order. */
  async byEventIds(eventIds: number[]): Promise<EventRegistration[]> {
    if (eventIds.length === 0) return [];
    const rows = await this.db.read(
      `SELECT * FROM event_registration WHERE event_id = ANY($1) AND status <> 'CANCELLED' ORDER BY id`,
      [eventIds],
    );
    return rows.map(this.hydrate);
  }

  /** 1-based waitlist places of WAITLISTED registrations (others are absent). */
  async waitlistPositions(ids: number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.read<{ id: number; position: number }>(
      `SELECT w.id, w.position FROM (
         SELECT r.id, row_number() OVER (PARTITION BY r.event_id ORDER BY r.id)::int AS position
           FROM event_registration r
          WHERE r.status = 'WAITLISTED'
            AND r.event_id IN (SELECT event_id FROM event_registration WHERE id = ANY($1::int[]))) w
        WHERE w.id = ANY($1::int[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.position]));
  }

  private static check(data: RegisterData): {
    seats: number;
    name: string | null;
    email: string | null;
  } {
    const seats = data.seats ?? 1;
    if (!Number.isInteger(seats) || seats < 1 || seats > MAX_SEATS) {
      throw new BadUserInputError(`seats must be between 1 and ${MAX_SEATS}`, 'seats');
    }
    if (data.actorId != null) {
      if (data.name != null || data.email != null) {
        throw new BadUserInputError('Give either actorId or name and email, not both', 'actorId');
      }
      return { seats, name: null, email: null };
    }
    const name = boundedText(data.name, 'name', 1, 200);
    if (!name) throw new BadUserInputError('name is required without actorId', 'name');
    const email = data.email == null ? '' : normalizeEmail(data.email);
    if (!isEmail(email))
      throw new BadUserInputError('email must be a valid e-mail address', 'email');
    if (data.consent !== true) {
      throw new BadUserInputError('Consent to store your name and e-mail is required', 'consent');
    }
    return { seats, name, email };
  }

  async register(viewer: Viewer, data: RegisterData): Promise<RegistrationChange> {
    const { seats, name, email } = RegistrationService.check(data);
    if (data.actorId != null) {
      if (viewer.role === Role.PUBLIC) throw new ForbiddenError('Sign in to register for an actor');
      const [actor] = await this.db.query<{ path: string }>(
        'SELECT r.path FROM actor a JOIN region r ON r.id = a.region_id WHERE a.id = $1',
        [data.actorId],
      );
      if (!actor) throw new NotFoundError('Actor', 'actorId');
      if (!canEditActor(viewer, data.actorId, pathIds(actor.path))) {
        throw new ForbiddenError('You may not register for this actor');
      }
    }
    try {
      return await this.db.transaction(async (tx) => {
        const { event } = await this.events.lock(tx, viewer, data.eventId);
        const now = new Date();
        if (event.status !== EventStatus.SCHEDULED)
          throw new ConflictError('The event is cancelled');
        if (
          event.startsAt <= now ||
          (event.registrationDeadline && event.registrationDeadline <= now)
        ) {
          throw new ConflictError('Registration for this event has closed');
        }
        const fits =
          event.waitlistedSeats === 0 &&
          (event.capacity == null || event.registeredSeats + seats <= event.capacity);
        if (!fits && data.joinWaitlist === false) {
          throw new ConflictError('No seats left', {
            remainingSeats: event.capacity == null ? null : event.capacity - event.registeredSeats,
          });
        }
        const status = !fits
          ? RegistrationStatus.WAITLISTED
          : email
            ? RegistrationStatus.UNCONFIRMED
            : RegistrationStatus.CONFIRMED;
        if (email && (await this.liveByEmail(tx, event.id, email))) {
          // Drawn under the lock like a new registration's id, so the answer looks the same.
          const [{ id }] = await tx.rows<{ id: number }>(
            `SELECT nextval(pg_get_serial_sequence('event_registration', 'id'))::int AS id`,
          );
          const [{ waiting }] = await tx.rows<{ waiting: number }>(
            `SELECT count(*)::int AS waiting FROM event_registration WHERE event_id = $1 AND status = 'WAITLISTED'`,
            [event.id],
          );
          throw new AlreadyRegistered(event, id, status, waiting + 1);
        }
        const [row] = await tx.rows(
          `INSERT INTO event_registration (event_id, actor_id, registered_by, name, email, seats, status, hold_until)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
          [
            event.id,
            data.actorId ?? null,
            viewer.role === Role.PUBLIC ? null : viewer.sub,
            name,
            email,
            seats,
            status,
            status === RegistrationStatus.UNCONFIRMED ? new Date(now.getTime() + HOLD_MS) : null,
          ],
        );
        const [e] = await tx.rows(
          `UPDATE event SET registered_seats = registered_seats + $2, waitlisted_seats = waitlisted_seats + $3,
             updated_at = now() WHERE id = $1 RETURNING *`,
          [event.id, fits ? seats : 0, fits ? 0 : seats],
        );
        const updated = this.events.hydrate(e);
        const registration = this.hydrate(row);
        await this.audit.record(tx, viewer, {
          operation: 'registerForEvent',
          targetIds: [
            toGlobalId('EventRegistration', registration.id),
            toGlobalId('Event', event.id),
          ],
          regionId: event.regionId,
        });
        const change = {
          event: updated,
          registration,
          promoted: [],
          filled: fits && updated.capacity != null && updated.registeredSeats === updated.capacity,
        };
        await this.onRegistered?.(tx, change);
        return change;
      });
    } catch (e) {
      if (e instanceof AlreadyRegistered && email) {
        await this.onRegisteredAgain?.(email, e.event);
        return lookalike(e, data.eventId, seats, name, email, HOLD_MS);
      }
      if ((e as { code?: string }).code === '23505') {
        // A private person's concurrent second submission lost the race: a repeat as well.
        if (email) {
          const [event] = await this.events.byIds([data.eventId]);
          const [{ id }] = await this.db.query<{ id: number }>(
            `SELECT nextval(pg_get_serial_sequence('event_registration', 'id'))::int AS id`,
          );
          const repeat = new AlreadyRegistered(event, id, RegistrationStatus.UNCONFIRMED);
          await this.onRegisteredAgain?.(email, event);
          return lookalike(repeat, data.eventId, seats, name, email, HOLD_MS);
        }
        throw new ConflictError('Already registered for this event');
      }
      throw e;
    }
  }

  private async liveByEmail(tx: Transaction, eventId: number, email: string): Promise<boolean> {
    const rows = await tx.rows(
      `SELECT 1 FROM event_registration WHERE event_id = $1 AND email = $2 AND status <> 'CANCELLED'`,
      [eventId, email],
    );
    return rows.length > 0;
  }

  private async lockRegistration(tx: Queryable, id: number): Promise<EventRegistration> {
    const { rows } = await tx.query('SELECT * FROM event_registration WHERE id = $1 FOR UPDATE', [
      id,
    ]);
    if (!rows[0]) throw new NotFoundError('EventRegistration', toGlobalId('EventRegistration', id));
    return this.hydrate(rows[0]);
  }

  /** The event id of a registration, read without a lock (the event is locked first). */
  private async eventIdOf(id: number): Promise<number> {
    const [row] = await this.db.query<{ event_id: number }>(
      'SELECT event_id FROM event_registration WHERE id = $1',
      [id],
    );
    if (!row) throw new NotFoundError('EventRegistration', toGlobalId('EventRegistration', id));
    return row.event_id;
  }

  /**
   * Cancels a registration: the event's editors, the registered actor's editors, or the account
   * that registered. `asSystem` is the withdraw link of a private person.
   */
  async cancel(viewer: Viewer, id: number, asSystem = false): Promise<RegistrationChange> {
    const eventId = await this.eventIdOf(id);
    return this.db.transaction((tx) => this.cancelIn(tx, viewer, eventId, id, asSystem));
  }

  /** cancel in the caller's transaction (the withdraw link's handler). */
  async cancelIn(
    tx: Transaction,
    viewer: Viewer,
    eventId: number,
    id: number,
    asSystem = false,
  ): Promise<RegistrationChange> {
    const { event, regionPathIds } = await this.events.lock(tx, viewer, eventId);
    const reg = await this.lockRegistration(tx, id);
    const allowed =
      asSystem ||
      canEditEvent(viewer, { organizerId: event.organizerId, regionPathIds }) ||
      (viewer.role !== Role.PUBLIC &&
        reg.registeredBy != null &&
        reg.registeredBy === viewer.sub) ||
      (reg.actorId != null &&
        viewer.role !== Role.NETWORKER &&
        viewer.role !== Role.PUBLIC &&
        viewer.actorIds.includes(reg.actorId));
    if (!allowed) throw new ForbiddenError('You may not cancel this registration');
    if (reg.status === RegistrationStatus.CANCELLED)
      return { event, registration: reg, promoted: [], filled: false };
    if (reg.status === RegistrationStatus.ATTENDED || reg.status === RegistrationStatus.NO_SHOW) {
      throw new ConflictError('Attendance is already recorded for this registration');
    }
    const seated = SEATED.includes(reg.status);
    const [row] = await tx.rows(
      `UPDATE event_registration SET status = 'CANCELLED', hold_until = NULL, updated_at = now() WHERE id = $1 RETURNING *`,
      [id],
    );
    const [e] = await tx.rows(
      `UPDATE event SET registered_seats = registered_seats - $2, waitlisted_seats = waitlisted_seats - $3,
           updated_at = now() WHERE id = $1 RETURNING *`,
      [event.id, seated ? reg.seats : 0, seated ? 0 : reg.seats],
    );
    const promoted: EventRegistration[] = [];
    const updated = await this.promote(tx, this.events.hydrate(e), promoted);
    await this.audit.record(tx, viewer, {
      operation: 'cancelRegistration',
      targetIds: [toGlobalId('EventRegistration', id)],
      regionId: event.regionId,
    });
    const change = { event: updated, registration: this.hydrate(row), promoted, filled: false };
    await this.onCancelled?.(tx, change);
    return change;
  }

  /**
   * Moves waitlisted registrations up, strictly in order, while the first one fits; the caller
   * holds the event's row lock. Nothing moves once the event has started or is cancelled.
   */
  async promote(
    tx: Transaction,
    event: HubEvent,
    promoted: EventRegistration[] = [],
  ): Promise<HubEvent> {
    if (event.status !== EventStatus.SCHEDULED || event.startsAt <= new Date()) return event;
    if (event.waitlistedSeats === 0) return event;
    let free = event.capacity == null ? Infinity : event.capacity - event.registeredSeats;
    if (free <= 0) return event;
    const waiting = (
      await tx.rows(
        `SELECT * FROM event_registration WHERE event_id = $1 AND status = 'WAITLISTED' ORDER BY id FOR UPDATE`,
        [event.id],
      )
    ).map(this.hydrate);
    let moved = 0;
    const first = promoted.length;
    for (const w of waiting) {
      if (w.seats > free) break;
      free -= w.seats;
      moved += w.seats;
      const confirmed = w.email == null || w.emailConfirmed;
      const [row] = await tx.rows(
        `UPDATE event_registration SET status = $2, hold_until = $3, updated_at = now() WHERE id = $1 RETURNING *`,
        [
          w.id,
          confirmed ? RegistrationStatus.CONFIRMED : RegistrationStatus.UNCONFIRMED,
          confirmed ? null : new Date(Date.now() + HOLD_MS),
        ],
      );
      promoted.push(this.hydrate(row));
    }
    if (moved === 0) return event;
    const [e] = await tx.rows(
      `UPDATE event SET registered_seats = registered_seats + $2, waitlisted_seats = waitlisted_seats - $2,
         updated_at = now() WHERE id = $1 RETURNING *`,
      [event.id, moved],
    );
    const updated = this.events.hydrate(e);
    await this.onPromoted?.(tx, updated, promoted.slice(first));
    return updated;
  }

  /** After the event: the organizer's editors record who came. ATTENDED holds its seats. */
  async markAttendance(viewer: Viewer, id: number, attended: boolean): Promise<EventRegistration> {
    const eventId = await this.eventIdOf(id);
    return this.db.transaction(async (tx) => {
      const { event, regionPathIds } = await this.events.lock(tx, viewer, eventId);
      assertCanEditEvent(viewer, { organizerId: event.organizerId, regionPathIds });
      const reg = await this.lockRegistration(tx, id);
      if (event.startsAt > new Date()) throw new ConflictError('The event has not started yet');
      const ok = [
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.ATTENDED,
        RegistrationStatus.NO_SHOW,
      ];
      if (!ok.includes(reg.status)) {
        throw new ConflictError(`A ${reg.status} registration has no attendance`);
      }
      const next = attended ? RegistrationStatus.ATTENDED : RegistrationStatus.NO_SHOW;
      const before = SEATED.includes(reg.status);
      const after = SEATED.includes(next);
      const [row] = await tx.rows(
        'UPDATE event_registration SET status = $2, updated_at = now() WHERE id = $1 RETURNING *',
        [id, next],
      );
      if (before !== after) {
        // An event that started takes no more registrations, so no seat is given away meanwhile.
        await tx.query(
          'UPDATE event SET registered_seats = registered_seats + $2, updated_at = now() WHERE id = $1',
          [event.id, after ? reg.seats : -reg.seats],
        );
      }
      await this.audit.record(tx, viewer, {
        operation: 'markAttendance',
        targetIds: [toGlobalId('EventRegistration', id)],
        regionId: event.regionId,
      });
      return this.hydrate(row);
    });
  }

  /** Confirms a private person's e-mail (double opt-in link): UNCONFIRMED becomes CONFIRMED. */
  async confirmEmail(tx: Transaction, id: number): Promise<EventRegistration | null> {
    const [row] = await tx.rows(
      `UPDATE event_registration SET email_confirmed = true, hold_until = NULL, updated_at = now(),
         status = CASE WHEN status = 'UNCONFIRMED' THEN 'CONFIRMED'::registration_status ELSE status END
       WHERE id = $1 AND email IS NOT NULL AND status IN ('UNCONFIRMED', 'WAITLISTED', 'CONFIRMED') RETURNING *`,
      [id],
    );
    return row ? this.hydrate(row) : null;
  }

  /**
   * UNCONFIRMED registrations whose 48 hours ran out lapse (CANCELLED), freeing their seats for
   * the waitlist. One transaction per event, under its lock; returns the lapsed ids.
   */
  async lapseUnconfirmed(now = new Date()): Promise<number[]> {
    const due = await this.db.query<{ event_id: number }>(
      `SELECT DISTINCT event_id FROM event_registration WHERE status = 'UNCONFIRMED' AND hold_until <= $1`,
      [now],
    );
    const lapsed: number[] = [];
    for (const { event_id } of due) {
      await this.db.transaction(async (tx) => {
        const [locked] = await tx.rows('SELECT * FROM event WHERE id = $1 FOR UPDATE', [event_id]);
        if (!locked) return;
        const rows = await tx.rows<{ id: number; seats: number }>(
          `UPDATE event_registration SET status = 'CANCELLED', hold_until = NULL, updated_at = now()
            WHERE event_id = $1 AND status = 'UNCONFIRMED' AND hold_until <= $2 RETURNING id, seats`,
          [event_id, now],
        );
        const freed = rows.reduce((s, r) => s + r.seats, 0);
        const [e] = await tx.rows(
          'UPDATE event SET registered_seats = registered_seats - $2, updated_at = now() WHERE id = $1 RETURNING *',
          [event_id, freed],
        );
        const promoted: EventRegistration[] = [];
        const event = await this.promote(tx, this.events.hydrate(e), promoted);
        lapsed.push(...rows.map((r) => r.id));
        const regs = await tx.rows(
          'SELECT * FROM event_registration WHERE id = ANY($1::int[]) ORDER BY id',
          [rows.map((r) => r.id)],
        );
        for (const [i, reg] of regs.entries()) {
          await this.onCancelled?.(tx, {
            event,
            registration: this.hydrate(reg),
            promoted: i === regs.length - 1 ? promoted : [],
            filled: false,
          });
        }
      });
    }
    return lapsed.sort((a, b) => a - b);
  }
}
