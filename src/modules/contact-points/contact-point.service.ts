// Contact points and their office hours. Lists are one statement (filters, visibility, region
// subtree); "open at" and the openings are computed from the rows' rules in memory, never one
// query per point.
import { Database, Queryable } from '../../db/database';
import { columnList, makeHydrator, selectList } from '../../db/hydrate';
import { BadUserInputError, NotFoundError } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import { Connection, ConnectionArgs, paginate } from '../../graphql/pagination';
import { Viewer } from '../../graphql/viewer';
import type { AuditService } from '../audit/audit.service';
import { GeoInput, NearFilter, nearSql, validLocation } from '../shared/geo';
import { inRegionSql, pathIds } from '../shared/region-path';
import { boundedText } from '../shared/text';
import { Changes, UpdateBuilder } from '../shared/update-builder';
import { canSeeVisibility, Visibility, visibilitySql } from '../shared/visibility';
import { ContactPoint, ContactPointKind } from './contact-point.entity';
import { assertCanEditContactPoint } from './contact-point.permissions';
import {
  checkExceptions,
  checkRules,
  expandOpenings,
  isOpenAt,
  OpeningExceptionData,
  OpeningRuleData,
  OpeningSpan,
} from './opening-rules';

export interface ContactPointFilterData {
  regionId?: number;
  kinds?: ContactPointKind[];
  near?: NearFilter;
  openAt?: Date;
}

export interface ContactPointData {
  name?: string | null;
  description?: string | null;
  address?: string | null;
  location?: GeoInput | null;
  hostedById?: number | null;
  staffedByIds?: number[] | null;
  accessibility?: string | null;
  hours?: Partial<OpeningRuleData>[] | null;
  exceptions?: Partial<OpeningExceptionData>[] | null;
  visibility?: Visibility | null;
}

export interface CreateContactPointData extends ContactPointData {
  kind: ContactPointKind;
  name: string;
  regionId: number;
  hours: Partial<OpeningRuleData>[];
}

export interface Opening extends OpeningSpan {
  contactPoint: ContactPoint;
}

export class ContactPointService {
  readonly hydrate;
  private readonly columns: string;
  private readonly returning: string;
  private readonly updater: UpdateBuilder<ContactPoint>;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {
    this.hydrate = makeHydrator(db.dataSource, ContactPoint);
    this.columns = selectList(db.dataSource, ContactPoint, 'c');
    this.returning = columnList(db.dataSource, ContactPoint);
    this.updater = new UpdateBuilder(db.dataSource, ContactPoint);
  }

  async byIds(ids: number[]): Promise<ContactPoint[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.read(
      `SELECT ${this.columns} FROM contact_point c WHERE c.id = ANY($1)`,
      [ids],
    );
    return rows.map(this.hydrate);
  }

  private filterSql(viewer: Viewer, filter: ContactPointFilterData, params: unknown[]): string {
    const where: string[] = [];
    const vis = visibilitySql(viewer, 'c');
    if (vis) where.push(vis);
    if (filter.regionId != null) {
      params.push(filter.regionId);
      where.push(inRegionSql('c.region_id', params.length));
    }
    if (filter.kinds?.length) {
      params.push(filter.kinds);
      where.push(`c.kind = ANY($${params.length}::contact_point_kind[])`);
    }
    if (filter.near) where.push(nearSql('c', filter.near, params));
    return where.length ? `WHERE ${where.join(' AND ')}` : '';
  }

