// Funding applications through their life: DRAFT (applyForFunding) -> SUBMITTED -> reviews of
// the board (RECOMMENDED / NOT_RECOMMENDED once the quorum is in) -> the coordinators' decision
// (APPROVED / REJECTED) -> payments (PAID when fully paid) -> the use report (REPORTED; unspent
// money returns to the programme). Every change of a programme's money is one conditional
// UPDATE on its row, taken after the application's row lock (always in that order), and the
// table's checks back it up: a programme can never commit more than its budget.
// The title and purpose reach no log, audit entry, activity summary or job payload; the only
// mails go to the applicant's own accounts.
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
import { pathIds } from '../shared/region-path';
import { boundedText, requiredText } from '../shared/text';
import { Visibility } from '../shared/visibility';
import {
  ApplicationStatus,
  FundingApplication,
  FundingProgramme,
  FundingReview,
  ProgrammeStatus,
  ReviewVote,
} from './funding.entity';
import { decisionMail, euros } from './funding.mails';
import {
  ApplicationAccessTarget,
  applicationVisibleSql,
  assertActsForApplicant,
  assertCanReview,
  assertCoordinates,
  canSeeApplication,
} from './funding.permissions';
import { centsField, ProgrammeService } from './programme.service';

export interface ApplyData {
  programmeId: number;
  applicantId: number;
  title: string;
  purpose: string;
  requestedCents: number;
  needId?: number | null;
}

export interface ReviewData {
  applicationId: number;
  vote: ReviewVote;
  recommendedCents?: number | null;
  comment?: string | null;
}

export interface DecideData {
  applicationId: number;
  approve: boolean;
  approvedCents?: number | null;
}

export interface ReportData {
  applicationId: number;
  report: string;
  spentCents: number;
}

interface Locked {
  a: FundingApplication;
  target: ApplicationAccessTarget;
}

const UNDECIDED = [
  ApplicationStatus.SUBMITTED,
  ApplicationStatus.RECOMMENDED,
  ApplicationStatus.NOT_RECOMMENDED,
];

export class ApplicationService {
  readonly hydrate;
  readonly hydrateReview;
  readonly columns: string;
  readonly returning: string;

  constructor(
    readonly db: Database,
    readonly programmes: ProgrammeService,
    readonly audit: AuditService,
    readonly activity: ActivityService,
    readonly mail: MailService,
    readonly links: LinkService,
  ) {
    this.hydrate = makeHydrator(db.dataSource, FundingApplication);
    this.hydrateReview = makeHydrator(db.dataSource, FundingReview);
    this.columns = selectList(db.dataSource, FundingApplication, 'a');
    this.returning = columnList(db.dataSource, FundingApplication);
  }

  /** Raw rows: callers apply canSeeApplication (funding-access.ts). */
  async byIds(ids: number[]): Promise<FundingApplication[]> {
    if (ids.length === 0) return [];
    return (
      await this.db.read(
        `SELECT ${this.columns} FROM funding_application a WHERE a.id = ANY($1::int[])`,
        [ids],
      )
    ).map(this.hydrate);
  }

  async reviewsOf(ids: number[]): Promise<FundingReview[]> {
    if (ids.length === 0) return [];
    return (
      await this.db.read(
        `SELECT * FROM funding_review WHERE application_id = ANY($1::int[]) ORDER BY created_at, id`,
        [ids],
      )
    ).map(this.hydrateReview);
  }

  /** A programme's applications the viewer may see, newest first. */
  list(
    viewer: Viewer,
    programmeId: number,
    status: ApplicationStatus[] | undefined,
    args: ConnectionArgs,
  ): Promise<Connection<FundingApplication>> {
    const params: unknown[] = [programmeId];
    const where = ['a.programme_id = $1', applicationVisibleSql(viewer, 'a', params)];
    if (status?.length) {
      params.push(status);
      where.push(`a.status = ANY($${params.length}::application_status[])`);
    }
    return paginate(
      this.db,
      {
        sql: `SELECT ${this.columns}, a.id AS _k0 FROM funding_application a
               WHERE ${where.join(' AND ')}`,
        params,
        directions: ['DESC'],
        hydrate: this.hydrate,
      },
      args,
    );
  }

