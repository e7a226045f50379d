// Volunteers' personal data has an end: erased on request (the right to erasure), and
// anonymised by the sweep once the need ended long enough ago. Quantities stay, so the
// figures of a need and of the network do not change.
import type { Database, Queryable } from '../../db/database';
import { BadUserInputError, ForbiddenError } from '../../graphql/errors';
import { Role, Viewer } from '../../graphql/viewer';
import type { AuditService } from '../audit/audit.service';
import { isEmail, normalizeEmail } from '../shared/email';
import { inRegionSql } from '../shared/region-path';

const ANONYMISE = `volunteer_name = NULL, volunteer_email = NULL, note = NULL, anonymized_at = now(), updated_at = now()`;

export class VolunteerDataService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly retentionDays: number,
  ) {}

  /**
   * Anonymises every pledge with this e-mail: all of them for an ADMIN, those on needs in the
   * coordinator's regions for a COORDINATOR. Returns how many pledges were anonymised.
   */
  async erase(viewer: Viewer, email: string): Promise<number> {
    if (viewer.role !== Role.ADMIN && viewer.role !== Role.COORDINATOR) {
      throw new ForbiddenError('Only coordinators and administrators erase volunteer data');
    }
    const normalized = normalizeEmail(email);
    if (!isEmail(normalized)) {
      throw new BadUserInputError('email is not a valid e-mail address', 'email');
    }
    const params: unknown[] = [normalized];
    let scope = '';
    if (viewer.role === Role.COORDINATOR) {
      if (viewer.regionIds.length === 0) return 0;
      const ors = viewer.regionIds.map((id) => {
        params.push(id);
        return inRegionSql('n.region_id', params.length);
      });
      scope = `AND p.need_id IN (SELECT n.id FROM need n WHERE ${ors.join(' OR ')})`;
    }
    return this.db.transaction(async (tx) => {
      const rows = await tx.rows<{ id: number }>(
        `UPDATE pledge p SET ${ANONYMISE} WHERE p.volunteer_email = $1 ${scope} RETURNING p.id`,
        params,
      );
      // The audit names the operation and how many, never the e-mail.
      await this.audit.record(tx, viewer, {
        operation: `eraseVolunteer(${rows.length})`,
        targetIds: [],
      });
      return rows.length;
    });
  }

  /** Sweep step: contact data of needs that ended more than the retention window ago. */
  async anonymiseExpired(q: Queryable): Promise<number> {
    const r = await q.query(
      `UPDATE pledge p SET ${ANONYMISE}
        FROM need n
       WHERE n.id = p.need_id
         AND p.anonymized_at IS NULL
         AND (p.volunteer_email IS NOT NULL OR p.volunteer_name IS NOT NULL)
         AND coalesce(n.ended_at, n.ends_at, n.deadline) < now() - make_interval(days => $1)`,
      [this.retentionDays],
    );
    return r.rowCount ?? 0;
  }
}
