// DRAFT needs: made from survey answers (the surveys module calls createDraft and
// deleteDrafts inside its submission's transaction), reviewed by the coordinators of the need's
// region, then published (OPEN, with the OPENED event and activity openNeed writes) or
// discarded (deleted). Until then a draft is on no path for anyone else (need-filter.ts,
// need-access.ts, canSeeDraftNeed) and has no need events.
import type { Database, Transaction } from '../../db/database';
import { NeedEventType } from '../../events/need-event.entity';
import { recordNeedEvents } from '../../events/need-event.writer';
import { ConflictError, ForbiddenError, NotFoundError } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import type { Viewer } from '../../graphql/viewer';
import type { ActivityService } from '../activity/activity.service';
import type { AuditService } from '../audit/audit.service';
import { pathIds } from '../shared/region-path';
import { needOpenedActivity } from './need-activity';
import { Need, NeedKind, NeedStatus } from './need.entity';
import { canSeeDraftNeed } from './need.permissions';
import type { NeedService } from './need.service';

export interface DraftNeedData {
  actorId: number;
  kind: NeedKind;
  title: string;
  description: string | null;
  quantity: number;
  startsAt: Date | null;
}

export class NeedDrafts {
  constructor(
    private readonly db: Database,
    private readonly needs: NeedService,
    private readonly audit: AuditService,
    private readonly activity: ActivityService,
  ) {}

  /** A DRAFT need of the actor, in the actor's region and at its place; returns its id. */
  async createDraft(tx: Transaction, d: DraftNeedData): Promise<number> {
    const [row] = await tx.rows<{ id: number }>(
      `INSERT INTO need (actor_id, kind, title, description, region_id, latitude, longitude,
                         quantity, starts_at, status)
       SELECT a.id, $2, $3, $4, a.region_id, a.latitude, a.longitude, $5, $6, 'DRAFT'
         FROM actor a WHERE a.id = $1
       RETURNING id`,
      [d.actorId, d.kind, d.title, d.description, d.quantity, d.startsAt],
    );
    if (!row) throw new NotFoundError('Actor', toGlobalId('Actor', d.actorId));
    return Number(row.id);
  }

  /** Deletes those of `ids` that are still DRAFT (published needs stay); returns the deleted. */
  async deleteDrafts(tx: Transaction, ids: number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = await tx.rows<{ id: number }>(
      `DELETE FROM need WHERE id = ANY($1::int[]) AND status = 'DRAFT' RETURNING id`,
      [ids],
    );
    return rows.map((r) => Number(r.id));
  }

  /** The draft locked for review; NOT_FOUND for anyone who may not see it, CONFLICT once published. */
  private async lockDraft(tx: Transaction, viewer: Viewer, id: number): Promise<Need> {
    const rows = await tx.rows(
      `SELECT ${this.needs.columns}, r.path AS _region_path
         FROM need n JOIN region r ON r.id = n.region_id WHERE n.id = $1 FOR UPDATE OF n`,
      [id],
    );
    const need = rows[0] ? this.needs.hydrate(rows[0]) : null;
    const path = rows[0] ? pathIds(String(rows[0]._region_path)) : [];
    if (!need) throw new NotFoundError('Need', toGlobalId('Need', id));
    if (need.status !== NeedStatus.DRAFT) {
      if (canSeeDraftNeed(viewer, path)) throw new ConflictError('This need is not a DRAFT');
      throw new ForbiddenError('Only coordinators of the region publish or discard needs');
    }
    if (!canSeeDraftNeed(viewer, path)) throw new NotFoundError('Need', toGlobalId('Need', id));
    return need;
  }

  async publish(viewer: Viewer, id: number): Promise<Need> {
    return this.db.transaction(async (tx) => {
      await this.lockDraft(tx, viewer, id);
      const [row] = await tx.rows(
        `UPDATE need SET status = 'OPEN', updated_at = now() WHERE id = $1 AND status = 'DRAFT'
         RETURNING ${this.needs.returning}`,
        [id],
      );
      const need = this.needs.hydrate(row);
      await this.audit.record(tx, viewer, {
        operation: 'publishNeed',
        targetIds: [toGlobalId('Need', id)],
        regionId: need.regionId,
      });
      await this.activity.record(tx, await needOpenedActivity(tx, need));
      await recordNeedEvents(tx, [{ needId: id, type: NeedEventType.OPENED }]);
      return need;
    });
  }

  async discard(viewer: Viewer, id: number): Promise<number> {
    return this.db.transaction(async (tx) => {
      const need = await this.lockDraft(tx, viewer, id);
      await tx.query(`DELETE FROM need WHERE id = $1 AND status = 'DRAFT'`, [id]);
      await this.audit.record(tx, viewer, {
        operation: 'discardNeed',
        targetIds: [toGlobalId('Need', id)],
        regionId: need.regionId,
      });
      return id;
    });
  }
}
