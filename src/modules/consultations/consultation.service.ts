// Consultations: asking, the thread, closing and withdrawing, the lists as each party may see
// them, and the one reminder of an overdue consultation. Assignment and capacity are in
// consultation-assignment.ts. The subject, question and messages are never logged, audited,
// put in an activity summary or a mail: activities name the area and the region, mails carry
// a link to the dashboard.
import { Database, Queryable, Transaction } from '../../db/database';
import { columnList, makeHydrator, selectList } from '../../db/hydrate';
import { BadUserInputError, ConflictError, NotFoundError } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import { Connection, ConnectionArgs, paginate } from '../../graphql/pagination';
import { Viewer } from '../../graphql/viewer';
import { ActivityType } from '../activity/activity-type';
import type { ActivityService } from '../activity/activity.service';
import type { AuditService } from '../audit/audit.service';
import type { LinkService } from '../links/link.service';
import type { MailService } from '../mail/mail.service';
import { RenderedMail } from '../mail/render';
import { AREA_NAMES, ExpertiseArea } from '../pilots/expertise-area';
import { isPilot } from '../pilots/pilot.permissions';
import { pathIds } from '../shared/region-path';
import { requiredText } from '../shared/text';
import { Visibility } from '../shared/visibility';
import {
  Consultation,
  ConsultationMessage,
  ConsultationStatus,
  MessageAuthorKind,
} from './consultation.entity';
import { newMessageMail, overdueMail } from './consultation.mails';
import {
  actsForActor,
  assertCanAsk,
  assertCanClose,
  assertCanWithdraw,
  canSeeConsultation,
  ConsultationAccessTarget,
  consultationVisibleSql,
} from './consultation.permissions';

export const DUE_DAYS = 14;
export const REMIND_TASK = 'consultations.remind';
export const remindJobKey = (id: number) => `consultation-remind:${id}`;

export interface ConsultationFilterData {
  regionId?: number;
  status?: ConsultationStatus[];
  areas?: ExpertiseArea[];
  pilotId?: number;
  overdue?: boolean;
}

export interface AskData {
  actorId: number;
  area: ExpertiseArea;
  subject: string;
  question: string;
}

/** A locked consultation with what the permission predicates need. */
export interface LockedConsultation {
  c: Consultation;
  target: ConsultationAccessTarget;
}

const LIVE = [ConsultationStatus.OPEN, ConsultationStatus.ASSIGNED, ConsultationStatus.ANSWERED];

export class ConsultationService {
  readonly hydrate;
  readonly hydrateMessage;
  readonly columns: string;
  readonly returning: string;

  constructor(
    readonly db: Database,
    readonly audit: AuditService,
    readonly activity: ActivityService,
    readonly mail: MailService,
    readonly links: LinkService,
    readonly queue: import('../../queue/job-queue').JobQueue,
  ) {
    this.hydrate = makeHydrator(db.dataSource, Consultation);
    this.hydrateMessage = makeHydrator(db.dataSource, ConsultationMessage);
    this.columns = selectList(db.dataSource, Consultation, 'c');
    this.returning = columnList(db.dataSource, Consultation);
  }

  /** Raw rows: callers apply canSeeConsultation. */
  async byIds(ids: number[]): Promise<Consultation[]> {
    if (ids.length === 0) return [];
    return (
      await this.db.read(`SELECT ${this.columns} FROM consultation c WHERE c.id = ANY($1::int[])`, [
        ids,
      ])
    ).map(this.hydrate);
  }

  async messagesOf(ids: number[]): Promise<ConsultationMessage[]> {
    if (ids.length === 0) return [];
    return (
      await this.db.read(
        `SELECT * FROM consultation_message WHERE consultation_id = ANY($1::int[]) ORDER BY created_at, id`,
        [ids],
      )
    ).map(this.hydrateMessage);
  }

