// Surveys (Bedarfsabfrage): created by the coordinators of a region, opened (invitations and
// mails, ./survey-invitations.ts), reminded at most once every 3 days (one conditional UPDATE),
// closed; answered once per actor (the unique (survey, actor) and one upsert keep it one,
// however many submissions race), by the answer link's token or as a member of the actor.
import type { Database, Queryable, Transaction } from '../../db/database';
import { columnList, makeHydrator, selectList } from '../../db/hydrate';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
} from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import { Role, Viewer } from '../../graphql/viewer';
import type { ActivityService } from '../activity/activity.service';
import { ActivityType } from '../activity/activity-type';
import { ActorKind } from '../actors/actor.entity';
import type { AuditService } from '../audit/audit.service';
import type { LinkService } from '../links/link.service';
import { pathIds } from '../shared/region-path';
import { boundedText, requiredText } from '../shared/text';
import { Visibility } from '../shared/visibility';
import { SURVEY_LINK_KIND, SurveyInvitations } from './survey-invitations';
import {
  AnswerData,
  CheckedAnswer,
  checkAnswers,
  checkQuestions,
  QuestionData,
} from './survey-validation';
import { Survey, SurveyInvitation, SurveyResponse, SurveyStatus } from './survey.entity';
import { assertCanRunSurvey, canAnswerFor, canRunSurvey } from './survey.permissions';

export interface CreateSurveyData {
  title: string;
  introduction?: string | null;
  regionId: number;
  audience?: ActorKind[] | null;
  closesAt?: Date | null;
  questions: QuestionData[];
  copyFromId?: number;
}

export interface SubmitData {
  surveyId: number;
  actorId?: number;
  invitationToken?: string | null;
  answers: AnswerData[];
}

/** What a submission hands the draft-need step (./survey-drafts.ts) inside its transaction. */
export type ResponseHook = (
  tx: Transaction,
  survey: Survey,
  response: SurveyResponse,
  answers: CheckedAnswer[],
) => Promise<void>;

export const REMIND_INTERVAL_DAYS = 3;
const KINDS = new Set(Object.values(ActorKind));

/** node-postgres parses arrays of built-in types only: an enum array comes as '{CLUB,SCHOOL}'. */
function enumArray<T extends string>(value: unknown): T[] {
  if (Array.isArray(value)) return value as T[];
  const inner = String(value ?? '{}').replace(/^\{|\}$/g, '');
  return (inner ? inner.split(',') : []) as T[];
}

