// Events: reads through one filter, writes in transactions under the event's row lock. A
// recurring series is expanded once, at creation, into its occurrences (each an event with its
// own seats), with the same Berlin wall-clock time before and after a daylight-saving change.
import { Database, Queryable, Transaction } from '../../db/database';
import { columnList, makeHydrator, selectList } from '../../db/hydrate';
import { BadUserInputError, ConflictError, NotFoundError } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import { Connection, ConnectionArgs, paginate } from '../../graphql/pagination';
import { Viewer } from '../../graphql/viewer';
import type { AuditService } from '../audit/audit.service';
import { GeoInput, validLocation } from '../shared/geo';
import { daysBetween, floatingOf, instantOf, parseRrule } from '../shared/recurrence';
import { inRegionSql, pathIds } from '../shared/region-path';
import { boundedText, normalizeTopics, searchText } from '../shared/text';
import { Changes, UpdateBuilder } from '../shared/update-builder';
import { canSeeVisibility, Visibility, visibilitySql } from '../shared/visibility';
import { EventKind, EventStatus, HubEvent } from './event.entity';
import { assertCanEditEvent } from './event.permissions';
import type { RegistrationService } from './registration.service';

export interface EventFilterData {
  regionId?: number;
  kinds?: EventKind[];
  topics?: string[];
  organizerId?: number;
  from?: Date;
  until?: Date;
  text?: string;
  includeCancelled?: boolean;
}

export interface EventData {
  title?: string | null;
  description?: string | null;
  topics?: string[] | null;
  venue?: string | null;
  location?: GeoInput | null;
  contactPointId?: number | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  capacity?: number | null;
  registrationDeadline?: Date | null;
  visibility?: Visibility | null;
}

export interface CreateEventData extends EventData {
  kind: EventKind;
  title: string;
  organizerId: number;
  regionId?: number;
  startsAt: Date;
  endsAt: Date;
  recurrence?: string | null;
}

export interface LockedEvent {
  event: HubEvent;
  regionPathIds: number[];
}

export const MAX_SERIES = 60;
const YEAR_MS = 366 * 24 * 3600 * 1000;

export class EventService {
  readonly hydrate;
  private readonly columns: string;
  private readonly returning: string;
  private readonly updater: UpdateBuilder<HubEvent>;
  /** Set by the module: capacity changes promote the waitlist. */
  registrations?: RegistrationService;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {
    this.hydrate = makeHydrator(db.dataSource, HubEvent);
    this.columns = selectList(db.dataSource, HubEvent, 'e');
    this.returning = columnList(db.dataSource, HubEvent);
    this.updater = new UpdateBuilder(db.dataSource, HubEvent);
  }

  async byIds(ids: number[]): Promise<HubEvent[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.read(`SELECT ${this.columns} FROM event e WHERE e.id = ANY($1)`, [
      ids,
    ]);
    return rows.map(this.hydrate);
  }

  /** Paths of regions by id (for the permission predicates in field resolvers). */
  filterSql(viewer: Pick<Viewer, 'role'>, f: EventFilterData, params: unknown[]): string[] {
    const where: string[] = [];
    const vis = visibilitySql(viewer, 'e');
    if (vis) where.push(vis);
    if (!f.includeCancelled) where.push(`e.status = 'SCHEDULED'`);
    if (f.regionId != null) {
      params.push(f.regionId);
      where.push(inRegionSql('e.region_id', params.length));
    }
    if (f.kinds?.length) {
      params.push(f.kinds);
      where.push(`e.kind = ANY($${params.length}::event_kind[])`);
    }
    const topics = normalizeTopics(f.topics, 'filter.topics');
    if (topics.length) {
      params.push(topics);
      where.push(`e.topics && $${params.length}::text[]`);
    }
    if (f.organizerId != null) {
      params.push(f.organizerId);
      where.push(`e.organizer_id = $${params.length}`);
    }
    params.push(f.from ?? new Date());
    where.push(`e.ends_at > $${params.length}`);
    if (f.until) {
      params.push(f.until);
      where.push(`e.starts_at < $${params.length}`);
    }
    const text = searchText(f.text);
    if (text) {
      params.push(`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(e.title ILIKE $${params.length} OR e.description ILIKE $${params.length})`);
    }
    return where;
  }