  /** By name. With openAt, the candidates' rules are checked in memory first. */
  async list(
    viewer: Viewer,
    filter: ContactPointFilterData,
    args: ConnectionArgs,
  ): Promise<Connection<ContactPoint>> {
    const params: unknown[] = [];
    let where = this.filterSql(viewer, filter, params);
    if (filter.openAt) {
      const at = filter.openAt;
      const candidates = (
        await this.db.read(`SELECT ${this.columns} FROM contact_point c ${where}`, params)
      ).map(this.hydrate);
      params.push(candidates.filter((c) => isOpenAt(c.hours, c.exceptions, at)).map((c) => c.id));
      where = `${where ? `${where} AND` : 'WHERE'} c.id = ANY($${params.length}::int[])`;
    }
    return paginate(
      this.db,
      {
        sql: `SELECT ${this.columns}, c.name AS _k0, c.id AS _k1 FROM contact_point c ${where}`,
        params,
        directions: ['ASC', 'ASC'],
        hydrate: this.hydrate,
      },
      args,
    );
  }

  /** Openings of every visible contact point in a region and below it, in start order. */
  async openingsInRegion(
    viewer: Viewer,
    regionId: number,
    from: Date,
    until: Date,
    first: number,
  ): Promise<Opening[]> {
    const params: unknown[] = [];
    const where = this.filterSql(viewer, { regionId }, params);
    const points = (
      await this.db.read(`SELECT ${this.columns} FROM contact_point c ${where}`, params)
    ).map(this.hydrate);
    return points
      .flatMap((cp) => this.openings(cp, from, until, first))
      .sort(
        (a, b) =>
          a.startsAt.getTime() - b.startsAt.getTime() || a.contactPoint.id - b.contactPoint.id,
      )
      .slice(0, first);
  }

  openings(cp: ContactPoint, from: Date, until: Date, first: number): Opening[] {
    return expandOpenings(cp.hours, cp.exceptions, from, until, first).map((s) => ({
      ...s,
      contactPoint: cp,
    }));
  }

  openNow(cp: ContactPoint, now = new Date()): boolean {
    return isOpenAt(cp.hours, cp.exceptions, now);
  }

  private async regionPath(q: Queryable, regionId: number): Promise<number[]> {
    const { rows } = await q.query('SELECT path FROM region WHERE id = $1', [regionId]);
    if (!rows[0]) throw new NotFoundError('Region', 'regionId');
    return pathIds(String(rows[0].path));
  }

  private async checkActors(q: Queryable, data: ContactPointData): Promise<void> {
    const ids = [
      ...(data.hostedById != null ? [data.hostedById] : []),
      ...(data.staffedByIds ?? []),
    ];
    if ((data.staffedByIds?.length ?? 0) > 20) {
      throw new BadUserInputError('at most 20 staffedByIds', 'staffedByIds');
    }
    if (ids.length === 0) return;
    const { rows } = await q.query('SELECT id FROM actor WHERE id = ANY($1::int[])', [ids]);
    const found = new Set(rows.map((r) => Number(r.id)));
    if (data.hostedById != null && !found.has(data.hostedById)) {
      throw new NotFoundError('Actor', 'hostedById');
    }
    if ((data.staffedByIds ?? []).some((id) => !found.has(id))) {
      throw new NotFoundError('Actor', 'staffedByIds');
    }
  }

  async create(viewer: Viewer, data: CreateContactPointData): Promise<ContactPoint> {
    const name = boundedText(data.name, 'name', 1, 200) as string;
    const location = validLocation(data.location);
    const hours = checkRules(data.hours);
    const exceptions = checkExceptions(data.exceptions ?? []);
    return this.db.transaction(async (tx) => {
      assertCanEditContactPoint(viewer, await this.regionPath(tx, data.regionId));
      await this.checkActors(tx, data);
      const [row] = await tx.rows(
        `INSERT INTO contact_point (kind, name, description, region_id, address, latitude, longitude,
           hosted_by_id, staffed_by_ids, accessibility, hours, exceptions, visibility)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${this.returning}`,
        [
          data.kind,
          name,
          boundedText(data.description, 'description', 0, 5000),
          data.regionId,
          boundedText(data.address, 'address', 0, 300),
          location?.latitude ?? null,
          location?.longitude ?? null,
          data.hostedById ?? null,
          [...new Set(data.staffedByIds ?? [])],
          boundedText(data.accessibility, 'accessibility', 0, 500),
          JSON.stringify(hours),
          JSON.stringify(exceptions),
          data.visibility ?? Visibility.PUBLIC,
        ],
      );
      const cp = this.hydrate(row);
      await this.audit.record(tx, viewer, {
        operation: 'createContactPoint',
        targetIds: [toGlobalId('ContactPoint', cp.id)],
        regionId: cp.regionId,
      });
      return cp;
    });
  }

