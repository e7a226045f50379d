// Pledges. Never overbooked: the quantity is added by one conditional UPDATE that only succeeds
// while the need is OPEN, not past its deadline or end, and has enough left; the CHECK
// constraint CHK_need_pledged backs it. Every change ends with its need events.
import { Database, Queryable, Transaction } from '../../db/database';
import { makeHydrator } from '../../db/hydrate';
import { NeedEventType } from '../../events/need-event.entity';
import { NeedEventInput, recordNeedEvents } from '../../events/need-event.writer';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
} from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import { Viewer } from '../../graphql/viewer';
import { pathIds } from '../shared/region-path';
import type { ActivityService } from '../activity/activity.service';
import type { AuditService } from '../audit/audit.service';
import { needFilledActivity, pledgeMadeActivity } from './need-activity';
import { Need, NeedStatus } from './need.entity';
import { isEmail, normalizeEmail } from '../shared/email';
import { requiredText, trimmed } from '../shared/text';
import { canSeeVisibility } from '../shared/visibility';
import { canEditNeed, canPledgeFor } from './need.permissions';
import type { NeedService } from './need.service';
import { Pledge, PledgeStatus } from './pledge.entity';
import type { VolunteerOptIn } from './volunteer-opt-in';

export interface PledgeData {
  needId: number;
  actorId: number;
  quantity: number;
  note?: string | null;
}

export interface VolunteerData {
  needId: number;
  name: string;
  email: string;
  quantity: number;
  message?: string | null;
  consent: boolean;
}

const LIVE = [PledgeStatus.PENDING, PledgeStatus.CONFIRMED];

/** The sign-up's address already has a live pledge on the need: roll back, answer as new. */
class AlreadySignedUp extends Error {
  constructor(readonly need: Need) {
    super('already signed up');
  }
}

export class PledgeService {
  readonly hydrate;

