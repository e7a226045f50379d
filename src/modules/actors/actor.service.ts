import { Database, Queryable } from '../../db/database';
import { columnList, makeHydrator, selectList } from '../../db/hydrate';
import { BadUserInputError, NotFoundError } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import { Connection, ConnectionArgs, paginate } from '../../graphql/pagination';
import { Role, Viewer } from '../../graphql/viewer';
import type { ActivityService } from '../activity/activity.service';
import { ActivityType } from '../activity/activity-type';
import type { AuditService } from '../audit/audit.service';
import { NearFilter, nearSql } from '../shared/geo';
import { inRegionSql, pathIds } from '../shared/region-path';
import { normalizeTopics, searchText } from '../shared/text';
import { UpdateBuilder } from '../shared/update-builder';
import { Visibility } from '../shared/visibility';
import { Actor, ActorKind } from './actor.entity';
import { assertCanCreateActorIn, assertCanEditActor } from './actor.permissions';
import { actorColumns, ActorData } from './actor.validation';

export interface ActorFilterData {
  /** Includes every region below it. */
  regionId?: number;
  kinds?: ActorKind[];
  /** Matches actors with ANY of these topics (array overlap `&&`, GIN-indexed): a filter widens with each topic. */
  topics?: string[];
  text?: string;
  near?: NearFilter;
}

