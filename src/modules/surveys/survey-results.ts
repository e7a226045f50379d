// What coordinators read of a survey: counts, the unreachable actors, response rates per region
// one level down, aggregates per question, the responses as a connection and as CSV. Callers
// check canRunSurvey first; nothing here looks at the viewer.
import type { Database } from '../../db/database';
import { Connection, ConnectionArgs, paginate } from '../../graphql/pagination';
import { QuestionKind, Survey, SurveyResponse } from './survey.entity';

export interface SurveyCounts {
  surveyId: number;
  invited: number;
  responded: number;
}

export interface QuestionResult {
  questionId: string;
  answered: number;
  optionCounts: Array<{ option: string; count: number }>;
  average: number | null;
}

export class SurveyResults {
  constructor(
    private readonly db: Database,
    private readonly responseColumns: string,
    private readonly hydrateResponse: (row: Record<string, unknown>) => SurveyResponse,
  ) {}

  async counts(surveyIds: number[]): Promise<SurveyCounts[]> {
    if (surveyIds.length === 0) return [];
    const rows = await this.db.read<{ survey_id: number; invited: number; responded: number }>(
      `SELECT survey_id, count(*)::int AS invited, count(responded_at)::int AS responded
         FROM survey_invitation WHERE survey_id = ANY($1::int[]) GROUP BY survey_id`,
      [surveyIds],
    );
    return rows.map((r) => ({
      surveyId: Number(r.survey_id),
      invited: r.invited,
      responded: r.responded,
    }));
  }

  async needLinks(responseIds: number[]): Promise<Array<{ responseId: number; needId: number }>> {
    if (responseIds.length === 0) return [];
    const rows = await this.db.read<{ response_id: number; need_id: number }>(
      `SELECT response_id, need_id FROM survey_need WHERE response_id = ANY($1::int[])
        ORDER BY question_id, need_id`,
      [responseIds],
    );
    return rows.map((r) => ({ responseId: Number(r.response_id), needId: Number(r.need_id) }));
  }

  /** Invited actors without any address, by name: the coordinator phones them. */
  async unreachableActorIds(surveyId: number): Promise<number[]> {
    const rows = await this.db.read<{ actor_id: number }>(
      `SELECT i.actor_id FROM survey_invitation i JOIN actor a ON a.id = i.actor_id
        WHERE i.survey_id = $1 AND NOT i.reachable ORDER BY a.name COLLATE hub_german, a.id`,
      [surveyId],
    );
    return rows.map((r) => Number(r.actor_id));
  }

  /**
   * Per child region of the survey's region (with everything below it): invited and
   * responded. Actors right in the survey's region count for no child and are left out.
   */
  async responseRates(
    survey: Survey,
  ): Promise<Array<{ regionId: number; invited: number; responded: number; rate: number }>> {
    const rows = await this.db.read<{ id: number; invited: number; responded: number }>(
      `SELECT c.id, count(i.id)::int AS invited, count(i.responded_at)::int AS responded
         FROM region c
         LEFT JOIN region d ON d.path LIKE c.path || '%'
         LEFT JOIN survey_invitation i ON i.region_id = d.id AND i.survey_id = $1
        WHERE c.parent_id = $2
        GROUP BY c.id, c.name ORDER BY c.name COLLATE hub_german, c.id`,
      [survey.id, survey.regionId],
    );
    return rows.map((r) => ({
      regionId: Number(r.id),
      invited: r.invited,
      responded: r.responded,
      rate: r.invited === 0 ? 0 : r.responded / r.invited,
    }));
  }

  /** Aggregates per question, in question order, computed in SQL over the jsonb answers. */
  async results(survey: Survey): Promise<QuestionResult[]> {
    const rows = await this.db.read<{ qid: string; answered: number; average: number | null }>(
      `SELECT a->>'questionId' AS qid, count(*)::int AS answered,
              avg((a->>'number')::float8) AS average
         FROM survey_response r, jsonb_array_elements(r.answers) a
        WHERE r.survey_id = $1 GROUP BY 1`,
      [survey.id],
    );
    const choiceRows = await this.db.read<{ qid: string; choice: string; n: number }>(
      `SELECT a->>'questionId' AS qid, c AS choice, count(*)::int AS n
         FROM survey_response r, jsonb_array_elements(r.answers) a,
              jsonb_array_elements_text(a->'choices') c
        WHERE r.survey_id = $1 GROUP BY 1, 2`,
      [survey.id],
    );
    const choices = new Map<string, number>(
      choiceRows.map((c) => [`${c.qid}\u0000${c.choice}`, c.n]),
    );
    const byId = new Map(rows.map((r) => [r.qid, r]));
    return survey.questions.map((q) => {
      const r = byId.get(q.id);
      const numeric = q.kind === QuestionKind.NUMBER || q.kind === QuestionKind.SCALE;
      return {
        questionId: q.id,
        answered: r?.answered ?? 0,
        optionCounts: q.options.map((option) => ({
          option,
          count: choices.get(`${q.id}\u0000${option}`) ?? 0,
        })),
        average: numeric && r?.average != null ? Number(r.average) : null,
      };
    });
  }

  responses(surveyId: number, args: ConnectionArgs): Promise<Connection<SurveyResponse>> {
    return paginate(
      this.db,
      {
        sql: `SELECT ${this.responseColumns}, sr.id AS _k0 FROM survey_response sr
               WHERE sr.survey_id = $1`,
        params: [surveyId],
        directions: ['ASC'],
        hydrate: this.hydrateResponse,
      },
      args,
    );
  }

  /** Every response with its actor's name, in answer order (the CSV). */
  async allResponses(surveyId: number): Promise<Array<SurveyResponse & { actorName: string }>> {
    const rows = await this.db.read(
      `SELECT ${this.responseColumns}, a.name AS _actor_name FROM survey_response sr
         JOIN actor a ON a.id = sr.actor_id WHERE sr.survey_id = $1 ORDER BY sr.id`,
      [surveyId],
    );
    return rows.map((r) =>
      Object.assign(this.hydrateResponse(r), { actorName: String(r._actor_name) }),
    );
  }
}