  /** The application locked for a change; NOT_FOUND for anyone who may not see it. */
  async lock(q: Queryable, viewer: Viewer, id: number): Promise<Locked> {
    const { rows } = await q.query(
      `SELECT ${this.columns}, r.path AS _region_path FROM funding_application a
         JOIN region r ON r.id = a.region_id WHERE a.id = $1 FOR UPDATE OF a`,
      [id],
    );
    const a = rows[0] ? this.hydrate(rows[0]) : null;
    const target: ApplicationAccessTarget | null = a && {
      applicantId: a.applicantId,
      boardId: a.boardId,
      status: a.status,
      regionPathIds: pathIds(String(rows[0]._region_path)),
    };
    if (!a || !target || !canSeeApplication(viewer, target)) {
      throw new NotFoundError('FundingApplication', toGlobalId('FundingApplication', id));
    }
    return { a, target };
  }

  /** Open and before its deadline (or the end of its period, Europe/Berlin). */
  private async openProgramme(q: Queryable, id: number): Promise<FundingProgramme> {
    const { rows } = await q.query(
      `SELECT ${this.programmes.columns},
              coalesce(p.application_deadline,
                       (p.period_end + 1)::timestamp AT TIME ZONE 'Europe/Berlin') <= now() AS _late
         FROM funding_programme p WHERE p.id = $1`,
      [id],
    );
    if (!rows[0]) {
      throw new BadUserInputError('programmeId is not a known funding programme', 'programmeId');
    }
    const p = this.programmes.hydrate(rows[0]);
    if (p.status !== ProgrammeStatus.OPEN) {
      throw new BadUserInputError('The funding programme is closed', 'programmeId', {
        reason: 'PROGRAMME_CLOSED',
      });
    }
    if (rows[0]._late) {
      throw new BadUserInputError('The application deadline has passed', 'programmeId', {
        reason: 'DEADLINE_PASSED',
      });
    }
    return p;
  }

  async apply(viewer: Viewer, data: ApplyData): Promise<FundingApplication> {
    const title = requiredText(data.title, 'title', 1, 200);
    const purpose = requiredText(data.purpose, 'purpose', 1, 10000);
    centsField(data.requestedCents, 'requestedCents');
    assertActsForApplicant(viewer, data.applicantId, 'apply for it');
    return this.db.transaction(async (tx) => {
      const p = await this.openProgramme(tx, data.programmeId);
      const { rows: actors } = await tx.query<{ kind: string; in_region: boolean }>(
        `SELECT a.kind, ar.path LIKE pr.path || '%' AS in_region
           FROM actor a JOIN region ar ON ar.id = a.region_id, region pr
          WHERE a.id = $1 AND pr.id = $2`,
        [data.applicantId, p.regionId],
      );
      if (!actors[0])
        throw new BadUserInputError('applicantId is not a known actor', 'applicantId');
      if (p.eligibleKinds.length && !p.eligibleKinds.includes(actors[0].kind as never)) {
        throw new BadUserInputError(
          `Actors of kind ${actors[0].kind} may not apply to this programme`,
          'applicantId',
          { reason: 'NOT_ELIGIBLE' },
        );
      }
      if (!actors[0].in_region) {
        throw new BadUserInputError(
          "The applicant is not in the programme's region",
          'applicantId',
          { reason: 'NOT_ELIGIBLE' },
        );
      }
      if (p.maxGrantCents != null && data.requestedCents > p.maxGrantCents) {
        throw new BadUserInputError(
          `requestedCents exceeds the maximum grant of ${p.maxGrantCents} cents`,
          'requestedCents',
          { maxGrantCents: p.maxGrantCents },
        );
      }
      if (data.needId != null) {
        const { rows } = await tx.query<{ kind: string; actor_id: number }>(
          'SELECT kind, actor_id FROM need WHERE id = $1',
          [data.needId],
        );
        if (rows[0]?.kind !== 'FUNDING' || Number(rows[0].actor_id) !== data.applicantId) {
          throw new BadUserInputError('needId must be a FUNDING need of the applicant', 'needId');
        }
      }
      const [row] = await tx.rows(
        `INSERT INTO funding_application (programme_id, applicant_id, region_id, board_id, title,
           purpose, requested_cents, need_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         RETURNING ${this.returning}`,
        [
          p.id,
          data.applicantId,
          p.regionId,
          p.boardId,
          title,
          purpose,
          data.requestedCents,
          data.needId ?? null,
        ],
      );
      const a = this.hydrate(row);
      await this.audit.record(tx, viewer, {
        operation: 'applyForFunding',
        targetIds: [toGlobalId('FundingApplication', a.id)],
        regionId: a.regionId,
      });
      return a;
    });
  }