  private async lock(q: Queryable, viewer: Viewer, id: number): Promise<ContactPoint> {
    const { rows } = await q.query(
      `SELECT ${this.columns}, r.path AS region_path FROM contact_point c
         JOIN region r ON r.id = c.region_id WHERE c.id = $1 FOR UPDATE OF c`,
      [id],
    );
    const cp = rows[0] ? this.hydrate(rows[0]) : null;
    if (!cp || !canSeeVisibility(viewer, cp.visibility)) {
      throw new NotFoundError('ContactPoint', toGlobalId('ContactPoint', id));
    }
    assertCanEditContactPoint(viewer, pathIds(String(rows[0].region_path)));
    return cp;
  }

  async update(viewer: Viewer, id: number, data: ContactPointData): Promise<ContactPoint> {
    const changes: Changes<ContactPoint> = {};
    if (data.name != null) changes.name = boundedText(data.name, 'name', 1, 200);
    if (data.description !== undefined)
      changes.description = boundedText(data.description, 'description', 0, 5000);
    if (data.address !== undefined) changes.address = boundedText(data.address, 'address', 0, 300);
    if (data.location !== undefined) {
      const loc = validLocation(data.location);
      changes.latitude = loc?.latitude ?? null;
      changes.longitude = loc?.longitude ?? null;
    }
    if (data.hostedById !== undefined) changes.hostedById = data.hostedById;
    if (data.staffedByIds != null) changes.staffedByIds = [...new Set(data.staffedByIds)];
    if (data.accessibility !== undefined)
      changes.accessibility = boundedText(data.accessibility, 'accessibility', 0, 500);
    if (data.hours != null) {
      changes.hours = JSON.stringify(checkRules(data.hours)) as unknown as OpeningRuleData[];
    }
    if (data.exceptions != null) {
      changes.exceptions = JSON.stringify(
        checkExceptions(data.exceptions),
      ) as unknown as OpeningExceptionData[];
    }
    if (data.visibility != null) changes.visibility = data.visibility;
    return this.db.transaction(async (tx) => {
      const cp = await this.lock(tx, viewer, id);
      await this.checkActors(tx, data);
      const updated = this.hydrate(await this.updater.update(tx, id, changes));
      await this.audit.record(tx, viewer, {
        operation: 'updateContactPoint',
        targetIds: [toGlobalId('ContactPoint', id)],
        regionId: cp.regionId,
      });
      return updated;
    });
  }

  async delete(viewer: Viewer, id: number): Promise<number> {
    return this.db.transaction(async (tx) => {
      const cp = await this.lock(tx, viewer, id);
      await tx.query('DELETE FROM contact_point WHERE id = $1', [id]);
      await this.audit.record(tx, viewer, {
        operation: 'deleteContactPoint',
        targetIds: [toGlobalId('ContactPoint', id)],
        regionId: cp.regionId,
      });
      return id;
    });
  }

  /** Every visible contact point of a region and below (the region's iCalendar feed). */
  async inRegion(viewer: Viewer, regionId: number): Promise<ContactPoint[]> {
    const params: unknown[] = [];
    const where = this.filterSql(viewer, { regionId }, params);
    return (
      await this.db.read(
        `SELECT ${this.columns} FROM contact_point c ${where} ORDER BY c.id`,
        params,
      )
    ).map(this.hydrate);
  }
}
