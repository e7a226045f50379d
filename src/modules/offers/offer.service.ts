// Offers: what actors can share. Lists show active offers only; withdrawn ones stay readable by id.
import { Database, Transaction } from '../../db/database';
import { makeHydrator } from '../../db/hydrate';
import { BadUserInputError, NotFoundError } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import { Connection, ConnectionArgs, paginate } from '../../graphql/pagination';
import { Viewer } from '../../graphql/viewer';
import { pathIds } from '../actors/actor.permissions';
import { nearSql, NearFilter } from '../actors/actor.service';
import { normalizeTopics } from '../actors/actor.validation';
import type { AuditService } from '../audit/audit.service';
import { textParam } from '../needs/need-filter';
import { Visibility } from '../needs/need.entity';
import { canSeeVisibility, visibilitySql } from '../needs/need.permissions';
import { checkLocation, GeoData, trimmed } from '../needs/need.service';
import { inRegionSql } from '../regions/region.service';
import { Offer, OfferKind } from './offer.entity';
import { assertCanEditOffer } from './offer.permissions';

export interface OfferFilterData {
  regionId?: number;
  kinds?: OfferKind[];
  tags?: string[];
  actorId?: number;
  text?: string;
  near?: NearFilter;
}

export interface OfferData {
  title?: string | null;
  description?: string | null;
  regionId?: number | null;
  location?: GeoData | null;
  quantity?: number | null;
  unit?: string | null;
  tags?: string[] | null;
  visibility?: Visibility | null;
  availableFrom?: Date | null;
  availableUntil?: Date | null;
}

/** WHERE conditions over offer alias `o` (visibility included, active only). */
export function offerFilterSql(
  viewer: Viewer,
  filter: OfferFilterData,
  params: unknown[],
  o = 'o',
): string[] {
  const where = [`${o}.active`];
  const vis = visibilitySql(viewer, o);
  if (vis) where.push(vis);
  if (filter.regionId != null) {
    params.push(filter.regionId);
    where.push(inRegionSql(`${o}.region_id`, params.length));
  }
  if (filter.kinds && filter.kinds.length > 0) {
    params.push(filter.kinds);
    where.push(`${o}.kind = ANY($${params.length}::offer_kind[])`);
  }
  const tags = normalizeTopics(filter.tags, 'filter.tags');
  if (tags.length > 0) {
    params.push(tags);
    where.push(`${o}.tags && $${params.length}::text[]`);
  }
  if (filter.actorId != null) {
    params.push(filter.actorId);
    where.push(`${o}.actor_id = $${params.length}`);
  }
  const text = textParam(filter.text);
  if (text) {
    params.push(text);
    where.push(`${o}.search_vector @@ plainto_tsquery('german', hub_fold($${params.length}))`);
  }
  if (filter.near) where.push(nearSql(o, filter.near, params));
  return where;
}

export class OfferService {
  readonly hydrate;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {
    this.hydrate = makeHydrator(db.dataSource, Offer);
  }

  async byIds(ids: number[]): Promise<Offer[]> {
    if (ids.length === 0) return [];
    return (await this.db.read('SELECT * FROM offer WHERE id = ANY($1)', [ids])).map(this.hydrate);
  }

  list(
    viewer: Viewer,
    filter: OfferFilterData,
    args: ConnectionArgs,
    scope: OfferFilterData = {},
  ): Promise<Connection<Offer>> {
    const params: unknown[] = [];
    const where = [
      ...offerFilterSql(viewer, filter, params),
      ...offerFilterSql(viewer, scope, params),
    ];
    const sql = `SELECT o.*, o.id AS _k0 FROM offer o WHERE ${where.join(' AND ')}`;
    return paginate(this.db, { sql, params, directions: ['DESC'], hydrate: this.hydrate }, args);
  }

  private static check(data: OfferData): void {
    checkLocation(data.location);
    if (data.availableFrom && data.availableUntil && data.availableUntil < data.availableFrom) {
      throw new BadUserInputError(
        'availableUntil must not lie before availableFrom',
        'availableUntil',
      );
    }
  }

