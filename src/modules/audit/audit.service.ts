import type { Database, Queryable } from '../../db/database';
import { makeHydrator } from '../../db/hydrate';
import { ForbiddenError } from '../../graphql/errors';
import { Connection, ConnectionArgs, paginate } from '../../graphql/pagination';
import { Role, Viewer } from '../../graphql/viewer';
import { coordinatesRegion } from '../actors/actor.permissions';
import { inRegionSql, pathIds } from '../shared/region-path';
import { AuditEntry } from './audit-entry.entity';
import { assertCanReadAuditLog } from './audit.permissions';

export interface AuditRecord {
  operation: string;
  /** Global ids of the touched records; never names, e-mails or other personal values. */
  targetIds: string[];
  regionId?: number | null;
}

export class AuditService {
  private readonly hydrate;

  constructor(private readonly db: Database) {
    this.hydrate = makeHydrator(db.dataSource, AuditEntry);
  }

  /**
   * Newest first. A coordinator sees entries of the regions they coordinate (and below); asking
   * for another region is FORBIDDEN rather than an empty page, so a mistake is visible.
   */
  async list(
    viewer: Viewer,
    args: ConnectionArgs & { regionId?: number },
  ): Promise<Connection<AuditEntry>> {
    assertCanReadAuditLog(viewer);
    const params: unknown[] = [];
    const where: string[] = [];
    if (args.regionId !== undefined) {
      params.push(args.regionId);
      where.push(inRegionSql('e.region_id', params.length));
    }
    if (viewer.role === Role.COORDINATOR) {
      if (viewer.regionIds.length === 0)
        throw new ForbiddenError('No regions to read the audit log of');
      if (args.regionId !== undefined) {
        const [region] = await this.db.read<{ path: string }>(
          'SELECT path FROM region WHERE id = $1',
          [args.regionId],
        );
        if (!region || !coordinatesRegion(viewer, pathIds(region.path)))
          throw new ForbiddenError('You coordinate no region of this part of the audit log');
      }
      const ors = viewer.regionIds.map((id) => {
        params.push(id);
        return inRegionSql('e.region_id', params.length);
      });
      where.push(`(${ors.join(' OR ')})`);
    }
    return paginate(
      this.db,
      {
        sql: `SELECT e.*, e.id AS _k0 FROM audit_entry e ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
        params,
        directions: ['DESC'],
        hydrate: this.hydrate,
      },
      args,
    );
  }

  /** Writes one audit row inside the caller's transaction (so it commits with the change). */
  async record(q: Queryable, viewer: Viewer, entry: AuditRecord): Promise<void> {
    await q.query(
      `INSERT INTO audit_entry (subject, role, operation, target_ids, region_id) VALUES ($1, $2, $3, $4, $5)`,
      [
        viewer.sub ?? (viewer.role === 'PUBLIC' ? 'anonymous' : 'unknown'),
        viewer.role,
        entry.operation,
        entry.targetIds,
        entry.regionId ?? null,
      ],
    );
  }
}
