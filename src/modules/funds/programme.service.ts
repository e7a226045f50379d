// Funding programmes (Förderprogramme, e.g. a Kommunales Ehrenamtsbudget): creating and closing
// them (coordinators of the region), the public lists, and the public ledger of approved
// grants. The money of a programme moves only in application.service.ts, by conditional UPDATEs.
import { Database, Queryable } from '../../db/database';
import { columnList, makeHydrator, selectList } from '../../db/hydrate';
import { BadUserInputError, ConflictError, NotFoundError } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import { Viewer } from '../../graphql/viewer';
import { ActorKind } from '../actors/actor.entity';
import type { AuditService } from '../audit/audit.service';
import { enumArray } from '../shared/enum-array';
import { pathIds } from '../shared/region-path';
import { boundedText, requiredText } from '../shared/text';
import {
  ApplicationStatus,
  FundingApplication,
  FundingProgramme,
  ProgrammeStatus,
} from './funding.entity';
import { assertCoordinates } from './funding.permissions';

export interface ProgrammeData {
  name: string;
  description?: string | null;
  regionId: number;
  periodStart: string;
  periodEnd: string;
  budgetCents: number;
  maxGrantCents?: number | null;
  eligibleKinds?: ActorKind[] | null;
  boardId?: number | null;
  reviewQuorum?: number | null;
  applicationDeadline?: Date | null;
}

/** One approved grant as the public ledger shows it. */
export interface LedgerRow {
  programmeId: number;
  application: FundingApplication;
  applicantName: string;
  purpose: string;
  amountCents: number;
  status: ApplicationStatus;
  decidedAt: Date;
}

/** The statuses of a grant that stands: they are public in the ledger. */
export const GRANTED = [
  ApplicationStatus.APPROVED,
  ApplicationStatus.PAID,
  ApplicationStatus.REPORTED,
] as const;

const MAX_CENTS = 2_000_000_000;

export function centsField(value: number | null | undefined, field: string, min = 1): void {
  if (value == null) return;
  if (!Number.isSafeInteger(value) || value < min || value > MAX_CENTS) {
    throw new BadUserInputError(`${field} must be a whole number of cents from ${min}`, field);
  }
}

export class ProgrammeService {
  readonly hydrate;
  readonly columns: string;
  readonly returning: string;
  private readonly hydrateApplication;
  private readonly applicationColumns: string;

  constructor(
    readonly db: Database,
    readonly audit: AuditService,
  ) {
    const hydrate = makeHydrator(db.dataSource, FundingProgramme);
    this.hydrate = (row: Record<string, unknown>) => {
      const p = hydrate(row);
      p.eligibleKinds = enumArray<ActorKind>(p.eligibleKinds);
      return p;
    };
    this.columns = selectList(db.dataSource, FundingProgramme, 'p');
    this.returning = columnList(db.dataSource, FundingProgramme);
    this.hydrateApplication = makeHydrator(db.dataSource, FundingApplication);
    this.applicationColumns = selectList(db.dataSource, FundingApplication, 'a');
  }

  /** Programmes are public. */
  async byIds(ids: number[]): Promise<FundingProgramme[]> {
    if (ids.length === 0) return [];
    return (
      await this.db.read(
        `SELECT ${this.columns} FROM funding_programme p WHERE p.id = ANY($1::int[])`,
        [ids],
      )
    ).map(this.hydrate);
  }

  /** In the region and below it (all when none), newest period first. */
  async list(regionId?: number, status?: ProgrammeStatus[]): Promise<FundingProgramme[]> {
    const params: unknown[] = [];
    const where = ['TRUE'];
    if (regionId != null) {
      params.push(regionId);
      where.push(`p.region_id IN (SELECT sub.id FROM region sub
        WHERE sub.path LIKE (SELECT r.path FROM region r WHERE r.id = $${params.length}) || '%')`);
    }
    if (status?.length) {
      params.push(status);
      where.push(`p.status = ANY($${params.length}::programme_status[])`);
    }
    return (
      await this.db.read(
        `SELECT ${this.columns} FROM funding_programme p WHERE ${where.join(' AND ')}
          ORDER BY p.period_start DESC, p.id DESC LIMIT 500`,
        params,
      )
    ).map(this.hydrate);
  }