export class ActorService {
  readonly hydrate;
  /** The actor columns reads need (`a.id, a.name, ...`): never the search vector. */
  readonly columns: string;
  private readonly updater: UpdateBuilder<Actor>;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly activity: ActivityService,
  ) {
    this.hydrate = makeHydrator(db.dataSource, Actor);
    this.columns = selectList(db.dataSource, Actor, 'a');
    this.updater = new UpdateBuilder(db.dataSource, Actor);
  }

  async byIds(ids: number[]): Promise<Actor[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.read(`SELECT ${this.columns} FROM actor a WHERE a.id = ANY($1)`, [
      ids,
    ]);
    return rows.map(this.hydrate);
  }

  /** Builds the WHERE conditions of a filter; appends its parameters. */
  private filterSql(filter: ActorFilterData, params: unknown[]): string[] {
    const where: string[] = [];
    if (filter.regionId != null) {
      params.push(filter.regionId);
      where.push(inRegionSql('a.region_id', params.length));
    }
    if (filter.kinds && filter.kinds.length > 0) {
      params.push(filter.kinds);
      where.push(`a.kind = ANY($${params.length}::actor_kind[])`);
    }
    const topics = normalizeTopics(filter.topics, 'filter.topics');
    if (topics.length > 0) {
      params.push(topics);
      where.push(`a.topics && $${params.length}::text[]`);
    }
    if (filter.near) where.push(nearSql('a', filter.near, params));
    return where;
  }

  /**
   * A page of actors. With `text` the order is relevance (ts_rank over the German, umlaut-folded
   * search vector), otherwise name then id. `scopeRegionId` restricts further (Region.actors).
   */
  list(
    _viewer: Viewer,
    filter: ActorFilterData,
    args: ConnectionArgs,
    scopeRegionId?: number,
  ): Promise<Connection<Actor>> {
    const params: unknown[] = [];
    const where = this.filterSql(filter, params);
    if (scopeRegionId != null) {
      params.push(scopeRegionId);
      where.push(inRegionSql('a.region_id', params.length));
    }
    const text = searchText(filter.text);
    let keys: string;
    let directions: ('ASC' | 'DESC')[];
    if (text) {
      params.push(text);
      const q = `plainto_tsquery('german', hub_fold($${params.length}))`;
      where.push(`a.search_vector @@ ${q}`);
      keys = `ts_rank(a.search_vector, ${q}) AS _k0, a.id AS _k1`;
      directions = ['DESC', 'ASC'];
    } else {
      keys = 'a.name AS _k0, a.id AS _k1';
      directions = ['ASC', 'ASC'];
    }
    const sql = `SELECT ${this.columns}, ${keys} FROM actor a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    return paginate(this.db, { sql, params, directions, hydrate: this.hydrate }, args);
  }

  /**
   * Ids of the actors the viewer may edit, for Viewer.actors: a MEMBER's own, a COORDINATOR's
   * in its regions (first 500 by name); none for an ADMIN (every actor) and everyone else.
   */
  async editableIds(viewer: Viewer): Promise<number[]> {
    if (viewer.role === Role.MEMBER) return viewer.actorIds;
    if (viewer.role !== Role.COORDINATOR || viewer.regionIds.length === 0) return [];
    const ors = viewer.regionIds.map((_, i) => inRegionSql('a.region_id', i + 1)).join(' OR ');
    const rows = await this.db.read<{ id: number }>(
      `SELECT a.id FROM actor a WHERE ${ors} ORDER BY a.name, a.id LIMIT 500`,
      viewer.regionIds,
    );
    return rows.map((r) => r.id);
  }

  /** Best-ranked actors for free text, for the combined `search` query. */
  async searchRanked(
    _viewer: Viewer,
    text: string,
    regionId: number | undefined,
    limit: number,
  ): Promise<Array<{ actor: Actor; rank: number }>> {
    const t = searchText(text);
    if (!t) return [];
    const params: unknown[] = [t, Math.max(1, Math.min(limit, 100))];
    let region = '';
    if (regionId != null) {
      params.push(regionId);
      region = `AND ${inRegionSql('a.region_id', 3)}`;
    }
    const rows = await this.db.read(
      `SELECT ${this.columns}, ts_rank(a.search_vector, q) AS _rank
         FROM actor a, plainto_tsquery('german', hub_fold($1)) q
        WHERE a.search_vector @@ q ${region}
        ORDER BY _rank DESC, a.id LIMIT $2`,
      params,
    );
    return rows.map((r) => ({ actor: this.hydrate(r), rank: Number(r._rank) }));
  }

  /** Ancestor ids (itself last) of each region; unknown regions are missing from the map. */
  async regionPaths(q: Queryable, regionIds: number[]): Promise<Map<number, number[]>> {
    const { rows } = await q.query<{ id: number; path: string }>(
      'SELECT id, path FROM region WHERE id = ANY($1)',
      [regionIds],
    );
    return new Map(rows.map((r) => [r.id, pathIds(r.path)]));
  }

  private async checkReferences(q: Queryable, data: ActorData, selfId?: number): Promise<void> {
    if (data.hostedById != null) {
      if (data.hostedById === selfId)
        throw new BadUserInputError('A role cannot host itself', 'hostedById');
      const { rows } = await q.query('SELECT 1 FROM actor WHERE id = $1', [data.hostedById]);
      if (rows.length === 0) throw new NotFoundError('Actor', 'hostedById');
    }
  }

  async create(
    viewer: Viewer,
    data: ActorData & { kind: ActorKind; regionId: number },
  ): Promise<Actor> {
    const cols = actorColumns(data.kind, { ...data, topics: data.topics ?? [] }, true);
    return this.db.transaction(async (tx) => {
      const path = (await this.regionPaths(tx, [data.regionId])).get(data.regionId);
      if (!path) throw new NotFoundError('Region', 'regionId');
      assertCanCreateActorIn(viewer, path);
      await this.checkReferences(tx, data);
      const actor = await this.insert(tx, data.kind, cols);
      await this.audit.record(tx, viewer, {
        operation: 'createActor',
        targetIds: [toGlobalId('Actor', actor.id)],
        regionId: actor.regionId,
      });
      // Actors are public records (organisations and roles, never private persons).
      await this.activity.record(tx, {
        type: ActivityType.ACTOR_CREATED,
        regionId: actor.regionId,
        subject: { type: 'Actor', id: actor.id },
        visibility: Visibility.PUBLIC,
        actorIds: [actor.id],
        summary: `${actor.name} ist neu im Netzwerk`,
        data: { kind: actor.kind },
      });
      return actor;
    });
  }

  /** Inserts the columns actorColumns checked and returned. */
  private async insert(
    q: Queryable,
    kind: ActorKind,
    cols: Record<string, unknown>,
  ): Promise<Actor> {
    const names = ['kind', ...Object.keys(cols)];
    const values = [kind, ...Object.values(cols)];
    const { rows } = await q.query(
      `INSERT INTO actor (${names.join(', ')}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING ${columnList(this.db.dataSource, Actor)}`,
      values,
    );
    return this.hydrate(rows[0]);
  }

  async update(viewer: Viewer, id: number, data: ActorData): Promise<Actor> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.rows(`SELECT ${this.columns} FROM actor a WHERE a.id = $1 FOR UPDATE`, [
        id,
      ]);
      if (rows.length === 0) throw new NotFoundError('Actor', toGlobalId('Actor', id));
      const current = this.hydrate(rows[0]);
      const paths = await this.regionPaths(tx, [
        current.regionId,
        ...(data.regionId != null ? [data.regionId] : []),
      ]);
      assertCanEditActor(viewer, id, paths.get(current.regionId) ?? []);
      if (data.regionId != null) {
        const target = paths.get(data.regionId);
        if (!target) throw new NotFoundError('Region', 'regionId');
        // Moving an actor is creating it elsewhere: the target region must be the caller's too.
        if (data.regionId !== current.regionId) assertCanCreateActorIn(viewer, target);
      }
      if (data.regionId === null)
        throw new BadUserInputError('regionId cannot be removed', 'regionId');
      const cols = actorColumns(current.kind, data, false);
      await this.checkReferences(tx, data, id);
      const actor = Object.keys(cols).length
        ? this.hydrate(await this.updater.update(tx, id, this.updater.fromColumns(cols)))
        : current;
      await this.audit.record(tx, viewer, {
        operation: 'updateActor',
        targetIds: [toGlobalId('Actor', id)],
        regionId: actor.regionId,
      });
      return actor;
    });
  }
}