  /** Set by the pledge reminders: runs in the transaction of a decline or withdrawal. */
  onEnded?: (tx: Transaction, pledgeId: number) => Promise<void>;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly activity: ActivityService,
    private readonly needs: NeedService,
    private readonly optIn: VolunteerOptIn,
  ) {
    this.hydrate = makeHydrator(db.dataSource, Pledge);
  }

  async byIds(ids: number[]): Promise<Pledge[]> {
    if (ids.length === 0) return [];
    return (await this.db.read('SELECT * FROM pledge WHERE id = ANY($1)', [ids])).map(this.hydrate);
  }

  async byNeedIds(needIds: number[]): Promise<Pledge[]> {
    if (needIds.length === 0) return [];
    const rows = await this.db.read(
      'SELECT * FROM pledge WHERE need_id = ANY($1) ORDER BY created_at, id',
      [needIds],
    );
    return rows.map(this.hydrate);
  }

  async pledge(viewer: Viewer, data: PledgeData): Promise<Pledge> {
    PledgeService.checkQuantity(data.quantity);
    const actors = await this.db.query<{ path: string }>(
      'SELECT r.path FROM actor a JOIN region r ON r.id = a.region_id WHERE a.id = $1',
      [data.actorId],
    );
    if (!actors[0]) throw new NotFoundError('Actor', 'actorId');
    if (!canPledgeFor(viewer, data.actorId, pathIds(actors[0].path))) {
      throw new ForbiddenError('You may not pledge for this actor');
    }
    return this.db.transaction(async (tx) => {
      const { need, filled } = await this.reserve(tx, viewer, data.needId, data.quantity);
      const [row] = await tx.rows(
        `INSERT INTO pledge (need_id, actor_id, quantity, note, status) VALUES ($1, $2, $3, $4, 'PENDING') RETURNING *`,
        [data.needId, data.actorId, data.quantity, trimmed(data.note)],
      );
      const pledge = this.hydrate(row);
      await this.audit.record(tx, viewer, {
        operation: 'pledge',
        targetIds: [toGlobalId('Pledge', pledge.id), toGlobalId('Need', need.id)],
        regionId: need.regionId,
      });
      await this.pledgedActivities(tx, need, filled, data.quantity, data.actorId);
      await recordNeedEvents(tx, PledgeService.pledgedEvents(need.id, filled));
      return pledge;
    });
  }

  /**
   * A private person's pledge from a public page. The pledge holds its quantity at once and is
   * confirmed by the link in the mail (double opt-in). The same e-mail on the same need keeps its
   * one live pledge (UQ_pledge_need_volunteer); a repeat answers exactly like a new sign-up (the
   * same checks, a fresh id, nothing stored) and mails the address's owner instead, so the answer
   * never tells whether an address volunteered.
   */
  async volunteer(viewer: Viewer, data: VolunteerData): Promise<{ pledge: Pledge }> {
    if (data.consent !== true) {
      throw new BadUserInputError('Consent to store your name and e-mail is required', 'consent');
    }
    const name = requiredText(data.name, 'name', 1, 200);
    const email = normalizeEmail(data.email);
    if (!isEmail(email)) {
      throw new BadUserInputError('email must be a valid e-mail address', 'email');
    }
    PledgeService.checkQuantity(data.quantity);
    const [need] = await this.needs.byIds([data.needId]);
    if (!need || !canSeeVisibility(viewer, need.visibility)) {
      throw new NotFoundError('Need', toGlobalId('Need', data.needId));
    }
    // The id first: the links and the mail are written before the need's row is locked, so
    // the lock that serialises sign-ups on one need is held as briefly as before opt-in.
    const [{ id }] = await this.db.query<{ id: number }>(
      `SELECT nextval(pg_get_serial_sequence('pledge', 'id'))::int AS id`,
    );
    try {
      const pledge = await this.db.transaction(async (tx) => {
        await this.optIn.signedUp(tx, { id }, email, need);
        // The same guarded reservation as a new sign-up, so a repeat gets the same errors.
        const { need: locked, filled } = await this.reserve(tx, viewer, data.needId, data.quantity);
        if (await this.liveVolunteerPledge(tx, data.needId, email)) {
          throw new AlreadySignedUp(locked);
        }
        const [row] = await tx.rows(
          `INSERT INTO pledge (id, need_id, volunteer_name, volunteer_email, quantity, note, status)
           VALUES ($1, $2, $3, $4, $5, $6, 'PENDING') RETURNING *`,
          [id, data.needId, name, email, data.quantity, trimmed(data.message)],
        );
        const created = this.hydrate(row);
        await this.audit.record(tx, viewer, {
          operation: 'volunteer',
          targetIds: [toGlobalId('Pledge', created.id), toGlobalId('Need', locked.id)],
          regionId: locked.regionId,
        });
        await this.pledgedActivities(tx, locked, filled, data.quantity, null);
        await recordNeedEvents(tx, PledgeService.pledgedEvents(locked.id, filled));
        return created;
      });
      return { pledge };
    } catch (e) {
      // A concurrent submission with the same e-mail won the race: a repeat as well.
      const repeat =
        e instanceof AlreadySignedUp
          ? e.need
          : (e as { code?: string }).code === '23505'
            ? need
            : null;
      if (!repeat) throw e;
      await this.optIn.signedUpAgain(email, repeat);
      return { pledge: this.lookalike(id, data) };
    }
  }

  /** What a new sign-up answers (an id from the same sequence), for a repeat: nothing stored. */
  private lookalike(id: number, data: VolunteerData): Pledge {
    const now = new Date();
    return Object.assign(new Pledge(), {
      id,
      needId: data.needId,
      actorId: null,
      quantity: data.quantity,
      status: PledgeStatus.PENDING,
      note: null,
      volunteerName: null,
      volunteerEmail: null,
      anonymizedAt: null,
      emailConfirmedAt: null,
      reminderSentFor: null,
      createdAt: now,
      updatedAt: now,
    });
  }

  async confirm(viewer: Viewer, id: number): Promise<Pledge> {
    return this.transition(
      viewer,
      id,
      'confirmPledge',
      [PledgeStatus.PENDING],
      PledgeStatus.CONFIRMED,
    );
  }

  async decline(viewer: Viewer, id: number): Promise<Pledge> {
    return this.transition(viewer, id, 'declinePledge', LIVE, PledgeStatus.DECLINED);
  }

  async withdraw(viewer: Viewer, id: number): Promise<Pledge> {
    return this.transition(viewer, id, 'withdrawPledge', LIVE, PledgeStatus.WITHDRAWN);
  }

  private async liveVolunteerPledge(
    q: Queryable,
    needId: number,
    email: string,
  ): Promise<Pledge | null> {
    const { rows } = await q.query(
      `SELECT * FROM pledge WHERE need_id = $1 AND volunteer_email = $2 AND status IN ('PENDING', 'CONFIRMED')`,
      [needId, email],
    );
    return rows[0] ? this.hydrate(rows[0]) : null;
  }

  private static checkQuantity(q: number): void {
    if (!Number.isInteger(q) || q < 1)
      throw new BadUserInputError('quantity must be at least 1', 'quantity');
  }

  /** PLEDGE_MADE, and NEED_FILLED when this pledge filled the need; in the pledge's transaction. */
  private async pledgedActivities(
    tx: Transaction,
    need: Need,
    filled: boolean,
    quantity: number,
    byActorId: number | null,
  ): Promise<void> {
    const list = [await pledgeMadeActivity(tx, need, quantity, byActorId)];
    if (filled) list.push(await needFilledActivity(tx, need));
    await this.activity.recordMany(tx, list);
  }

  private static pledgedEvents(needId: number, filled: boolean): NeedEventInput[] {
    const events: NeedEventInput[] = [{ needId, type: NeedEventType.PLEDGED }];
    if (filled) events.push({ needId, type: NeedEventType.FILLED });
    return events;
  }

  /** The guarded increment; explains a refusal as NOT_FOUND or CONFLICT (with `remaining`). */
  private async reserve(
    tx: Transaction,
    viewer: Viewer,
    needId: number,
    quantity: number,
  ): Promise<{ need: Need; filled: boolean }> {
    const [visible] = await tx.rows<{ visibility: Need['visibility']; status: string }>(
      'SELECT visibility, status FROM need WHERE id = $1',
      [needId],
    );
    // A DRAFT takes no pledge from anyone: it does not exist outside its coordinators' review.
    if (!visible || !canSeeVisibility(viewer, visible.visibility) || visible.status === 'DRAFT')
      throw new NotFoundError('Need', toGlobalId('Need', needId));
    const rows = await tx.rows(
      `UPDATE need
          SET pledged_quantity = pledged_quantity + $2,
              status = CASE WHEN pledged_quantity + $2 = quantity THEN 'FILLED'::need_status ELSE status END,
              updated_at = now()
        WHERE id = $1 AND status = 'OPEN' AND quantity - pledged_quantity >= $2
          AND (deadline IS NULL OR deadline > now()) AND (ends_at IS NULL OR ends_at > now())
        RETURNING *`,
      [needId, quantity],
    );
    if (rows[0]) {
      const need = this.needs.hydrate(rows[0]);
      return { need, filled: need.status === NeedStatus.FILLED };
    }
    const [current] = await tx.rows('SELECT * FROM need WHERE id = $1', [needId]);
    const need = this.needs.hydrate(current);
    const remaining = need.quantity - need.pledgedQuantity;
    if (need.status === NeedStatus.CLOSED || need.status === NeedStatus.EXPIRED) {
      throw new ConflictError(
        `This need is ${need.status.toLowerCase()} and takes no more pledges`,
        {
          status: need.status,
          remaining: 0,
        },
      );
    }
    if (need.status === NeedStatus.OPEN && remaining >= quantity) {
      throw new ConflictError('This need has passed its deadline and takes no more pledges', {
        status: need.status,
        remaining: 0,
      });
    }
    throw new ConflictError(`Only ${remaining} remain to be pledged`, {
      status: need.status,
      remaining,
    });
  }

  /** Moves a live pledge on; leaving PENDING/CONFIRMED gives its quantity back (FILLED -> OPEN). */
  private async transition(
    viewer: Viewer,
    id: number,
    operation: string,
    from: PledgeStatus[],
    to: PledgeStatus,
  ): Promise<Pledge> {
    return this.db.transaction(async (tx) => {
      const [current] = await tx.rows('SELECT * FROM pledge WHERE id = $1', [id]);
      if (!current) throw new NotFoundError('Pledge', toGlobalId('Pledge', id));
      const before = this.hydrate(current);
      // Lock the need first, then the pledge: the same order as pledging.
      const { need, regionPathIds } = await this.needs.lock(tx, viewer, before.needId);
      const editor = canEditNeed(viewer, { actorId: need.actorId, regionPathIds });
      const ownActor =
        before.actorId != null &&
        (viewer.role === 'MEMBER' || viewer.role === 'COORDINATOR') &&
        viewer.actorIds.includes(before.actorId);
      // Editors of the need confirm and decline; the pledging actor (or an editor) withdraws.
      const allowed = to === PledgeStatus.WITHDRAWN ? editor || ownActor : editor;
      if (!allowed) throw new ForbiddenError('You may not change this pledge');
      const [row] = await tx.rows(
        `UPDATE pledge SET status = $2, updated_at = now() WHERE id = $1 AND status = ANY($3::pledge_status[]) RETURNING *`,
        [id, to, from],
      );
      if (!row) {
        throw new ConflictError(
          `This pledge is ${before.status.toLowerCase()} and cannot become ${to.toLowerCase()}`,
          {
            status: before.status,
          },
        );
      }
      const pledge = this.hydrate(row);
      const events: NeedEventInput[] = [];
      if (to === PledgeStatus.CONFIRMED) {
        events.push({ needId: need.id, type: NeedEventType.UPDATED });
      } else {
        const [n] = await tx.rows<{ status: NeedStatus }>(
          `UPDATE need SET pledged_quantity = pledged_quantity - $2,
                  status = CASE WHEN status = 'FILLED' THEN 'OPEN'::need_status ELSE status END,
                  updated_at = now()
            WHERE id = $1 RETURNING status`,
          [need.id, pledge.quantity],
        );
        events.push({ needId: need.id, type: NeedEventType.PLEDGE_WITHDRAWN });
        if (need.status === NeedStatus.FILLED && n.status === NeedStatus.OPEN) {
          events.push({ needId: need.id, type: NeedEventType.REOPENED });
        }
        await this.onEnded?.(tx, id);
      }
      await this.audit.record(tx, viewer, {
        operation,
        targetIds: [toGlobalId('Pledge', id), toGlobalId('Need', need.id)],
        regionId: need.regionId,
      });
      await recordNeedEvents(tx, events);
      return pledge;
    });
  }
}