  async create(viewer: Viewer, data: ProgrammeData): Promise<FundingProgramme> {
    const name = requiredText(data.name, 'name', 1, 200);
    const description = boundedText(data.description, 'description', 0, 5000);
    centsField(data.budgetCents, 'budgetCents');
    centsField(data.maxGrantCents, 'maxGrantCents');
    if (data.maxGrantCents != null && data.maxGrantCents > data.budgetCents) {
      throw new BadUserInputError('maxGrantCents must not exceed budgetCents', 'maxGrantCents');
    }
    if (data.periodEnd < data.periodStart) {
      throw new BadUserInputError('periodEnd must not be before periodStart', 'periodEnd');
    }
    const quorum = data.reviewQuorum ?? 2;
    if (!Number.isInteger(quorum) || quorum < 1 || quorum > 50) {
      throw new BadUserInputError('reviewQuorum must be between 1 and 50', 'reviewQuorum');
    }
    const kinds = [...new Set(data.eligibleKinds ?? [])];
    return this.db.transaction(async (tx) => {
      const { rows: regions } = await tx.query<{ path: string }>(
        'SELECT path FROM region WHERE id = $1',
        [data.regionId],
      );
      if (!regions[0]) throw new NotFoundError('Region', toGlobalId('Region', data.regionId));
      assertCoordinates(viewer, pathIds(regions[0].path), 'create a funding programme');
      if (data.boardId != null) {
        const { rows } = await tx.query<{ kind: string }>('SELECT kind FROM actor WHERE id = $1', [
          data.boardId,
        ]);
        if (rows[0]?.kind !== ActorKind.ADVISORY_BOARD) {
          throw new BadUserInputError('boardId must be an actor of kind ADVISORY_BOARD', 'boardId');
        }
      }
      const [row] = await tx.rows(
        `INSERT INTO funding_programme (name, description, region_id, period_start, period_end,
           budget_cents, max_grant_cents, eligible_kinds, board_id, review_quorum, application_deadline)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::actor_kind[], $9, $10, $11) RETURNING ${this.returning}`,
        [
          name,
          description,
          data.regionId,
          data.periodStart,
          data.periodEnd,
          data.budgetCents,
          data.maxGrantCents ?? null,
          kinds,
          data.boardId ?? null,
          quorum,
          data.applicationDeadline ?? null,
        ],
      );
      const p = this.hydrate(row);
      await this.audit.record(tx, viewer, {
        operation: 'createFundingProgramme',
        targetIds: [toGlobalId('FundingProgramme', p.id)],
        regionId: p.regionId,
      });
      return p;
    });
  }

  /** No more applications; running ones go on to their decision, payment and report. */
  async close(viewer: Viewer, id: number): Promise<FundingProgramme> {
    return this.db.transaction(async (tx) => {
      const { p, regionPathIds } = await this.lock(tx, id);
      assertCoordinates(viewer, regionPathIds, 'close a funding programme');
      if (p.status === ProgrammeStatus.CLOSED) {
        throw new ConflictError('The funding programme is closed already');
      }
      const [row] = await tx.rows(
        `UPDATE funding_programme SET status = 'CLOSED', updated_at = now() WHERE id = $1
          RETURNING ${this.returning}`,
        [id],
      );
      await this.audit.record(tx, viewer, {
        operation: 'closeFundingProgramme',
        targetIds: [toGlobalId('FundingProgramme', id)],
        regionId: p.regionId,
      });
      return this.hydrate(row);
    });
  }

  async lock(q: Queryable, id: number): Promise<{ p: FundingProgramme; regionPathIds: number[] }> {
    const { rows } = await q.query(
      `SELECT ${this.columns}, r.path AS _region_path FROM funding_programme p
         JOIN region r ON r.id = p.region_id WHERE p.id = $1 FOR UPDATE OF p`,
      [id],
    );
    if (!rows[0]) throw new NotFoundError('FundingProgramme', toGlobalId('FundingProgramme', id));
    return { p: this.hydrate(rows[0]), regionPathIds: pathIds(String(rows[0]._region_path)) };
  }

  /**
   * The public ledger of programmes: approved grants, oldest decision first. The amount is what
   * the fund bears: the approved amount, after the use report what was spent.
   */
  async ledger(programmeIds: number[]): Promise<LedgerRow[]> {
    if (programmeIds.length === 0) return [];
    const rows = await this.db.read(
      `SELECT ${this.applicationColumns}, ac.name AS _applicant_name FROM funding_application a
         JOIN actor ac ON ac.id = a.applicant_id
        WHERE a.programme_id = ANY($1::int[]) AND a.status = ANY($2::application_status[])
        ORDER BY a.decided_at, a.id`,
      [programmeIds, GRANTED],
    );
    return rows.map((row) => {
      const a = this.hydrateApplication(row);
      return {
        programmeId: a.programmeId,
        application: a,
        applicantName: String(row._applicant_name),
        purpose: a.purpose,
        amountCents:
          a.status === ApplicationStatus.REPORTED && a.spentCents != null
            ? a.spentCents
            : (a.approvedCents ?? 0),
        status: a.status,
        decidedAt: a.decidedAt ?? a.createdAt,
      };
    });
  }
}
