import type { Queryable } from '../../db/database';
import type { Viewer } from '../../graphql/viewer';

export interface AuditRecord {
  operation: string;
  /** Global ids of the touched records; never names, e-mails or other personal values. */
  targetIds: string[];
  regionId?: number | null;
}

export class AuditService {
  /** Writes one audit row inside the caller's transaction (so it commits with the change). */
  async record(q: Queryable, viewer: Viewer, entry: AuditRecord): Promise<void> {
    await q.query(
      `INSERT INTO audit_entry (subject, role, operation, target_ids, region_id) VALUES ($1, $2, $3, $4, $5)`,
      [viewer.sub ?? (viewer.role === 'PUBLIC' ? 'anonymous' : 'unknown'), viewer.role, entry.operation, entry.targetIds, entry.regionId ?? null],
    );
  }
}