  async submit(viewer: Viewer, id: number): Promise<FundingApplication> {
    return this.db.transaction(async (tx) => {
      const { a } = await this.lock(tx, viewer, id);
      assertActsForApplicant(viewer, a.applicantId, 'submit it');
      if (a.status !== ApplicationStatus.DRAFT) {
        throw new ConflictError(`The application is ${a.status.toLowerCase()}, not a draft`);
      }
      const p = await this.openProgramme(tx, a.programmeId);
      const [row] = await tx.rows(
        `UPDATE funding_application SET status = 'SUBMITTED', submitted_at = now(), updated_at = now()
          WHERE id = $1 RETURNING ${this.returning}`,
        [a.id],
      );
      await this.activity.record(tx, {
        type: ActivityType.APPLICATION_SUBMITTED,
        regionId: a.regionId,
        subject: { type: 'FundingApplication', id: a.id },
        // A ceiling only: the FundingApplication node rule decides at read time.
        visibility: Visibility.NETWORK,
        actorIds: [a.applicantId],
        summary: `Neuer Förderantrag an „${p.name}“`,
        data: { programmeId: toGlobalId('FundingProgramme', p.id) },
      });
      await this.audit.record(tx, viewer, {
        operation: 'submitApplication',
        targetIds: [toGlobalId('FundingApplication', a.id)],
        regionId: a.regionId,
      });
      return this.hydrate(row);
    });
  }

  async withdraw(viewer: Viewer, id: number): Promise<FundingApplication> {
    return this.db.transaction(async (tx) => {
      const { a } = await this.lock(tx, viewer, id);
      assertActsForApplicant(viewer, a.applicantId, 'withdraw it');
      if (a.status !== ApplicationStatus.DRAFT && !UNDECIDED.includes(a.status)) {
        throw new ConflictError(`A ${a.status.toLowerCase()} application cannot be withdrawn`);
      }
      const [row] = await tx.rows(
        `UPDATE funding_application SET status = 'WITHDRAWN', updated_at = now() WHERE id = $1
          RETURNING ${this.returning}`,
        [a.id],
      );
      await this.audit.record(tx, viewer, {
        operation: 'withdrawApplication',
        targetIds: [toGlobalId('FundingApplication', a.id)],
        regionId: a.regionId,
      });
      return this.hydrate(row);
    });
  }

