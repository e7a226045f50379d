// Needs: reads through the one filter builder, writes in transactions that end with the need
// event (see src/events/need-event.writer.ts). Status follows pledged_quantity in SQL.
import { Database, Queryable, Transaction } from '../../db/database';
import { columnList, jsonObjectOf, makeHydrator, selectList } from '../../db/hydrate';
import { NeedEventType } from '../../events/need-event.entity';
import { recordNeedEvents, NeedEventInput } from '../../events/need-event.writer';
import { BadUserInputError, ConflictError, NotFoundError } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import {
  Connection,
  ConnectionArgs,
  IdWindow,
  idWindowParams,
  idWindowSql,
  OwnerPage,
  ownerPages,
  paginate,
} from '../../graphql/pagination';
import { Viewer } from '../../graphql/viewer';
import { Actor } from '../actors/actor.entity';
import type { ActivityService } from '../activity/activity.service';
import type { AuditService } from '../audit/audit.service';
import { Region } from '../regions/region.entity';
import { GeoInput, validLocation } from '../shared/geo';
import { homeRegionOf } from '../actors/actor.permissions';
import { districtOfSql, pathIds } from '../shared/region-path';
import { normalizeTopics, requiredText, trimmed } from '../shared/text';
import { Changes, UpdateBuilder } from '../shared/update-builder';
import {
  andVisibilitySql,
  canSeeVisibility,
  Visibility,
  VisibilityScope,
} from '../shared/visibility';
import { Need, NeedKind, NeedStatus, Urgency } from './need.entity';
import { needFilledActivity, needOpenedActivity } from './need-activity';
import { needFilterSql, NeedFilterData, NeedFilterFacts } from './need-filter';
import { assertCanEditNeed, assertCanOpenNeedIn, canSeeNeedStatus } from './need.permissions';

export interface NeedData {
  title?: string | null;
  description?: string | null;
  regionId?: number | null;
  location?: GeoInput | null;
  quantity?: number | null;
  unit?: string | null;
  urgency?: Urgency | null;
  visibility?: Visibility | null;
  tags?: string[] | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  deadline?: Date | null;
}

export interface OpenNeedData extends NeedData {
  actorId: number;
  kind: NeedKind;
  title: string;
}

/** A need row read for a write, with the path of its region for the permission predicates. */
export interface LockedNeed {
  need: Need;
  regionPathIds: number[];
}

export interface ListOptions {
  withTotal?: boolean;
  prime?: { actor(a: Actor): void; region(r: Region): void };
}

export class NeedService {
  readonly hydrate;
  private readonly hydrateActor;
  private readonly hydrateRegion;
  readonly columns: string;
  readonly returning: string;
  private readonly updater: UpdateBuilder<Need>;
  private readonly actorJson: string;
  private readonly regionJson: string;

