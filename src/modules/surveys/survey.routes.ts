// GET /surveys/<id>/responses.csv (Survey.csvUrl): every response of a survey as CSV for its
// coordinators, with the Bearer token as in the API. UTF-8 with a byte order mark (spreadsheet
// programs then show umlauts), separated by semicolons as German spreadsheets expect, one row
// per response, one column per question. A cell starting with = + - @ (or a tab or carriage
// return) is prefixed with ' so no spreadsheet runs it as a formula.
import type { FastifyInstance } from 'fastify';
import { decodeGlobalId } from '../../graphql/global-id';
import type { Viewer } from '../../graphql/viewer';
import type { RouteDeps } from '../define-module';
import type { SurveyResults } from './survey-results';
import { canRunSurvey } from './survey.permissions';
import { QuestionKind, Survey, SurveyResponse } from './survey.entity';
import type { SurveyService } from './survey.service';

const BOM = '\uFEFF';

/** One CSV cell: formula injection neutralised, then quoted when needed. */
export function csvCell(value: string | number | null): string {
  let s = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function surveyCsv(
  survey: Survey,
  responses: Array<SurveyResponse & { actorName: string }>,
): string {
  const header = ['Akteur', 'Abgegeben', ...survey.questions.map((q) => q.text)];
  const lines = [header.map(csvCell).join(';')];
  for (const r of responses) {
    const byQ = new Map(r.answers.map((a) => [a.questionId, a]));
    const cells: Array<string | number | null> = [r.actorName, r.submittedAt.toISOString()];
    for (const q of survey.questions) {
      const a = byQ.get(q.id);
      if (!a) cells.push(null);
      else if (a.choices.length) cells.push(a.choices.join(', '));
      else if (q.kind === QuestionKind.NEED) cells.push(`${a.number ?? 1} × ${a.text ?? ''}`);
      else cells.push(a.text ?? (a.number != null ? String(a.number).replace('.', ',') : null));
    }
    lines.push(cells.map(csvCell).join(';'));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

export function registerSurveyRoutes(
  app: FastifyInstance,
  surveys: SurveyService,
  results: SurveyResults,
  deps: RouteDeps,
): void {
  app.get<{ Params: { id: string } }>('/surveys/:id/responses.csv', async (req, reply) => {
    const text = (status: number, body: string) =>
      reply
        .code(status)
        .header('content-type', 'text/plain; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(body);
    let viewer: Viewer;
    try {
      if (!req.headers.authorization) return text(401, 'Bitte melden Sie sich an.');
      viewer = await deps.viewerFor(req.headers.authorization, req.ip);
    } catch {
      return text(401, 'Das Token ist nicht gültig oder abgelaufen.');
    }
    const decoded = decodeGlobalId(req.params.id);
    const [survey] = decoded?.type === 'Survey' ? await surveys.byIds([decoded.id]) : [];
    // Absent and not yours answer alike: nothing tells a stranger that the survey exists.
    const path = survey ? await surveys.regionPathOf(survey.regionId) : [];
    if (!survey || !canRunSurvey(viewer, path)) {
      return text(404, 'Diese Umfrage gibt es nicht, oder Sie dürfen ihre Antworten nicht sehen.');
    }
    const csv = surveyCsv(survey, await results.allResponses(survey.id));
    return reply
      .code(200)
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="bedarfsabfrage-${survey.id}.csv"`)
      .header('cache-control', 'no-store')
      .send(csv);
  });
}
