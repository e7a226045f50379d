import { Database } from '../../db/database';
import { columnList, makeHydrator } from '../../db/hydrate';
import { BadUserInputError, NotFoundError } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import { Viewer } from '../../graphql/viewer';
import { AuditService } from '../audit/audit.service';
import { requiredText } from '../shared/text';
import { REGION_LEVEL_RANK, Region, RegionLevel } from './region.entity';
import { assertCanCreateRegion } from './region.permissions';

export interface CreateRegionData {
  name: string;
  level: RegionLevel;
  parentId?: number;
  officialKey?: string | null;
}

/**
 * Regions by name as German readers expect (Ä with A, not after Z): the collation hub_german
 * (migration GermanCollation: ICU German where the server has it), then id for equal names.
 */
const BY_NAME = 'name COLLATE hub_german, id';

export class RegionService {
  private readonly hydrate;
  private readonly columns: string;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {
    this.hydrate = makeHydrator(db.dataSource, Region);
    this.columns = columnList(db.dataSource, Region);
  }

  async byIds(ids: number[]): Promise<Region[]> {
    const rows = await this.db.read(`SELECT ${this.columns} FROM region WHERE id = ANY($1)`, [ids]);
    return rows.map(this.hydrate);
  }

  async childrenOf(parentIds: number[]): Promise<Region[]> {
    const rows = await this.db.read(
      `SELECT ${this.columns} FROM region WHERE parent_id = ANY($1) ORDER BY ${BY_NAME}`,
      [parentIds],
    );
    return rows.map(this.hydrate);
  }

  async list(filter: { level?: RegionLevel; parentId?: number }): Promise<Region[]> {
    const rows = await this.db.read(
      `SELECT ${this.columns} FROM region
        WHERE ($1::region_level IS NULL OR level = $1) AND ($2::int IS NULL OR parent_id = $2)
        ORDER BY ${BY_NAME}`,
      [filter.level ?? null, filter.parentId ?? null],
    );
    return rows.map(this.hydrate);
  }

  async create(viewer: Viewer, data: CreateRegionData): Promise<Region> {
    assertCanCreateRegion(viewer);
    const name = requiredText(data.name, 'name', 2, 200);
    let parentPath = '/';
    if (data.parentId !== undefined) {
      const [parent] = await this.byIds([data.parentId]);
      if (!parent) throw new NotFoundError('Region', 'parentId');
      if (REGION_LEVEL_RANK[parent.level] >= REGION_LEVEL_RANK[data.level]) {
        throw new BadUserInputError(
          `A ${data.level} cannot be placed below a ${parent.level}: the parent must be of a higher level`,
          'parentId',
        );
      }
      parentPath = parent.path;
    } else if (data.level !== RegionLevel.STATE) {
      throw new BadUserInputError(`A ${data.level} needs a parent region`, 'parentId');
    }
    return this.db.transaction(async (tx) => {
      const [row] = await tx.rows(
        `WITH nid AS (SELECT nextval(pg_get_serial_sequence('region', 'id')) AS id)
       INSERT INTO region (id, name, level, official_key, parent_id, path)
       SELECT nid.id, $1, $2, $3, $4, $5 || nid.id || '/' FROM nid
       RETURNING ${this.columns}`,
        [name, data.level, data.officialKey ?? null, data.parentId ?? null, parentPath],
      );
      const region = this.hydrate(row);
      await this.audit.record(tx, viewer, {
        operation: 'createRegion',
        targetIds: [toGlobalId('Region', region.id)],
        regionId: region.id,
      });
      return region;
    });
  }
}
