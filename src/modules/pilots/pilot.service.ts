// Pilot profiles: created and changed by ADMINs and the coordinators of every region a pilot
// serves, listed for everyone (active ones), linked to the PILOT account that signs in as them.
import { Database, Queryable } from '../../db/database';
import { columnList, makeHydrator, selectList } from '../../db/hydrate';
import { BadUserInputError, NotFoundError } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import { Viewer } from '../../graphql/viewer';
import type { AuditService } from '../audit/audit.service';
import { pathIds } from '../shared/region-path';
import { boundedText, requiredText } from '../shared/text';
import { Changes, UpdateBuilder } from '../shared/update-builder';
import { ExpertiseArea } from './expertise-area';
import { Pilot } from './pilot.entity';
import { assertCanManagePilot } from './pilot.permissions';
import { enumArray } from '../shared/enum-array';

export interface PilotData {
  displayName?: string | null;
  areas?: ExpertiseArea[] | null;
  regionIds?: number[] | null;
  bio?: string | null;
  monthlyCapacity?: number | null;
  active?: boolean | null;
}

export interface CreatePilotData extends PilotData {
  displayName: string;
  areas: ExpertiseArea[];
  regionIds: number[];
  accountId?: number | null;
}

const AREAS = new Set(Object.values(ExpertiseArea));

function checkAreas(areas: ExpertiseArea[]): ExpertiseArea[] {
  const unique = [...new Set(areas)];
  if (unique.length === 0) throw new BadUserInputError('areas must name at least one', 'areas');
  if (unique.length > 10 || unique.some((a) => !AREAS.has(a))) {
    throw new BadUserInputError('areas must be at most 10 known areas', 'areas');
  }
  return unique;
}

function checkCapacity(n: number): number {
  if (!Number.isInteger(n) || n < 0 || n > 100) {
    throw new BadUserInputError(
      'monthlyCapacity must be a whole number from 0 to 100',
      'monthlyCapacity',
    );
  }
  return n;
}

function checkRegionIds(ids: number[]): number[] {
  const unique = [...new Set(ids)];
  if (unique.length === 0 || unique.length > 20) {
    throw new BadUserInputError('regionIds must name 1 to 20 regions', 'regionIds');
  }
  return unique;
}

export class PilotService {
  readonly hydrate: (row: Record<string, unknown>) => Pilot;
  private readonly columns: string;
  private readonly returning: string;
  private readonly updater: UpdateBuilder<Pilot>;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {
    const hydrate = makeHydrator(db.dataSource, Pilot);
    this.hydrate = (row) => {
      const p = hydrate(row);
      p.areas = enumArray<ExpertiseArea>(p.areas);
      return p;
    };
    this.columns = selectList(db.dataSource, Pilot, 'p');
    this.returning = columnList(db.dataSource, Pilot);
    this.updater = new UpdateBuilder(db.dataSource, Pilot);
  }

  async byIds(ids: number[]): Promise<Pilot[]> {
    if (ids.length === 0) return [];
    return (
      await this.db.read(`SELECT ${this.columns} FROM pilot p WHERE p.id = ANY($1::int[])`, [ids])
    ).map(this.hydrate);
  }

  /** The pilots of these accounts (Account.pilot), by account id. */
  async byAccountIds(accountIds: number[]): Promise<Array<{ accountId: number; pilot: Pilot }>> {
    if (accountIds.length === 0) return [];
    const rows = await this.db.read(
      `SELECT a.id AS _account_id, ${this.columns} FROM account a JOIN pilot p ON p.id = a.pilot_id
        WHERE a.id = ANY($1::int[])`,
      [accountIds],
    );
    return rows.map((r) => ({ accountId: Number(r._account_id), pilot: this.hydrate(r) }));
  }

  /**
   * Active pilots by name; with a region, those whose served regions overlap it (serve it, or
   * serve a part of it); with areas, those with at least one of them.
   */
  async list(areas: ExpertiseArea[] | undefined, regionId: number | undefined): Promise<Pilot[]> {
    const params: unknown[] = [];
    const where = ['p.active'];
    if (areas?.length) {
      params.push(areas);
      where.push(`p.areas && $${params.length}::expertise_area[]`);
    }
    if (regionId != null) {
      params.push(regionId);
      where.push(`EXISTS (SELECT 1 FROM region pr, region q
         WHERE pr.id = ANY(p.region_ids) AND q.id = $${params.length}
           AND (q.path LIKE pr.path || '%' OR pr.path LIKE q.path || '%'))`);
    }
    return (
      await this.db.read(
        `SELECT ${this.columns} FROM pilot p WHERE ${where.join(' AND ')}
          ORDER BY p.display_name COLLATE hub_german, p.id LIMIT 500`,
        params,
      )
    ).map(this.hydrate);
  }