export class SurveyService {
  readonly hydrate: (row: Record<string, unknown>) => Survey;
  readonly hydrateResponse: (row: Record<string, unknown>) => SurveyResponse;
  readonly hydrateInvitation: (row: Record<string, unknown>) => SurveyInvitation;
  readonly columns: string;
  readonly responseColumns: string;
  private readonly returning: string;
  private readonly responseReturning: string;
  private readonly hooks: ResponseHook[] = [];

  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly activity: ActivityService,
    private readonly links: LinkService,
    private readonly invitations: SurveyInvitations,
  ) {
    const hydrate = makeHydrator(db.dataSource, Survey);
    this.hydrate = (row) => {
      const s = hydrate(row);
      s.audience = enumArray<ActorKind>(s.audience);
      return s;
    };
    this.hydrateResponse = makeHydrator(db.dataSource, SurveyResponse);
    this.hydrateInvitation = makeHydrator(db.dataSource, SurveyInvitation);
    this.columns = selectList(db.dataSource, Survey, 's');
    this.responseColumns = selectList(db.dataSource, SurveyResponse, 'sr');
    this.returning = columnList(db.dataSource, Survey);
    this.responseReturning = columnList(db.dataSource, SurveyResponse);
  }

  /** The path of a survey's region outside a transaction (the CSV route); [] when missing. */
  async regionPathOf(regionId: number): Promise<number[]> {
    const [r] = await this.db.read<{ path: string }>('SELECT path FROM region WHERE id = $1', [
      regionId,
    ]);
    return r ? pathIds(String(r.path)) : [];
  }

  /**
   * What an answer link stands for (the answer page): its survey, the invited actor's name,
   * whether answers are taken now, and that actor's answers so far; null for a bad or expired
   * token. Reads only; the token is checked again by submit().
   */
  async invitationOfToken(token: string): Promise<{
    survey: Survey;
    actorName: string;
    open: boolean;
    answers: SurveyResponse['answers'] | null;
  } | null> {
    const link = await this.links.find(this.db.primary, token, SURVEY_LINK_KIND);
    if (!link) return null;
    const [inv] = await this.db.query<{ survey_id: number; actor_id: number; name: string }>(
      `SELECT i.survey_id, i.actor_id, a.name FROM survey_invitation i JOIN actor a ON a.id = i.actor_id
        WHERE i.id = $1`,
      [Number(link.subjectId)],
    );
    if (!inv) return null;
    const [survey] = await this.byIds([Number(inv.survey_id)]);
    if (!survey) return null;
    const [resp] = await this.db.query(
      `SELECT ${this.responseColumns} FROM survey_response sr WHERE sr.survey_id = $1 AND sr.actor_id = $2`,
      [survey.id, inv.actor_id],
    );
    return {
      survey,
      actorName: inv.name,
      open: survey.status === SurveyStatus.OPEN && !this.closed(survey),
      answers: resp ? this.hydrateResponse(resp).answers : null,
    };
  }

  /** Runs in every submission's transaction after the response is written (draft needs). */
  onResponse(hook: ResponseHook): void {
    this.hooks.push(hook);
  }

  async byIds(ids: number[]): Promise<Survey[]> {
    if (ids.length === 0) return [];
    return (
      await this.db.read(`SELECT ${this.columns} FROM survey s WHERE s.id = ANY($1::int[])`, [ids])
    ).map(this.hydrate);
  }

  async responsesByIds(ids: number[]): Promise<SurveyResponse[]> {
    if (ids.length === 0) return [];
    return (
      await this.db.read(
        `SELECT ${this.responseColumns} FROM survey_response sr WHERE sr.id = ANY($1::int[])`,
        [ids],
      )
    ).map(this.hydrateResponse);
  }

  /** The path of a region (ancestor ids, itself last); NOT_FOUND naming `field`. */
  async regionPath(q: Queryable, regionId: number, field = 'regionId'): Promise<number[]> {
    const { rows } = await q.query<{ path: string }>('SELECT path FROM region WHERE id = $1', [
      regionId,
    ]);
    if (!rows[0]) throw new NotFoundError('Region', field);
    return pathIds(String(rows[0].path));
  }

  /**
   * Surveys newest first: DRAFT ones only for those who run them; opened and closed ones for
   * everyone. With a region, those of the region and below.
   */
  async list(viewer: Viewer, regionId?: number, status?: SurveyStatus[]): Promise<Survey[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (regionId != null) {
      params.push(regionId);
      where.push(`s.region_id IN (SELECT sub.id FROM region sub
        WHERE sub.path LIKE (SELECT r.path FROM region r WHERE r.id = $${params.length}) || '%')`);
    }
    if (status?.length) {
      params.push(status);
      where.push(`s.status = ANY($${params.length}::survey_status[])`);
    }
    if (viewer.role !== Role.ADMIN) {
      params.push(viewer.role === Role.COORDINATOR ? viewer.regionIds : []);
      where.push(`(s.status <> 'DRAFT' OR EXISTS (SELECT 1 FROM region sr
        WHERE sr.id = s.region_id AND string_to_array(trim(both '/' from sr.path), '/')::int[]
              && $${params.length}::int[]))`);
    }
    return (
      await this.db.read(
        `SELECT ${this.columns} FROM survey s ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY s.id DESC LIMIT 200`,
        params,
      )
    ).map(this.hydrate);
  }

  async create(viewer: Viewer, data: CreateSurveyData): Promise<Survey> {
    const title = requiredText(data.title, 'title', 1, 200);
    const introduction = boundedText(data.introduction, 'introduction', 0, 5000);
    const audience = [...new Set(data.audience ?? [])];
    if (audience.some((k) => !KINDS.has(k))) {
      throw new BadUserInputError('audience must name actor kinds', 'audience');
    }
    if (data.closesAt && data.closesAt.getTime() <= Date.now()) {
      throw new BadUserInputError('closesAt must lie in the future', 'closesAt');
    }
    return this.db.transaction(async (tx) => {
      assertCanRunSurvey(viewer, await this.regionPath(tx, data.regionId));
      let questions = data.questions.length ? checkQuestions(data.questions) : [];
      if (data.copyFromId != null) {
        const [from] = await tx.rows(`SELECT ${this.columns} FROM survey s WHERE s.id = $1`, [
          data.copyFromId,
        ]);
        const earlier = from ? this.hydrate(from) : null;
        // Copying is reading the earlier questions: only for those who run that survey.
        if (!earlier || !canRunSurvey(viewer, await this.regionPath(tx, earlier.regionId))) {
          throw new NotFoundError('Survey', toGlobalId('Survey', data.copyFromId));
        }
        if (data.questions.length === 0) questions = earlier.questions;
      }
      if (questions.length === 0) checkQuestions([]);
      const [row] = await tx.rows(
        `INSERT INTO survey (title, introduction, region_id, audience, closes_at, questions, copied_from_id)
         VALUES ($1, $2, $3, $4::actor_kind[], $5, $6::jsonb, $7) RETURNING ${this.returning}`,
        [
          title,
          introduction,
          data.regionId,
          audience,
          data.closesAt ?? null,
          JSON.stringify(questions),
          data.copyFromId ?? null,
        ],
      );
      const survey = this.hydrate(row);
      await this.audit.record(tx, viewer, {
        operation: 'createSurvey',
        targetIds: [toGlobalId('Survey', survey.id)],
        regionId: survey.regionId,
      });
      return survey;
    });
  }

  /** The survey locked for a change by those who run it. */
  private async lockForRun(tx: Transaction, viewer: Viewer, id: number): Promise<Survey> {
    const [row] = await tx.rows(`SELECT ${this.columns} FROM survey s WHERE s.id = $1 FOR UPDATE`, [
      id,
    ]);
    if (!row) throw new NotFoundError('Survey', toGlobalId('Survey', id));
    const survey = this.hydrate(row);
    assertCanRunSurvey(viewer, await this.regionPath(tx, survey.regionId));
    return survey;
  }

  async open(viewer: Viewer, id: number): Promise<Survey> {
    return this.db.transaction(async (tx) => {
      const survey = await this.lockForRun(tx, viewer, id);
      if (survey.status !== SurveyStatus.DRAFT) {
        throw new ConflictError('Only a DRAFT survey can be opened');
      }
      if (survey.closesAt && survey.closesAt.getTime() <= Date.now()) {
        throw new BadUserInputError(
          'closesAt lies in the past; create the survey anew',
          'closesAt',
        );
      }
      const [row] = await tx.rows(
        `UPDATE survey SET status = 'OPEN', opens_at = now(), updated_at = now()
          WHERE id = $1 AND status = 'DRAFT' RETURNING ${this.returning}`,
        [id],
      );
      const opened = this.hydrate(row);
      const invited = await this.invitations.inviteAll(tx, opened);
      const [region] = await tx.rows<{ name: string }>('SELECT name FROM region WHERE id = $1', [
        opened.regionId,
      ]);
      await this.activity.record(tx, {
        type: ActivityType.SURVEY_OPENED,
        regionId: opened.regionId,
        subject: { type: 'Survey', id: opened.id },
        visibility: Visibility.NETWORK,
        summary: `Neue Bedarfsabfrage in ${region?.name ?? 'der Region'}: „${opened.title}“`,
        data: { invited },
      });
      await this.audit.record(tx, viewer, {
        operation: 'openSurvey',
        targetIds: [toGlobalId('Survey', id)],
        regionId: opened.regionId,
      });
      return opened;
    });
  }

  async close(viewer: Viewer, id: number): Promise<Survey> {
    return this.db.transaction(async (tx) => {
      const survey = await this.lockForRun(tx, viewer, id);
      if (survey.status !== SurveyStatus.OPEN) {
        throw new ConflictError('Only an OPEN survey can be closed');
      }
      const [row] = await tx.rows(
        `UPDATE survey SET status = 'CLOSED', closes_at = least(coalesce(closes_at, now()), now()),
                updated_at = now()
          WHERE id = $1 RETURNING ${this.returning}`,
        [id],
      );
      await this.audit.record(tx, viewer, {
        operation: 'closeSurvey',
        targetIds: [toGlobalId('Survey', id)],
        regionId: survey.regionId,
      });
      return this.hydrate(row);
    });
  }

  /**
   * Mails the invited actors that have not answered; returns how many. The 3-day limit is one
   * conditional UPDATE of last_reminded_at, so of any number of calls at once one reminds.
   */
  async remind(viewer: Viewer, id: number): Promise<number> {
    return this.db.transaction(async (tx) => {
      const survey = await this.lockForRun(tx, viewer, id);
      if (survey.status !== SurveyStatus.OPEN || this.closed(survey)) {
        throw new ConflictError('Only an OPEN survey can be reminded');
      }
      const { rows } = await tx.query(
        `UPDATE survey SET last_reminded_at = now()
          WHERE id = $1 AND (last_reminded_at IS NULL
                OR last_reminded_at <= now() - make_interval(days => $2))
          RETURNING id`,
        [id, REMIND_INTERVAL_DAYS],
      );
      if (rows.length === 0) {
        throw new ConflictError(
          `A reminder for this survey was sent less than ${REMIND_INTERVAL_DAYS} days ago`,
        );
      }
      const pending = await tx.rows<{ id: number }>(
        `SELECT id FROM survey_invitation
          WHERE survey_id = $1 AND responded_at IS NULL AND reachable ORDER BY id`,
        [id],
      );
      const mailed = await this.invitations.mailInvitees(
        tx,
        survey,
        pending.map((r) => Number(r.id)),
        true,
      );
      await this.audit.record(tx, viewer, {
        operation: 'remindSurvey',
        targetIds: [toGlobalId('Survey', id)],
        regionId: survey.regionId,
      });
      return mailed;
    });
  }

  private closed(s: Survey): boolean {
    return s.closesAt != null && s.closesAt.getTime() <= Date.now();
  }

  /** Who answers: the token's actor, or the given actor for a signed-in caller who acts for it. */
  private async answeringActor(tx: Transaction, viewer: Viewer, data: SubmitData): Promise<number> {
    if (data.invitationToken) {
      const link = await this.links.find(tx, data.invitationToken, SURVEY_LINK_KIND);
      const [inv] = link
        ? await tx.rows<{ survey_id: number; actor_id: number }>(
            'SELECT survey_id, actor_id FROM survey_invitation WHERE id = $1',
            [Number(link.subjectId)],
          )
        : [];
      // One answer for a bad, expired or foreign token: nothing tells which it was.
      if (
        !inv ||
        Number(inv.survey_id) !== data.surveyId ||
        (data.actorId != null && Number(inv.actor_id) !== data.actorId)
      ) {
        throw new ForbiddenError('invitationToken is not valid for this survey and actor');
      }
      return Number(inv.actor_id);
    }
    if (viewer.role === Role.PUBLIC) {
      throw new UnauthenticatedError('Sign in or give the invitationToken from the e-mail');
    }
    if (data.actorId == null) {
      throw new BadUserInputError('actorId is required without an invitationToken', 'actorId');
    }
    const [actor] = await tx.rows<{ path: string }>(
      'SELECT r.path FROM actor a JOIN region r ON r.id = a.region_id WHERE a.id = $1',
      [data.actorId],
    );
    if (!actor) throw new NotFoundError('Actor', toGlobalId('Actor', data.actorId));
    if (!canAnswerFor(viewer, data.actorId, pathIds(String(actor.path)))) {
      throw new ForbiddenError('You may not answer for this actor');
    }
    return data.actorId;
  }

  async submit(viewer: Viewer, data: SubmitData): Promise<SurveyResponse> {
    return this.db.transaction(async (tx) => {
      const actorId = await this.answeringActor(tx, viewer, data);
      // FOR SHARE: a close waits for the submissions in flight, and none starts after it.
      const [row] = await tx.rows(
        `SELECT ${this.columns} FROM survey s WHERE s.id = $1 FOR SHARE`,
        [data.surveyId],
      );
      if (!row) throw new NotFoundError('Survey', toGlobalId('Survey', data.surveyId));
      const survey = this.hydrate(row);
      if (survey.status !== SurveyStatus.OPEN || this.closed(survey)) {
        throw new ConflictError('This survey is not open for answers');
      }
      const [inv] = await tx.rows<{ id: number }>(
        'SELECT id FROM survey_invitation WHERE survey_id = $1 AND actor_id = $2',
        [survey.id, actorId],
      );
      if (!inv) throw new ForbiddenError('This actor is not invited to the survey');
      const answers = checkAnswers(survey.questions, data.answers);
      const stored = answers.map(({ need: _need, ...a }) => a);
      const [resp] = await tx.rows(
        `INSERT INTO survey_response (survey_id, actor_id, answers, submitted_at)
         VALUES ($1, $2, $3::jsonb, now())
         ON CONFLICT ON CONSTRAINT "UQ_survey_response_actor"
           DO UPDATE SET answers = EXCLUDED.answers, submitted_at = now()
         RETURNING ${this.responseReturning}, (xmax = 0) AS _inserted`,
        [survey.id, actorId, JSON.stringify(stored)],
      );
      const response = this.hydrateResponse(resp);
      await tx.query(
        'UPDATE survey_invitation SET responded_at = coalesce(responded_at, now()) WHERE id = $1',
        [inv.id],
      );
      for (const hook of this.hooks) await hook(tx, survey, response, answers);
      if (resp._inserted === true) {
        const [actor] = await tx.rows<{ name: string; region_id: number }>(
          'SELECT name, region_id FROM actor WHERE id = $1',
          [actorId],
        );
        await this.activity.record(tx, {
          type: ActivityType.SURVEY_RESPONDED,
          regionId: actor?.region_id ?? survey.regionId,
          subject: { type: 'Survey', id: survey.id },
          visibility: Visibility.NETWORK,
          actorIds: [actorId],
          // Who answered, never what: the answers are for the survey's coordinators.
          summary: `${actor?.name ?? 'Ein Akteur'} hat die Bedarfsabfrage „${survey.title}“ beantwortet`,
          data: { surveyId: toGlobalId('Survey', survey.id) },
        });
      }
      await this.audit.record(tx, viewer, {
        operation: 'submitSurveyResponse',
        targetIds: [toGlobalId('SurveyResponse', response.id), toGlobalId('Survey', survey.id)],
        regionId: survey.regionId,
      });
      return response;
    });
  }
}