  /** In start order. */
  list(
    viewer: Viewer,
    filter: EventFilterData,
    args: ConnectionArgs,
  ): Promise<Connection<HubEvent>> {
    const params: unknown[] = [];
    const where = this.filterSql(viewer, filter, params);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    return paginate(
      this.db,
      {
        sql: `SELECT ${this.columns}, extract(epoch FROM e.starts_at)::float8 AS _k0, e.id AS _k1 FROM event e ${whereSql}`,
        params,
        directions: ['ASC', 'ASC'],
        hydrate: this.hydrate,
      },
      args,
    );
  }

  /** Which of `ids` match the filter for the viewer (the eventChanges subscription). */
  async matchingIds(viewer: Viewer, filter: EventFilterData, ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const params: unknown[] = [ids];
    const where = ['e.id = ANY($1::int[])', ...this.filterSql(viewer, filter, params)];
    const rows = await this.db.query<{ id: number }>(
      `SELECT e.id FROM event e WHERE ${where.join(' AND ')}`,
      params,
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Reads and row-locks an event; NOT_FOUND when missing or not visible. */
  async lock(tx: Queryable, viewer: Viewer, id: number): Promise<LockedEvent> {
    const { rows } = await tx.query(
      `SELECT ${this.columns}, r.path AS region_path FROM event e JOIN region r ON r.id = e.region_id
        WHERE e.id = $1 FOR UPDATE OF e`,
      [id],
    );
    const event = rows[0] ? this.hydrate(rows[0]) : null;
    if (!event || !canSeeVisibility(viewer, event.visibility)) {
      throw new NotFoundError('Event', toGlobalId('Event', id));
    }
    return { event, regionPathIds: pathIds(String(rows[0].region_path)) };
  }

  private static checkTimes(startsAt: Date, endsAt: Date, deadline: Date | null): void {
    if (endsAt < startsAt)
      throw new BadUserInputError('endsAt must not lie before startsAt', 'endsAt');
    if (endsAt.getTime() - startsAt.getTime() > 14 * 24 * 3600 * 1000) {
      throw new BadUserInputError('an event lasts at most 14 days', 'endsAt');
    }
    if (deadline && deadline > startsAt) {
      throw new BadUserInputError(
        'registrationDeadline must not lie after startsAt',
        'registrationDeadline',
      );
    }
  }

  private static checkCapacity(capacity: number | null | undefined): void {
    if (capacity != null && (!Number.isInteger(capacity) || capacity < 1 || capacity > 100000)) {
      throw new BadUserInputError('capacity must be between 1 and 100000', 'capacity');
    }
  }

  /** Start instants of a series: the first at startsAt, then the rule's days up to a year on. */
  static occurrences(recurrence: string, startsAt: Date): Date[] {
    const fStart = floatingOf(startsAt);
    const rule = parseRrule(recurrence, 'recurrence', fStart);
    const fEnd = new Date(fStart.getTime() + YEAR_MS);
    const starts = daysBetween(rule, fStart, fEnd, MAX_SERIES).map(instantOf);
    if (starts.length === 0 || starts[0].getTime() !== startsAt.getTime()) {
      starts.unshift(startsAt);
    }
    return starts.slice(0, MAX_SERIES);
  }

  private async checkContactPoint(q: Queryable, viewer: Viewer, id: number | null | undefined) {
    if (id == null) return;
    const { rows } = await q.query('SELECT visibility FROM contact_point WHERE id = $1', [id]);
    if (!rows[0] || !canSeeVisibility(viewer, String(rows[0].visibility))) {
      throw new NotFoundError('ContactPoint', 'contactPointId');
    }
  }

  /** With recurrence, every occurrence; the first is returned. */
  async create(viewer: Viewer, data: CreateEventData): Promise<HubEvent[]> {
    const title = boundedText(data.title, 'title', 1, 200) as string;
    const location = validLocation(data.location);
    EventService.checkCapacity(data.capacity);
    EventService.checkTimes(data.startsAt, data.endsAt, data.registrationDeadline ?? null);
    const starts = data.recurrence
      ? EventService.occurrences(data.recurrence, data.startsAt)
      : [data.startsAt];
    // Each occurrence keeps the wall-clock duration and the deadline's distance to the start.
    const fStart = floatingOf(data.startsAt).getTime();
    const duration = floatingOf(data.endsAt).getTime() - fStart;
    const lead = data.registrationDeadline
      ? data.startsAt.getTime() - data.registrationDeadline.getTime()
      : null;
    return this.db.transaction(async (tx) => {
      const { rows: actors } = await tx.query(
        `SELECT a.id, a.region_id, a.latitude, a.longitude, r.path FROM actor a JOIN region r ON r.id = a.region_id WHERE a.id = $1`,
        [data.organizerId],
      );
      const actor = actors[0];
      if (!actor) throw new NotFoundError('Actor', 'organizerId');
      const organizerPath = pathIds(String(actor.path));
      assertCanEditEvent(viewer, { organizerId: data.organizerId, regionPathIds: organizerPath });
      let regionId = Number(actor.region_id);
      if (data.regionId != null) {
        const { rows } = await tx.query('SELECT path FROM region WHERE id = $1', [data.regionId]);
        if (!rows[0]) throw new NotFoundError('Region', 'regionId');
        assertCanEditEvent(viewer, {
          organizerId: data.organizerId,
          regionPathIds: pathIds(String(rows[0].path)),
        });
        regionId = data.regionId;
      }
      await this.checkContactPoint(tx, viewer, data.contactPointId);
      const events: HubEvent[] = [];
      for (const start of starts) {
        const end = instantOf(new Date(floatingOf(start).getTime() + duration));
        const [row] = await tx.rows(
          `INSERT INTO event (kind, title, description, topics, organizer_id, region_id, venue, latitude,
             longitude, contact_point_id, starts_at, ends_at, capacity, registration_deadline, visibility, series_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING ${this.returning}`,
          [
            data.kind,
            title,
            boundedText(data.description, 'description', 0, 10000),
            normalizeTopics(data.topics),
            data.organizerId,
            regionId,
            boundedText(data.venue, 'venue', 0, 300),
            location?.latitude ?? actor.latitude ?? null,
            location?.longitude ?? actor.longitude ?? null,
            data.contactPointId ?? null,
            start,
            end,
            data.capacity ?? null,
            lead == null ? null : new Date(start.getTime() - lead),
            data.visibility ?? Visibility.PUBLIC,
            events[0]?.id ?? null,
          ],
        );
        events.push(this.hydrate(row));
      }
      if (starts.length > 1) {
        await tx.query('UPDATE event SET series_id = $1 WHERE id = $1', [events[0].id]);
        events[0].seriesId = events[0].id;
      }
      await this.audit.record(tx, viewer, {
        operation: 'createEvent',
        targetIds: events.map((e) => toGlobalId('Event', e.id)),
        regionId,
      });
      await this.onScheduled?.(tx, events);
      return events;
    });
  }

  /** Hooks for activities and mail (set by the module once those services exist). */
  onScheduled?: (tx: Transaction, events: HubEvent[]) => Promise<void>;
  onCancelled?: (tx: Transaction, event: HubEvent) => Promise<void>;
  /** The start moved (updateEvent): the reminders move. */
  onMoved?: (tx: Transaction, event: HubEvent) => Promise<void>;

  async update(viewer: Viewer, id: number, data: EventData): Promise<HubEvent> {
    EventService.checkCapacity(data.capacity);
    return this.db.transaction(async (tx) => {
      const { event, regionPathIds } = await this.lock(tx, viewer, id);
      assertCanEditEvent(viewer, { organizerId: event.organizerId, regionPathIds });
      if (event.status === EventStatus.CANCELLED) {
        throw new ConflictError('A cancelled event cannot be changed');
      }
      const startsAt = data.startsAt ?? event.startsAt;
      const endsAt = data.endsAt ?? event.endsAt;
      const deadline =
        data.registrationDeadline !== undefined
          ? data.registrationDeadline
          : event.registrationDeadline;
      EventService.checkTimes(startsAt, endsAt, deadline);
      if (data.capacity != null && data.capacity < event.registeredSeats) {
        throw new ConflictError(
          `capacity cannot be lower than the seats already held (${event.registeredSeats})`,
          { registeredSeats: event.registeredSeats },
        );
      }
      await this.checkContactPoint(tx, viewer, data.contactPointId);
      const changes: Changes<HubEvent> = {};
      if (data.title != null) changes.title = boundedText(data.title, 'title', 1, 200);
      if (data.description !== undefined)
        changes.description = boundedText(data.description, 'description', 0, 10000);
      if (data.topics != null) changes.topics = normalizeTopics(data.topics);
      if (data.venue !== undefined) changes.venue = boundedText(data.venue, 'venue', 0, 300);
      if (data.location !== undefined) {
        const loc = validLocation(data.location);
        changes.latitude = loc?.latitude ?? null;
        changes.longitude = loc?.longitude ?? null;
      }
      if (data.contactPointId !== undefined) changes.contactPointId = data.contactPointId;
      if (data.startsAt != null) changes.startsAt = data.startsAt;
      if (data.endsAt != null) changes.endsAt = data.endsAt;
      if (data.capacity != null) changes.capacity = data.capacity;
      if (data.registrationDeadline !== undefined)
        changes.registrationDeadline = data.registrationDeadline;
      if (data.visibility != null) changes.visibility = data.visibility;
      let updated = this.hydrate(await this.updater.update(tx, id, changes));
      // More seats: the waitlist moves up in order.
      if (data.capacity != null && this.registrations) {
        updated = await this.registrations.promote(tx, updated);
      }
      await this.audit.record(tx, viewer, {
        operation: 'updateEvent',
        targetIds: [toGlobalId('Event', id)],
        regionId: event.regionId,
      });
      if (updated.startsAt.getTime() !== event.startsAt.getTime())
        await this.onMoved?.(tx, updated);
      return updated;
    });
  }

  async cancel(viewer: Viewer, id: number, reason: string | null | undefined): Promise<HubEvent> {
    const why = boundedText(reason, 'reason', 0, 500);
    return this.db.transaction(async (tx) => {
      const { event, regionPathIds } = await this.lock(tx, viewer, id);
      assertCanEditEvent(viewer, { organizerId: event.organizerId, regionPathIds });
      if (event.status === EventStatus.CANCELLED) return event;
      const updated = this.hydrate(
        await this.updater.update(tx, id, { status: EventStatus.CANCELLED, cancelReason: why }),
      );
      await this.audit.record(tx, viewer, {
        operation: 'cancelEvent',
        targetIds: [toGlobalId('Event', id)],
        regionId: event.regionId,
      });
      await this.onCancelled?.(tx, updated);
      return updated;
    });
  }

  /** Every visible scheduled or cancelled event of a region and below from a month back (region feed). */
  async forFeed(
    viewer: Viewer,
    filter: { regionId?: number; ids?: number[] },
  ): Promise<HubEvent[]> {
    const params: unknown[] = [];
    const where = this.filterSql(
      viewer,
      {
        regionId: filter.regionId,
        includeCancelled: true,
        from: new Date(Date.now() - 31 * 24 * 3600 * 1000),
      },
      params,
    );
    if (filter.ids) {
      params.push(filter.ids);
      where.push(`e.id = ANY($${params.length}::int[])`);
    }
    const rows = await this.db.read(
      `SELECT ${this.columns} FROM event e WHERE ${where.join(' AND ')} ORDER BY e.starts_at, e.id LIMIT 1000`,
      params,
    );
    return rows.map(this.hydrate);
  }
}
