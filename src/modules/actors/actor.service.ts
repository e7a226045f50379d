import { Database, Queryable } from '../../db/database';
import { makeHydrator, selectList } from '../../db/hydrate';
import { BadUserInputError, NotFoundError } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import { Connection, ConnectionArgs, paginate } from '../../graphql/pagination';
import { Viewer } from '../../graphql/viewer';
import type { AuditService } from '../audit/audit.service';
import { inRegionSql } from '../regions/region.service';
import { Actor, ActorKind } from './actor.entity';
import { assertCanCreateActorIn, assertCanEditActor, pathIds } from './actor.permissions';
import { actorColumns, ActorData, normalizeTopics } from './actor.validation';

export interface NearFilter {
  latitude: number;
  longitude: number;
  radiusKm: number;
}

export interface ActorFilterData {
  /** Includes every region below it. */
  regionId?: number;
  kinds?: ActorKind[];
  /** Matches actors with ANY of these topics (array overlap `&&`, GIN-indexed): a filter widens with each topic. */
  topics?: string[];
  text?: string;
  near?: NearFilter;
}

const KM_PER_DEGREE = 111.045;
const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in km between actor `a` and ($lat, $lon) parameters. */
export function haversineSql(alias: string, latParam: number, lonParam: number): string {
  return `(2 * ${EARTH_RADIUS_KM} * asin(sqrt(
    power(sin(radians(${alias}.latitude - $${latParam}::float8) / 2), 2)
    + cos(radians($${latParam}::float8)) * cos(radians(${alias}.latitude))
      * power(sin(radians(${alias}.longitude - $${lonParam}::float8) / 2), 2))))`;
}

/** Bounding box (index-friendly on actor(latitude, longitude)) plus the exact haversine test. */
export function nearSql(alias: string, near: NearFilter, params: unknown[]): string {
  if (!Number.isFinite(near.radiusKm) || near.radiusKm <= 0 || near.radiusKm > 1000) {
    throw new BadUserInputError(
      'near.radiusKm must be greater than 0 and at most 1000',
      'near.radiusKm',
    );
  }
  if (!Number.isFinite(near.latitude) || Math.abs(near.latitude) > 90) {
    throw new BadUserInputError('near.latitude must be between -90 and 90', 'near.latitude');
  }
  if (!Number.isFinite(near.longitude) || Math.abs(near.longitude) > 180) {
    throw new BadUserInputError('near.longitude must be between -180 and 180', 'near.longitude');
  }
  const dLat = near.radiusKm / KM_PER_DEGREE;
  const cos = Math.max(Math.cos((near.latitude * Math.PI) / 180), 0.01);
  const dLon = Math.min(near.radiusKm / (KM_PER_DEGREE * cos), 180);
  params.push(near.latitude, near.longitude, near.radiusKm, dLat, dLon);
  const n = params.length;
  const [lat, lon, r, dla, dlo] = [n - 4, n - 3, n - 2, n - 1, n];
  return `${alias}.latitude BETWEEN $${lat}::float8 - $${dla}::float8 AND $${lat}::float8 + $${dla}::float8
    AND ${alias}.longitude BETWEEN $${lon}::float8 - $${dlo}::float8 AND $${lon}::float8 + $${dlo}::float8
    AND ${haversineSql(alias, lat, lon)} <= $${r}::float8`;
}

export class ActorService {
  readonly hydrate;
  /** The actor columns reads need (`a.id, a.name, ...`): never the search vector. */
  readonly columns: string;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {
    this.hydrate = makeHydrator(db.dataSource, Actor);
    this.columns = selectList(db.dataSource, Actor, 'a');
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

  private static textParam(text: string | undefined): string | null {
    const t = text?.trim() ?? '';
    if (t.length > 200)
      throw new BadUserInputError('filter.text must be at most 200 characters', 'filter.text');
    return t.length > 0 ? t : null;
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
    const text = ActorService.textParam(filter.text);
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

  /** Best-ranked actors for free text, for the combined `search` query. */
  async searchRanked(
    _viewer: Viewer,
    text: string,
    regionId: number | undefined,
    limit: number,
  ): Promise<Array<{ actor: Actor; rank: number }>> {
    const t = ActorService.textParam(text);
    if (!t) return [];
    const params: unknown[] = [t, Math.max(1, Math.min(limit, 100))];
    let region = '';
    if (regionId != null) {
      params.push(regionId);
      region = `AND ${inRegionSql('a.region_id', 3)}`;
    }
    const rows = await this.db.read(
      `SELECT a.*, ts_rank(a.search_vector, q) AS _rank
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
      return actor;
    });
  }

  async insert(q: Queryable, kind: ActorKind, cols: Record<string, unknown>): Promise<Actor> {
    const names = ['kind', ...Object.keys(cols)];
    const values = [kind, ...Object.values(cols)];
    const { rows } = await q.query(
      `INSERT INTO actor (${names.join(', ')}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
      values,
    );
    return this.hydrate(rows[0]);
  }

  async write(q: Queryable, id: number, cols: Record<string, unknown>): Promise<Actor> {
    const names = Object.keys(cols);
    const sets = names.map((c, i) => `${c} = $${i + 2}`);
    const { rows } = await q.query(
      `UPDATE actor SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING *`,
      [id, ...Object.values(cols)],
    );
    return this.hydrate(rows[0]);
  }

  async update(viewer: Viewer, id: number, data: ActorData): Promise<Actor> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.rows('SELECT * FROM actor WHERE id = $1 FOR UPDATE', [id]);
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
      const actor = Object.keys(cols).length ? await this.write(tx, id, cols) : current;
      await this.audit.record(tx, viewer, {
        operation: 'updateActor',
        targetIds: [toGlobalId('Actor', id)],
        regionId: actor.regionId,
      });
      return actor;
    });
  }
}
