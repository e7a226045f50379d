// Offers: what actors can share. Lists show active offers only; withdrawn ones stay readable by id.
import { Database, Transaction } from '../../db/database';
import { columnList, makeHydrator, selectList } from '../../db/hydrate';
import { BadUserInputError, NotFoundError } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import { Connection, ConnectionArgs, paginate } from '../../graphql/pagination';
import { Viewer } from '../../graphql/viewer';
import type { AuditService } from '../audit/audit.service';
import { GeoInput, validLocation } from '../shared/geo';
import { ListingFilterData, listingFilterSql } from '../shared/listing-filter';
import { homeRegionOf } from '../actors/actor.permissions';
import { districtOfSql, pathIds } from '../shared/region-path';
import { normalizeTopics, requiredText, trimmed } from '../shared/text';
import { Changes, UpdateBuilder } from '../shared/update-builder';
import { canSeeVisibility, Visibility } from '../shared/visibility';
import { Offer, OfferKind } from './offer.entity';
import { assertCanCreateOfferIn, assertCanEditOffer } from './offer.permissions';

export interface OfferFilterData extends ListingFilterData {
  kinds?: OfferKind[];
}

export interface OfferData {
  title?: string | null;
  description?: string | null;
  regionId?: number | null;
  location?: GeoInput | null;
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
  return [
    `${o}.active`,
    ...listingFilterSql(viewer, filter, params, o, [[filter.kinds, 'kind', 'offer_kind[]']]),
  ];
}

export class OfferService {
  readonly hydrate;
  /** The offer columns reads need (`o.id, o.title, ...`): never the search vector. */
  readonly columns: string;
  private readonly returning: string;
  private readonly updater: UpdateBuilder<Offer>;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {
    this.hydrate = makeHydrator(db.dataSource, Offer);
    this.columns = selectList(db.dataSource, Offer, 'o');
    this.returning = columnList(db.dataSource, Offer);
    this.updater = new UpdateBuilder(db.dataSource, Offer);
  }

  async byIds(ids: number[]): Promise<Offer[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.read(`SELECT ${this.columns} FROM offer o WHERE o.id = ANY($1)`, [
      ids,
    ]);
    return rows.map(this.hydrate);
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
    const sql = `SELECT ${this.columns}, o.id AS _k0 FROM offer o WHERE ${where.join(' AND ')}`;
    return paginate(this.db, { sql, params, directions: ['DESC'], hydrate: this.hydrate }, args);
  }

  private static check(data: OfferData): void {
    validLocation(data.location);
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
    const title = requiredText(data.title, 'title', 2, 200);
    OfferService.check(data);
    const tags = normalizeTopics(data.tags, 'tags');
    return this.db.transaction(async (tx) => {
      const [actor] = await tx.rows(
        `SELECT a.region_id, a.latitude, a.longitude, r.path, ${districtOfSql('r.path')} AS district_id
           FROM actor a JOIN region r ON r.id = a.region_id WHERE a.id = $1`,
        [data.actorId],
      );
      if (!actor) throw new NotFoundError('Actor', 'actorId');
      const actorPath = pathIds(String(actor.path));
      const home = {
        actorId: data.actorId,
        regionPathIds: actorPath,
        homeRegionId: homeRegionOf(actorPath, actor.district_id),
      };
      assertCanEditOffer(viewer, data.actorId, actorPath);
      let regionId = Number(actor.region_id);
      let regionPath = actorPath;
      if (data.regionId != null) {
        const [region] = await tx.rows('SELECT path FROM region WHERE id = $1', [data.regionId]);
        if (!region) throw new NotFoundError('Region', 'regionId');
        regionId = data.regionId;
        regionPath = pathIds(String(region.path));
      }
      // Where it lies: a coordinator within their regions, a member within the actor's district.
      assertCanCreateOfferIn(viewer, home, regionPath);
      const location =
        data.location ??
        (actor.latitude != null ? { latitude: actor.latitude, longitude: actor.longitude } : null);
      const [row] = await tx.rows(
        `INSERT INTO offer (actor_id, kind, title, description, region_id, latitude, longitude, quantity, unit, tags,
           visibility, available_from, available_until)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${this.returning}`,
        [
          data.actorId,
          data.kind,
          title,
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
      `SELECT ${this.columns}, r.path AS region_path FROM offer o JOIN region r ON r.id = o.region_id WHERE o.id = $1 FOR UPDATE OF o`,
      [id],
    );
    const offer = row ? this.hydrate(row) : null;
    if (!offer || !canSeeVisibility(viewer, offer.visibility))
      throw new NotFoundError('Offer', toGlobalId('Offer', id));
    assertCanEditOffer(viewer, offer.actorId, pathIds(String(row.region_path)));
    return offer;
  }

  async update(viewer: Viewer, id: number, data: OfferData): Promise<Offer> {
    const title = data.title !== undefined ? requiredText(data.title, 'title', 2, 200) : undefined;
    OfferService.check(data);
    return this.db.transaction(async (tx) => {
      const offer = await this.lockForEdit(tx, viewer, id);
      const from = data.availableFrom !== undefined ? data.availableFrom : offer.availableFrom;
      const until = data.availableUntil !== undefined ? data.availableUntil : offer.availableUntil;
      OfferService.check({ availableFrom: from, availableUntil: until });
      const changes: Changes<Offer> = {};
      if (title !== undefined) changes.title = title;
      if (data.description !== undefined) changes.description = trimmed(data.description);
      if (data.location !== undefined) {
        changes.latitude = data.location?.latitude ?? null;
        changes.longitude = data.location?.longitude ?? null;
      }
      if (data.quantity !== undefined) changes.quantity = data.quantity;
      if (data.unit !== undefined) changes.unit = trimmed(data.unit);
      if (data.tags != null) changes.tags = normalizeTopics(data.tags, 'tags');
      if (data.visibility != null) changes.visibility = data.visibility;
      if (data.availableFrom !== undefined) changes.availableFrom = data.availableFrom;
      if (data.availableUntil !== undefined) changes.availableUntil = data.availableUntil;
      const updated = await this.write(tx, id, changes);
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

  private async write(tx: Transaction, id: number, changes: Changes<Offer>): Promise<Offer> {
    return this.hydrate(await this.updater.update(tx, id, changes));
  }
}