  /** Consultations assigned and not closed, per pilot (Pilot.openConsultationCount). */
  async openCounts(pilotIds: number[]): Promise<Map<number, number>> {
    const rows = await this.db.read<{ pilot_id: number; n: number }>(
      `SELECT pilot_id, count(*)::int AS n FROM consultation
        WHERE pilot_id = ANY($1::int[]) AND status IN ('ASSIGNED', 'ANSWERED') GROUP BY pilot_id`,
      [pilotIds],
    );
    return new Map(rows.map((r) => [Number(r.pilot_id), Number(r.n)]));
  }

  /** Newest first, only what the viewer may see; overdue: past dueAt and not yet answered. */
  list(
    viewer: Viewer,
    filter: ConsultationFilterData,
    args: ConnectionArgs,
  ): Promise<Connection<Consultation>> {
    const params: unknown[] = [];
    const where = [consultationVisibleSql(viewer, 'c', params)];
    if (filter.regionId != null) {
      params.push(filter.regionId);
      where.push(`c.region_id IN (SELECT sub.id FROM region sub
        WHERE sub.path LIKE (SELECT r.path FROM region r WHERE r.id = $${params.length}) || '%')`);
    }
    if (filter.status?.length) {
      params.push(filter.status);
      where.push(`c.status = ANY($${params.length}::consultation_status[])`);
    }
    if (filter.areas?.length) {
      params.push(filter.areas);
      where.push(`c.area = ANY($${params.length}::expertise_area[])`);
    }
    if (filter.pilotId != null) {
      params.push(filter.pilotId);
      where.push(`c.pilot_id = $${params.length}`);
    }
    if (filter.overdue != null) {
      where.push(
        `${filter.overdue ? '' : 'NOT '}(c.status IN ('OPEN', 'ASSIGNED') AND c.due_at < now())`,
      );
    }
    return paginate(
      this.db,
      {
        sql: `SELECT ${this.columns}, c.id AS _k0 FROM consultation c
               WHERE ${where.join(' AND ')}`,
        params,
        // Ids grow with time: newest first is id order, one key.
        directions: ['DESC'],
        hydrate: this.hydrate,
      },
      args,
    );
  }

  /** The consultation locked for a change; NOT_FOUND for anyone who may not see it. */
  async lock(q: Queryable, viewer: Viewer, id: number): Promise<LockedConsultation> {
    const { rows } = await q.query(
      `SELECT ${this.columns}, r.path AS _region_path FROM consultation c
         JOIN region r ON r.id = c.region_id WHERE c.id = $1 FOR UPDATE OF c`,
      [id],
    );
    const c = rows[0] ? this.hydrate(rows[0]) : null;
    const target = c && {
      actorId: c.actorId,
      pilotId: c.pilotId,
      regionPathIds: pathIds(String(rows[0]._region_path)),
    };
    if (!c || !target || !canSeeConsultation(viewer, target)) {
      throw new NotFoundError('Consultation', toGlobalId('Consultation', id));
    }
    return { c, target };
  }

  async ask(viewer: Viewer, data: AskData): Promise<Consultation> {
    const subject = requiredText(data.subject, 'subject', 1, 200);
    const question = requiredText(data.question, 'question', 1, 10000);
    if (!AREA_NAMES[data.area]) throw new BadUserInputError('area is not known', 'area');
    assertCanAsk(viewer, data.actorId);
    return this.db.transaction(async (tx) => {
      const { rows: actors } = await tx.query<{ region_id: number; region_name: string }>(
        `SELECT a.region_id, r.name AS region_name FROM actor a JOIN region r ON r.id = a.region_id
          WHERE a.id = $1`,
        [data.actorId],
      );
      if (!actors[0]) throw new NotFoundError('Actor', 'actorId');
      const regionId = Number(actors[0].region_id);
      const [row] = await tx.rows(
        `INSERT INTO consultation (actor_id, region_id, area, subject, question, due_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6)) RETURNING ${this.returning}`,
        [data.actorId, regionId, data.area, subject, question, DUE_DAYS],
      );
      const c = this.hydrate(row);
      await this.activity.record(tx, {
        type: ActivityType.CONSULTATION_ASKED,
        regionId,
        subject: { type: 'Consultation', id: c.id },
        // A ceiling only: who sees it is decided by the Consultation node rule at read time.
        visibility: Visibility.NETWORK,
        actorIds: [data.actorId],
        summary: `Neue Frage an die Lotsen: ${AREA_NAMES[c.area]} (${actors[0].region_name})`,
        data: { area: c.area },
      });
      await this.audit.record(tx, viewer, {
        operation: 'askPilots',
        targetIds: [toGlobalId('Consultation', c.id)],
        regionId,
      });
      return c;
    });
  }