  /** Set by the pledge reminders: run in the transaction of updateNeed (startsAt changed) and closeNeed. */
  onMoved?: (tx: Transaction, need: Need) => Promise<void>;
  onClosed?: (tx: Transaction, need: Need) => Promise<void>;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly activity: ActivityService,
  ) {
    this.hydrate = makeHydrator(db.dataSource, Need);
    this.hydrateActor = makeHydrator(db.dataSource, Actor);
    this.hydrateRegion = makeHydrator(db.dataSource, Region);
    this.columns = selectList(db.dataSource, Need, 'n');
    this.returning = columnList(db.dataSource, Need);
    this.updater = new UpdateBuilder(db.dataSource, Need);
    this.actorJson = jsonObjectOf(db.dataSource, Actor, 'a');
    this.regionJson = jsonObjectOf(db.dataSource, Region, 'r');
  }

  async byIds(ids: number[]): Promise<Need[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.read(`SELECT ${this.columns} FROM need n WHERE n.id = ANY($1)`, [
      ids,
    ]);
    return rows.map(this.hydrate);
  }

  /**
   * Newest first. `scope` narrows further (Region.needs, Actor.needs) on top of the filter. With
   * `prime`, each need's actor and region come in the same statement and are handed to the
   * caller's loaders, so a widget's page is one statement with its count.
   */
  list(
    viewer: Viewer,
    filter: NeedFilterData,
    args: ConnectionArgs,
    scope: NeedFilterData = {},
    options: ListOptions = {},
  ): Promise<Connection<Need>> {
    const params: unknown[] = [];
    const where = [
      ...needFilterSql(viewer, filter, params),
      ...needFilterSql(viewer, scope, params, 'n', false),
    ];
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const { prime } = options;
    const sql = prime
      ? `SELECT ${this.columns}, n.id AS _k0, ${this.actorJson} AS _actor, ${this.regionJson} AS _region
           FROM need n JOIN actor a ON a.id = n.actor_id JOIN region r ON r.id = n.region_id ${whereSql}`
      : `SELECT ${this.columns}, n.id AS _k0 FROM need n ${whereSql}`;
    return paginate(
      this.db,
      {
        sql,
        countSql: `SELECT n.id AS _k0 FROM need n ${whereSql}`,
        params,
        directions: ['DESC'],
        hydrate: this.hydrate,
        onRow: prime
          ? (row) => {
              prime.actor(this.hydrateActor(row._actor as Record<string, unknown>));
              prime.region(this.hydrateRegion(row._region as Record<string, unknown>));
            }
          : undefined,
      },
      args,
      { withTotal: options.withTotal },
    );
  }

  /**
   * Actor.needs for many actors in one statement: each actor's newest needs with the given
   * statuses (all when null) visible to the caller, one page of the window each.
   */
  async pagesForActors(
    scope: VisibilityScope,
    actorIds: number[],
    statuses: NeedStatus[] | null,
    window: IdWindow,
  ): Promise<Map<number, OwnerPage<Need>>> {
    // Actor.needs never lists drafts: they are for the region's coordinators, by survey.
    const visible = (alias: string) =>
      `($2::need_status[] IS NULL OR ${alias}.status = ANY($2::need_status[])) AND ${alias}.status <> 'DRAFT'` +
      andVisibilitySql(scope, alias);
    const w = idWindowSql(window, 4);
    const beyond = w.beyond('p.id');
    // Whether rows lie beyond the cursor we came from (pageInfo's other side), only with one.
    const beyondJoin = beyond
      ? `LEFT JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM need p
           WHERE p.actor_id = o.actor_id AND ${visible('p')} AND ${beyond}) AS beyond) b ON true`
      : '';
    const rows = await this.db.read(
      `SELECT o.actor_id AS _owner, ${this.columns}, ${beyond ? 'b.beyond' : 'false'} AS _beyond
         FROM unnest($1::int[]) AS o(actor_id)
         LEFT JOIN LATERAL (
           SELECT ${this.columns} FROM need n
            WHERE n.actor_id = o.actor_id AND ${visible('n')} AND ${w.inPage('n.id')}
            ORDER BY ${w.order('n.id')} LIMIT $3) n ON true
         ${beyondJoin}
        ORDER BY o.actor_id, ${w.order('n.id')}`,
      [actorIds, statuses, window.size + 1, ...idWindowParams(window)],
    );
    return ownerPages(actorIds, rows, window, this.hydrate);
  }

  /** totalCount of Actor.needs for many actors in one statement. */
  async countsForActors(
    scope: VisibilityScope,
    actorIds: number[],
    statuses: NeedStatus[] | null,
  ): Promise<Map<number, number>> {
    const rows = await this.db.read<{ actor_id: number; n: number }>(
      `SELECT n.actor_id, count(*)::int AS n FROM need n
        WHERE n.actor_id = ANY($1) AND ($2::need_status[] IS NULL OR n.status = ANY($2::need_status[]))
          AND n.status <> 'DRAFT' ${andVisibilitySql(scope, 'n')}
        GROUP BY n.actor_id`,
      [actorIds, statuses],
    );
    return new Map(rows.map((r) => [r.actor_id, r.n]));
  }

  /** The facts the event hub filters on, for a batch of needs (one statement). */
  async filterFacts(ids: number[]): Promise<NeedFilterFacts[]> {
    if (ids.length === 0) return [];
    return this.db.query<NeedFilterFacts & Record<string, unknown>>(
      `SELECT n.id, n.kind, n.status, n.urgency, n.visibility, n.tags, n.actor_id AS "actorId",
              r.path AS "regionPath"
         FROM need n JOIN region r ON r.id = n.region_id WHERE n.id = ANY($1::int[])`,
      [ids],
    );
  }

  /** Materialized paths of regions (for in-memory region filters); missing ids are absent. */
  async regionPaths(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.read<{ id: number; path: string }>(
      'SELECT id, path FROM region WHERE id = ANY($1::int[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.path]));
  }

  /** Which of `ids` the viewer would find with `filter` in Query.needs (the subscription filter). */
  async matchingIds(viewer: Viewer, filter: NeedFilterData, ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const params: unknown[] = [ids];
    const where = ['n.id = ANY($1::int[])', ...needFilterSql(viewer, filter, params)];
    const rows = await this.db.query<{ id: number }>(
      `SELECT n.id FROM need n WHERE ${where.join(' AND ')}`,
      params,
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Reads and row-locks a need for a change; NOT_FOUND when it is missing or not visible. */
  async lock(tx: Queryable, viewer: Viewer, id: number): Promise<LockedNeed> {
    const { rows } = await tx.query(
      `SELECT ${this.columns}, r.path AS region_path FROM need n JOIN region r ON r.id = n.region_id
        WHERE n.id = $1 FOR UPDATE OF n`,
      [id],
    );
    const need = rows[0] ? this.hydrate(rows[0]) : null;
    const regionPathIds = rows[0] ? pathIds(String(rows[0].region_path)) : [];
    if (
      !need ||
      !canSeeVisibility(viewer, need.visibility) ||
      !canSeeNeedStatus(viewer, need.status, regionPathIds)
    )
      throw new NotFoundError('Need', toGlobalId('Need', id));
    return { need, regionPathIds };
  }

  private static checkDates(d: { startsAt?: Date | null; endsAt?: Date | null }): void {
    if (d.startsAt && d.endsAt && d.endsAt.getTime() < d.startsAt.getTime()) {
      throw new BadUserInputError('endsAt must not lie before startsAt', 'endsAt');
    }
  }

  /**
   * A deadline or end in the past would expire the need at the next sweep, seconds after it was
   * opened: refused when it is set or changed. A record already past may keep it (an update that
   * sends the stored value again, or leaves it out, changes nothing about it).
   */
  private static checkNotPast(
    data: { deadline?: Date | null; endsAt?: Date | null },
    stored: { deadline?: Date | null; endsAt?: Date | null } = {},
  ): void {
    const now = Date.now();
    for (const field of ['deadline', 'endsAt'] as const) {
      const value = data[field];
      if (value == null || value.getTime() === stored[field]?.getTime()) continue;
      if (value.getTime() <= now) {
        throw new BadUserInputError(`${field} must lie in the future`, field);
      }
    }
  }

  async open(viewer: Viewer, data: OpenNeedData): Promise<Need> {
    const title = requiredText(data.title, 'title', 2, 200);
    validLocation(data.location);
    NeedService.checkDates(data);
    NeedService.checkNotPast(data);
    const tags = normalizeTopics(data.tags, 'tags');
    return this.db.transaction(async (tx) => {
      const { rows: actors } = await tx.query(
        `SELECT a.id, a.region_id, a.latitude, a.longitude, r.path, ${districtOfSql('r.path')} AS district_id
           FROM actor a JOIN region r ON r.id = a.region_id WHERE a.id = $1`,
        [data.actorId],
      );
      const actor = actors[0];
      if (!actor) throw new NotFoundError('Actor', 'actorId');
      let regionId = Number(actor.region_id);
      let regionPath = pathIds(String(actor.path));
      if (data.regionId != null) {
        const { rows } = await tx.query('SELECT path FROM region WHERE id = $1', [data.regionId]);
        if (!rows[0]) throw new NotFoundError('Region', 'regionId');
        regionId = data.regionId;
        regionPath = pathIds(String(rows[0].path));
      }
      // The actor's editors open needs for it: a coordinator where the need will lie, a member
      // within the actor's district.
      const actorPath = pathIds(String(actor.path));
      const home = {
        actorId: data.actorId,
        regionPathIds: actorPath,
        homeRegionId: homeRegionOf(actorPath, actor.district_id),
      };
      assertCanOpenNeedIn(viewer, home, regionPath);
      const location =
        data.location ??
        (actor.latitude != null ? { latitude: actor.latitude, longitude: actor.longitude } : null);
      const [row] = await tx.rows(
        `INSERT INTO need (actor_id, kind, title, description, region_id, latitude, longitude, quantity, unit,
           urgency, visibility, tags, starts_at, ends_at, deadline)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING ${this.returning}`,
        [
          data.actorId,
          data.kind,
          title,
          trimmed(data.description),
          regionId,
          location?.latitude ?? null,
          location?.longitude ?? null,
          data.quantity ?? 1,
          trimmed(data.unit),
          data.urgency ?? Urgency.NORMAL,
          data.visibility ?? Visibility.PUBLIC,
          tags,
          data.startsAt ?? null,
          data.endsAt ?? null,
          data.deadline ?? null,
        ],
      );
      const need = this.hydrate(row);
      await this.audit.record(tx, viewer, {
        operation: 'openNeed',
        targetIds: [toGlobalId('Need', need.id)],
        regionId,
      });
      await this.activity.record(tx, await needOpenedActivity(tx, need));
      await recordNeedEvents(tx, [{ needId: need.id, type: NeedEventType.OPENED }]);
      return need;
    });
  }

  async update(viewer: Viewer, id: number, data: NeedData): Promise<Need> {
    const title = data.title !== undefined ? requiredText(data.title, 'title', 2, 200) : undefined;
    validLocation(data.location);
    return this.db.transaction(async (tx) => {
      const { need, regionPathIds } = await this.lock(tx, viewer, id);
      assertCanEditNeed(viewer, { actorId: need.actorId, regionPathIds });
      const startsAt = data.startsAt !== undefined ? data.startsAt : need.startsAt;
      const endsAt = data.endsAt !== undefined ? data.endsAt : need.endsAt;
      NeedService.checkDates({ startsAt, endsAt });
      NeedService.checkNotPast(data, need);
      const quantity = data.quantity ?? need.quantity;
      if (quantity < need.pledgedQuantity) {
        throw new BadUserInputError(
          `quantity cannot be lower than what is already pledged (${need.pledgedQuantity})`,
          'quantity',
          { pledgedQuantity: need.pledgedQuantity },
        );
      }
      let status = need.status;
      if (status === NeedStatus.OPEN && quantity === need.pledgedQuantity)
        status = NeedStatus.FILLED;
      else if (status === NeedStatus.FILLED && quantity > need.pledgedQuantity)
        status = NeedStatus.OPEN;
      const changes: Changes<Need> = { quantity, status };
      if (title !== undefined) changes.title = title;
      if (data.description !== undefined) changes.description = trimmed(data.description);
      if (data.location !== undefined) {
        changes.latitude = data.location?.latitude ?? null;
        changes.longitude = data.location?.longitude ?? null;
      }
      if (data.unit !== undefined) changes.unit = trimmed(data.unit);
      if (data.urgency != null) changes.urgency = data.urgency;
      if (data.visibility != null) changes.visibility = data.visibility;
      if (data.tags != null) changes.tags = normalizeTopics(data.tags, 'tags');
      if (data.startsAt !== undefined) changes.startsAt = data.startsAt;
      if (data.endsAt !== undefined) changes.endsAt = data.endsAt;
      if (data.deadline !== undefined) changes.deadline = data.deadline;
      const updated = await this.write(tx, id, changes);
      const events: NeedEventInput[] = [{ needId: id, type: NeedEventType.UPDATED }];
      if (status !== need.status) {
        events.push({
          needId: id,
          type: status === NeedStatus.FILLED ? NeedEventType.FILLED : NeedEventType.REOPENED,
        });
      }
      await this.audit.record(tx, viewer, {
        operation: 'updateNeed',
        targetIds: [toGlobalId('Need', id)],
        regionId: need.regionId,
      });
      if (status === NeedStatus.FILLED && need.status !== NeedStatus.FILLED)
        await this.activity.record(tx, await needFilledActivity(tx, updated));
      if (updated.startsAt?.getTime() !== need.startsAt?.getTime())
        await this.onMoved?.(tx, updated);
      // A draft has no life in the event log until publishNeed opens it.
      if (need.status !== NeedStatus.DRAFT) await recordNeedEvents(tx, events);
      return updated;
    });
  }

  /** Ends a need; closing a need that has already ended changes nothing. */
  async close(viewer: Viewer, id: number): Promise<Need> {
    return this.db.transaction(async (tx) => {
      const { need, regionPathIds } = await this.lock(tx, viewer, id);
      assertCanEditNeed(viewer, { actorId: need.actorId, regionPathIds });
      if (need.status === NeedStatus.DRAFT) {
        throw new ConflictError('A DRAFT need is discarded (discardNeed), not closed');
      }
      if (need.status === NeedStatus.CLOSED || need.status === NeedStatus.EXPIRED) return need;
      const updated = await this.write(tx, id, { status: NeedStatus.CLOSED, endedAt: new Date() });
      await this.audit.record(tx, viewer, {
        operation: 'closeNeed',
        targetIds: [toGlobalId('Need', id)],
        regionId: need.regionId,
      });
      await this.onClosed?.(tx, updated);
      await recordNeedEvents(tx, [{ needId: id, type: NeedEventType.CLOSED }]);
      return updated;
    });
  }

  private async write(tx: Transaction, id: number, changes: Changes<Need>): Promise<Need> {
    return this.hydrate(await this.updater.update(tx, id, changes));
  }

  /**
   * OPEN needs whose deadline or end has passed become EXPIRED, each with an event. FILLED needs
   * stay FILLED (they were covered); if a pledge is withdrawn later they reopen and expire here.
   */
  async expireDue(tx: Transaction): Promise<number[]> {
    const rows = await tx.rows<{ id: number }>(
      `UPDATE need SET status = 'EXPIRED', ended_at = now(), updated_at = now()
        WHERE status = 'OPEN' AND (deadline < now() OR ends_at < now())
        RETURNING id`,
    );
    const ids = rows.map((r) => r.id).sort((a, b) => a - b);
    await recordNeedEvents(
      tx,
      ids.map((needId) => ({ needId, type: NeedEventType.EXPIRED })),
    );
    return ids;
  }
}