  /**
   * One review per board member (the token subject) and application, held by the unique
   * constraint. Once the quorum of reviews is in, the majority of APPROVE over REJECT sets
   * RECOMMENDED, anything else NOT_RECOMMENDED; later reviews count again.
   */
  async review(viewer: Viewer, data: ReviewData): Promise<FundingApplication> {
    centsField(data.recommendedCents, 'recommendedCents', 0);
    const comment = boundedText(data.comment, 'comment', 0, 5000);
    return this.db.transaction(async (tx) => {
      const { a, target } = await this.lock(tx, viewer, data.applicationId);
      assertCanReview(viewer, target);
      if (!UNDECIDED.includes(a.status)) {
        throw new ConflictError(`A ${a.status.toLowerCase()} application cannot be reviewed`);
      }
      if (data.recommendedCents != null && data.recommendedCents > a.requestedCents) {
        throw new BadUserInputError(
          'recommendedCents must not exceed the requested amount',
          'recommendedCents',
        );
      }
      const reviewer = await this.reviewerName(tx, viewer);
      const inserted = await tx.rows(
        `INSERT INTO funding_review (application_id, reviewer_sub, reviewer, vote, recommended_cents, comment)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ON CONSTRAINT "UQ_funding_review_member" DO NOTHING
         RETURNING id`,
        [a.id, viewer.sub, reviewer, data.vote, data.recommendedCents ?? null, comment],
      );
      if (!inserted[0]) throw new ConflictError('You have reviewed this application already');
      const [tally] = await tx.rows<{ total: number; yes: number; no: number; quorum: number }>(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE vote = 'APPROVE')::int AS yes,
                count(*) FILTER (WHERE vote = 'REJECT')::int AS no,
                (SELECT review_quorum FROM funding_programme WHERE id = $2) AS quorum
           FROM funding_review WHERE application_id = $1`,
        [a.id, a.programmeId],
      );
      let status = a.status;
      if (Number(tally.total) >= Number(tally.quorum)) {
        status =
          Number(tally.yes) > Number(tally.no)
            ? ApplicationStatus.RECOMMENDED
            : ApplicationStatus.NOT_RECOMMENDED;
      }
      const [row] = await tx.rows(
        `UPDATE funding_application SET status = $2, updated_at = now() WHERE id = $1
          RETURNING ${this.returning}`,
        [a.id, status],
      );
      await this.audit.record(tx, viewer, {
        operation: 'reviewApplication',
        targetIds: [toGlobalId('FundingApplication', a.id)],
        regionId: a.regionId,
      });
      return this.hydrate(row);
    });
  }

  private async reviewerName(q: Queryable, viewer: Viewer): Promise<string> {
    if (viewer.accountId == null) return 'Mitglied des Beirats';
    const { rows } = await q.query<{ name: string | null }>(
      'SELECT display_name AS name FROM account WHERE id = $1',
      [viewer.accountId],
    );
    return rows[0]?.name || 'Mitglied des Beirats';
  }

  /**
   * The coordinators' decision. An approval commits its amount with one conditional UPDATE of
   * the programme row (`committed + amount <= budget`): however many approvals race, the budget
   * is never exceeded, and the ones that do not fit are CONFLICT with the remaining amount.
   */
  async decide(viewer: Viewer, data: DecideData): Promise<FundingApplication> {
    if (!data.approve && data.approvedCents != null) {
      throw new BadUserInputError('approvedCents is only for an approval', 'approvedCents');
    }
    centsField(data.approvedCents, 'approvedCents');
    return this.db.transaction(async (tx) => {
      const { a, target } = await this.lock(tx, viewer, data.applicationId);
      assertCoordinates(viewer, target.regionPathIds, 'decide on applications');
      if (!UNDECIDED.includes(a.status)) {
        throw new ConflictError(`A ${a.status.toLowerCase()} application cannot be decided`);
      }
      const amount = data.approve ? (data.approvedCents ?? a.requestedCents) : null;
      if (amount != null && amount > a.requestedCents) {
        throw new BadUserInputError(
          'approvedCents must not exceed the requested amount',
          'approvedCents',
        );
      }
      // Fail fast without a lock when it cannot fit now; the conditional UPDATE below decides.
      if (amount != null) await this.assertFits(tx, a.programmeId, amount, false);
      const [row] = await tx.rows(
        `UPDATE funding_application SET status = $2, approved_cents = $3, decided_at = now(),
           updated_at = now() WHERE id = $1 RETURNING ${this.returning}`,
        [a.id, data.approve ? ApplicationStatus.APPROVED : ApplicationStatus.REJECTED, amount],
      );
      const decided = this.hydrate(row);
      await this.recordDecision(tx, decided);
      await this.audit.record(tx, viewer, {
        operation: 'decideApplication',
        targetIds: [toGlobalId('FundingApplication', a.id)],
        regionId: a.regionId,
      });
      // Last, so the programme row is locked only from here to the commit: every approval of the
      // programme queues for that lock, and a short hold keeps the queue moving.
      if (amount != null) await this.assertFits(tx, a.programmeId, amount, true);
      return decided;
    });
  }

  /**
   * CONFLICT with the remaining amount unless `amount` fits the programme's budget. With
   * `commit`, one conditional UPDATE adds it to committed_cents (`committed + amount <=
   * budget`), which is what holds the budget however many approvals race.
   */
  private async assertFits(
    tx: Transaction,
    programmeId: number,
    amount: number,
    commit: boolean,
  ): Promise<void> {
    if (commit) {
      const committed = await tx.rows(
        `UPDATE funding_programme SET committed_cents = committed_cents + $2, updated_at = now()
          WHERE id = $1 AND committed_cents + $2 <= budget_cents RETURNING id`,
        [programmeId, amount],
      );
      if (committed[0]) return;
    }
    const [left] = await tx.rows<{ remaining: number }>(
      'SELECT budget_cents - committed_cents AS remaining FROM funding_programme WHERE id = $1',
      [programmeId],
    );
    const remainingCents = Number(left.remaining);
    if (!commit && amount <= remainingCents) return;
    throw new ConflictError(
      `The programme has only ${remainingCents} cents left; approving ${amount} cents would exceed its budget`,
      { reason: 'BUDGET_EXCEEDED', remainingCents },
    );
  }

  private async recordDecision(tx: Transaction, a: FundingApplication): Promise<void> {
    const { rows } = await tx.query<{ name: string }>(
      'SELECT name FROM funding_programme WHERE id = $1',
      [a.programmeId],
    );
    const programme = rows[0]?.name ?? 'Förderprogramm';
    const approved = a.status === ApplicationStatus.APPROVED;
    await this.activity.record(tx, {
      type: ActivityType.APPLICATION_DECIDED,
      regionId: a.regionId,
      subject: { type: 'FundingApplication', id: a.id },
      visibility: Visibility.NETWORK,
      actorIds: [a.applicantId],
      summary: approved
        ? `Förderantrag an „${programme}“ bewilligt: ${euros(a.approvedCents ?? 0)}`
        : `Förderantrag an „${programme}“ abgelehnt`,
      data: { programmeId: toGlobalId('FundingProgramme', a.programmeId), approved },
    });
    const mail = decisionMail({
      programme,
      title: a.title,
      approved,
      approvedCents: a.approvedCents,
      url: this.url(a.id),
    });
    for (const to of await this.applicantEmails(tx, a.applicantId)) {
      await this.mail.enqueue(tx, { to, kind: 'funding-decision', ...mail });
    }
  }

  url(id: number): string {
    return this.links.absoluteUrl(`/dashboard#application=${toGlobalId('FundingApplication', id)}`);
  }

  private async applicantEmails(q: Queryable, actorId: number): Promise<string[]> {
    const { rows } = await q.query<{ email: string }>(
      `SELECT DISTINCT email FROM account WHERE $1 = ANY(actor_ids)
          AND role IN ('MEMBER', 'COORDINATOR') AND NOT disabled`,
      [actorId],
    );
    return rows.map((r) => r.email);
  }

  /** A payment of an approved grant (coordinators); never above the approved amount. */
  async recordPayment(
    viewer: Viewer,
    id: number,
    amountCents: number,
  ): Promise<FundingApplication> {
    centsField(amountCents, 'amountCents');
    return this.db.transaction(async (tx) => {
      const { a, target } = await this.lock(tx, viewer, id);
      assertCoordinates(viewer, target.regionPathIds, 'record payments');
      if (a.status !== ApplicationStatus.APPROVED) {
        throw new ConflictError(`A ${a.status.toLowerCase()} application takes no payment`);
      }
      const rows = await tx.rows(
        `UPDATE funding_application SET paid_cents = paid_cents + $2,
           status = CASE WHEN paid_cents + $2 = approved_cents THEN 'PAID'::application_status
                         ELSE status END, updated_at = now()
          WHERE id = $1 AND paid_cents + $2 <= approved_cents RETURNING ${this.returning}`,
        [a.id, amountCents],
      );
      if (!rows[0]) {
        const open = (a.approvedCents ?? 0) - a.paidCents;
        throw new BadUserInputError(
          `amountCents exceeds what is left to pay (${open} cents)`,
          'amountCents',
          { remainingCents: open },
        );
      }
      await tx.query(
        `UPDATE funding_programme SET paid_cents = paid_cents + $2, updated_at = now() WHERE id = $1`,
        [a.programmeId, amountCents],
      );
      await this.audit.record(tx, viewer, {
        operation: 'recordPayment',
        targetIds: [toGlobalId('FundingApplication', a.id)],
        regionId: a.regionId,
      });
      return this.hydrate(rows[0]);
    });
  }

  /**
   * The use report (Verwendungsnachweis) by the applicant's members, after payment. What was
   * not spent returns to the programme: committed by approved - spent, paid by paid - spent.
   */
  async reportUse(viewer: Viewer, data: ReportData): Promise<FundingApplication> {
    const report = requiredText(data.report, 'report', 1, 10000);
    centsField(data.spentCents, 'spentCents', 0);
    return this.db.transaction(async (tx) => {
      const { a } = await this.lock(tx, viewer, data.applicationId);
      assertActsForApplicant(viewer, a.applicantId, 'report the use');
      if (a.status !== ApplicationStatus.PAID && a.status !== ApplicationStatus.APPROVED) {
        throw new ConflictError(`A ${a.status.toLowerCase()} application takes no use report`);
      }
      if (a.paidCents === 0) throw new ConflictError('Nothing has been paid out yet');
      if (data.spentCents > a.paidCents) {
        throw new BadUserInputError(
          `spentCents must not exceed the paid amount (${a.paidCents} cents)`,
          'spentCents',
        );
      }
      const [row] = await tx.rows(
        `UPDATE funding_application SET status = 'REPORTED', report = $2, spent_cents = $3,
           paid_cents = $3, updated_at = now() WHERE id = $1 RETURNING ${this.returning}`,
        [a.id, report, data.spentCents],
      );
      await tx.query(
        `UPDATE funding_programme SET committed_cents = committed_cents - $2,
           paid_cents = paid_cents - $3, updated_at = now() WHERE id = $1`,
        [a.programmeId, (a.approvedCents ?? 0) - data.spentCents, a.paidCents - data.spentCents],
      );
      await this.audit.record(tx, viewer, {
        operation: 'reportUse',
        targetIds: [toGlobalId('FundingApplication', a.id)],
        regionId: a.regionId,
      });
      return this.hydrate(row);
    });
  }
}