  /** The workspace's page of a consultation (/app#/lotsen/<id>); the link a mail carries. */
  url(id: number): string {
    return this.links.absoluteUrl(`/app#/lotsen/${toGlobalId('Consultation', id)}`);
  }

  async pilotEmails(q: Queryable, pilotId: number | null): Promise<string[]> {
    if (pilotId == null) return [];
    const { rows } = await q.query<{ email: string }>(
      `SELECT email FROM account WHERE pilot_id = $1 AND role = 'PILOT' AND NOT disabled`,
      [pilotId],
    );
    return rows.map((r) => r.email);
  }

  private async memberEmails(q: Queryable, actorId: number): Promise<string[]> {
    const { rows } = await q.query<{ email: string }>(
      `SELECT email FROM account WHERE $1 = ANY(actor_ids) AND role IN ('MEMBER', 'COORDINATOR')
          AND NOT disabled`,
      [actorId],
    );
    return rows.map((r) => r.email);
  }

  async mailTo(q: Queryable, to: string[], kind: string, m: RenderedMail): Promise<void> {
    for (const address of new Set(to)) await this.mail.enqueue(q, { to: address, kind, ...m });
  }

  /**
   * A message in the thread by one of the three parties. The pilot's first reply answers it
   * (ANSWERED, CONSULTATION_ANSWERED). The other side gets a mail with a link only: the pilot
   * for the actor's members, the actor's members for the pilot, both for the coordination.
   */
  async reply(viewer: Viewer, id: number, body: string): Promise<Consultation> {
    const text = requiredText(body, 'body', 1, 10000);
    return this.db.transaction(async (tx) => {
      const { c } = await this.lock(tx, viewer, id);
      if (!LIVE.includes(c.status)) {
        throw new ConflictError(`The consultation is ${c.status.toLowerCase()}; no more replies`);
      }
      const kind = isPilot(viewer, c.pilotId)
        ? MessageAuthorKind.PILOT
        : actsForActor(viewer, c.actorId)
          ? MessageAuthorKind.ACTOR
          : MessageAuthorKind.COORDINATION;
      const author = await this.authorName(tx, kind, c);
      await tx.query(
        `INSERT INTO consultation_message (consultation_id, author_kind, author, body) VALUES ($1, $2, $3, $4)`,
        [c.id, kind, author, text],
      );
      let updated = c;
      if (kind === MessageAuthorKind.PILOT && c.status === ConsultationStatus.ASSIGNED) {
        const [row] = await tx.rows(
          `UPDATE consultation SET status = 'ANSWERED', answered_at = now(), updated_at = now()
            WHERE id = $1 RETURNING ${this.returning}`,
          [c.id],
        );
        updated = this.hydrate(row);
        await this.queue.removeJob(tx, remindJobKey(c.id));
        await this.recordAnswered(tx, updated);
      } else {
        const [row] = await tx.rows(
          `UPDATE consultation SET updated_at = now() WHERE id = $1 RETURNING ${this.returning}`,
          [c.id],
        );
        updated = this.hydrate(row);
      }
      const to = [
        ...(kind !== MessageAuthorKind.PILOT ? await this.pilotEmails(tx, c.pilotId) : []),
        ...(kind !== MessageAuthorKind.ACTOR ? await this.memberEmails(tx, c.actorId) : []),
      ];
      await this.mailTo(
        tx,
        to,
        'consultation-message',
        newMessageMail({ area: c.area, url: this.url(c.id) }),
      );
      await this.audit.record(tx, viewer, {
        operation: 'replyToConsultation',
        targetIds: [toGlobalId('Consultation', c.id)],
        regionId: c.regionId,
      });
      return updated;
    });
  }