  /** The paths of regions by id (ancestor ids, the region last); NOT_FOUND for a missing one. */
  async regionPaths(q: Queryable, ids: number[], field = 'regionIds'): Promise<number[][]> {
    if (ids.length === 0) return [];
    const { rows } = await q.query<{ id: number; path: string }>(
      'SELECT id, path FROM region WHERE id = ANY($1::int[])',
      [ids],
    );
    const byId = new Map(rows.map((r) => [Number(r.id), pathIds(String(r.path))]));
    return ids.map((id) => {
      const path = byId.get(id);
      if (!path) throw new NotFoundError('Region', field);
      return path;
    });
  }

  async create(viewer: Viewer, data: CreatePilotData): Promise<Pilot> {
    const displayName = requiredText(data.displayName, 'displayName', 1, 200);
    const areas = checkAreas(data.areas);
    const regionIds = checkRegionIds(data.regionIds);
    const bio = boundedText(data.bio, 'bio', 0, 2000);
    const capacity = checkCapacity(data.monthlyCapacity ?? 2);
    return this.db.transaction(async (tx) => {
      assertCanManagePilot(viewer, await this.regionPaths(tx, regionIds));
      const [row] = await tx.rows(
        `INSERT INTO pilot (display_name, areas, region_ids, bio, monthly_capacity)
         VALUES ($1, $2::expertise_area[], $3::int[], $4, $5) RETURNING ${this.returning}`,
        [displayName, areas, regionIds, bio, capacity],
      );
      const pilot = this.hydrate(row);
      if (data.accountId != null) await this.link(tx, data.accountId, pilot.id);
      await this.audit.record(tx, viewer, {
        operation: 'createPilot',
        targetIds: [
          toGlobalId('Pilot', pilot.id),
          ...(data.accountId != null ? [toGlobalId('Account', data.accountId)] : []),
        ],
        regionId: regionIds[0],
      });
      return pilot;
    });
  }

  /**
   * Links a PILOT account that signs in as no other pilot yet; one conditional UPDATE, so two
   * pilots created at once for one account cannot both take it. The account's next session
   * carries the claim pilotId.
   */
  private async link(tx: Queryable, accountId: number, pilotId: number): Promise<void> {
    const { rows } = await tx.query(
      `UPDATE account SET pilot_id = $2
        WHERE id = $1 AND role = 'PILOT' AND pilot_id IS NULL AND NOT disabled RETURNING id`,
      [accountId, pilotId],
    );
    if (rows.length === 0) {
      throw new BadUserInputError(
        'accountId must name an active PILOT account that is not linked to a pilot yet',
        'accountId',
      );
    }
  }

  async update(viewer: Viewer, id: number, data: PilotData): Promise<Pilot> {
    const changes: Changes<Pilot> = {};
    if (data.displayName != null) {
      changes.displayName = requiredText(data.displayName, 'displayName', 1, 200);
    }
    if (data.areas != null) changes.areas = checkAreas(data.areas);
    if (data.regionIds != null) changes.regionIds = checkRegionIds(data.regionIds);
    if (data.bio !== undefined) changes.bio = boundedText(data.bio, 'bio', 0, 2000);
    if (data.monthlyCapacity != null) changes.monthlyCapacity = checkCapacity(data.monthlyCapacity);
    if (data.active != null) changes.active = data.active;
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query(
        `SELECT ${this.columns} FROM pilot p WHERE p.id = $1 FOR UPDATE`,
        [id],
      );
      if (!rows[0]) throw new NotFoundError('Pilot', toGlobalId('Pilot', id));
      const pilot = this.hydrate(rows[0]);
      // Both the regions served now and those it is to serve must be the caller's.
      const regions = [...new Set([...pilot.regionIds, ...(changes.regionIds ?? [])])];
      assertCanManagePilot(viewer, await this.regionPaths(tx, regions));
      const updated = Object.keys(changes).length
        ? this.hydrate(await this.updater.update(tx, id, changes))
        : pilot;
      await this.audit.record(tx, viewer, {
        operation: 'updatePilot',
        targetIds: [toGlobalId('Pilot', id)],
        regionId: updated.regionIds[0],
      });
      return updated;
    });
  }
}