  async create(
    viewer: Viewer,
    data: OfferData & { actorId: number; kind: OfferKind; title: string },
  ): Promise<Offer> {
    OfferService.check(data);
    const tags = normalizeTopics(data.tags, 'tags');
    return this.db.transaction(async (tx) => {
      const [actor] = await tx.rows(
        'SELECT a.region_id, a.latitude, a.longitude, r.path FROM actor a JOIN region r ON r.id = a.region_id WHERE a.id = $1',
        [data.actorId],
      );
      if (!actor) throw new NotFoundError('Actor', 'actorId');
      assertCanEditOffer(viewer, data.actorId, pathIds(String(actor.path)));
      let regionId = Number(actor.region_id);
      if (data.regionId != null) {
        const [region] = await tx.rows('SELECT path FROM region WHERE id = $1', [data.regionId]);
        if (!region) throw new NotFoundError('Region', 'regionId');
        assertCanEditOffer(viewer, data.actorId, pathIds(String(region.path)));
        regionId = data.regionId;
      }
      const location =
        data.location ??
        (actor.latitude != null ? { latitude: actor.latitude, longitude: actor.longitude } : null);
      const [row] = await tx.rows(
        `INSERT INTO offer (actor_id, kind, title, description, region_id, latitude, longitude, quantity, unit, tags,
           visibility, available_from, available_until)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
        [
          data.actorId,
          data.kind,
          data.title.trim(),
          trimmed(data.description),
          regionId,
          location?.latitude ?? null,
          location?.longitude ?? null,
          data.quantity ?? null,
          trimmed(data.unit),
          tags,
          data.visibility ?? Visibility.PUBLIC,
          data.availableFrom ?? null,
          data.availableUntil ?? null,
        ],
      );
      const offer = this.hydrate(row);
      await this.audit.record(tx, viewer, {
        operation: 'createOffer',
        targetIds: [toGlobalId('Offer', offer.id)],
        regionId,
      });
      return offer;
    });
  }

  private async lockForEdit(tx: Transaction, viewer: Viewer, id: number): Promise<Offer> {
    const [row] = await tx.rows(
      'SELECT o.*, r.path AS region_path FROM offer o JOIN region r ON r.id = o.region_id WHERE o.id = $1 FOR UPDATE OF o',
      [id],
    );
    const offer = row ? this.hydrate(row) : null;
    if (!offer || !canSeeVisibility(viewer, offer.visibility))
      throw new NotFoundError('Offer', toGlobalId('Offer', id));
    assertCanEditOffer(viewer, offer.actorId, pathIds(String(row.region_path)));
    return offer;
  }

  async update(viewer: Viewer, id: number, data: OfferData): Promise<Offer> {
    OfferService.check(data);
    return this.db.transaction(async (tx) => {
      const offer = await this.lockForEdit(tx, viewer, id);
      const from = data.availableFrom !== undefined ? data.availableFrom : offer.availableFrom;
      const until = data.availableUntil !== undefined ? data.availableUntil : offer.availableUntil;
      OfferService.check({ availableFrom: from, availableUntil: until });
      const cols: Record<string, unknown> = {};
      if (data.title != null) cols.title = data.title.trim();
      if (data.description !== undefined) cols.description = trimmed(data.description);
      if (data.location !== undefined) {
        cols.latitude = data.location?.latitude ?? null;
        cols.longitude = data.location?.longitude ?? null;
      }
      if (data.quantity !== undefined) cols.quantity = data.quantity;
      if (data.unit !== undefined) cols.unit = trimmed(data.unit);
      if (data.tags != null) cols.tags = normalizeTopics(data.tags, 'tags');
      if (data.visibility != null) cols.visibility = data.visibility;
      if (data.availableFrom !== undefined) cols.available_from = data.availableFrom;
      if (data.availableUntil !== undefined) cols.available_until = data.availableUntil;
      const updated = await this.write(tx, id, cols);
      await this.audit.record(tx, viewer, {
        operation: 'updateOffer',
        targetIds: [toGlobalId('Offer', id)],
        regionId: offer.regionId,
      });
      return updated;
    });
  }

  async withdraw(viewer: Viewer, id: number): Promise<Offer> {
    return this.db.transaction(async (tx) => {
      const offer = await this.lockForEdit(tx, viewer, id);
      const updated = await this.write(tx, id, { active: false });
      await this.audit.record(tx, viewer, {
        operation: 'withdrawOffer',
        targetIds: [toGlobalId('Offer', id)],
        regionId: offer.regionId,
      });
      return updated;
    });
  }

  private async write(tx: Transaction, id: number, cols: Record<string, unknown>): Promise<Offer> {
    const keys = Object.keys(cols);
    const sets = keys.map((k, i) => `${k} = $${i + 2}`);
    const [row] = await tx.rows(
      `UPDATE offer SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING *`,
      [id, ...keys.map((k) => cols[k])],
    );
    return this.hydrate(row);
  }
}