  private async authorName(
    q: Queryable,
    kind: MessageAuthorKind,
    c: Consultation,
  ): Promise<string> {
    if (kind === MessageAuthorKind.COORDINATION) return 'Koordination';
    const { rows } =
      kind === MessageAuthorKind.PILOT
        ? await q.query<{ name: string }>('SELECT display_name AS name FROM pilot WHERE id = $1', [
            c.pilotId,
          ])
        : await q.query<{ name: string }>('SELECT name FROM actor WHERE id = $1', [c.actorId]);
    return (
      rows[0]?.name ?? (kind === MessageAuthorKind.PILOT ? 'Lotse' : 'Anfragende Organisation')
    );
  }

  private async recordAnswered(tx: Transaction, c: Consultation): Promise<void> {
    const { rows } = await tx.query<{ name: string }>('SELECT name FROM region WHERE id = $1', [
      c.regionId,
    ]);
    await this.activity.record(tx, {
      type: ActivityType.CONSULTATION_ANSWERED,
      regionId: c.regionId,
      subject: { type: 'Consultation', id: c.id },
      visibility: Visibility.NETWORK,
      actorIds: [c.actorId],
      summary: `Die Lotsen haben geantwortet: ${AREA_NAMES[c.area]} (${rows[0]?.name ?? 'Region'})`,
      data: { area: c.area },
    });
  }

  private async end(
    viewer: Viewer,
    id: number,
    status: ConsultationStatus.CLOSED | ConsultationStatus.WITHDRAWN,
  ): Promise<Consultation> {
    return this.db.transaction(async (tx) => {
      const { c, target } = await this.lock(tx, viewer, id);
      if (status === ConsultationStatus.CLOSED) assertCanClose(viewer, target);
      else assertCanWithdraw(viewer, target);
      const allowed =
        status === ConsultationStatus.CLOSED
          ? LIVE
          : [ConsultationStatus.OPEN, ConsultationStatus.ASSIGNED];
      if (!allowed.includes(c.status)) {
        throw new ConflictError(
          `A consultation that is ${c.status.toLowerCase()} cannot be ${status.toLowerCase()}`,
        );
      }
      // Withdrawn before any answer: the pilot gets the month's slot back.
      if (status === ConsultationStatus.WITHDRAWN && c.pilotId != null && c.assignedMonth) {
        await tx.query(
          `UPDATE pilot_month_load SET assigned = assigned - 1
            WHERE pilot_id = $1 AND month = $2 AND assigned > 0`,
          [c.pilotId, c.assignedMonth],
        );
      }
      const [row] = await tx.rows(
        `UPDATE consultation SET status = $2, updated_at = now() WHERE id = $1 RETURNING ${this.returning}`,
        [c.id, status],
      );
      await this.queue.removeJob(tx, remindJobKey(c.id));
      await this.audit.record(tx, viewer, {
        operation:
          status === ConsultationStatus.CLOSED ? 'closeConsultation' : 'withdrawConsultation',
        targetIds: [toGlobalId('Consultation', c.id)],
        regionId: c.regionId,
      });
      return this.hydrate(row);
    });
  }

  close(viewer: Viewer, id: number): Promise<Consultation> {
    return this.end(viewer, id, ConsultationStatus.CLOSED);
  }

  withdraw(viewer: Viewer, id: number): Promise<Consultation> {
    return this.end(viewer, id, ConsultationStatus.WITHDRAWN);
  }

  /**
   * The job at dueAt: one reminder to the assigned pilot of a consultation still unanswered.
   * remindedAt is set by a conditional UPDATE, so a job run twice reminds once.
   */
  async remindOverdue(id: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.rows(
        `UPDATE consultation SET reminded_at = now()
          WHERE id = $1 AND status = 'ASSIGNED' AND reminded_at IS NULL AND due_at <= now()
          RETURNING ${this.returning}`,
        [id],
      );
      if (!rows[0]) return false;
      const c = this.hydrate(rows[0]);
      await this.mailTo(
        tx,
        await this.pilotEmails(tx, c.pilotId),
        'consultation-overdue',
        overdueMail({ area: c.area, url: this.url(c.id) }),
      );
      return true;
    });
  }
}
