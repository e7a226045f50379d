// /umfrage/<token>: the answer page the invitation mail's link leads to (/link/<token> of a
// survey link forwards here). A plain HTML form, no JavaScript, so it works from any mail client
// and any browser: GET shows the survey's questions with the actor's earlier answers filled in,
// POST submits them with the token through SurveyService.submit (the same checks as
// submitSurveyResponse) and shows the result, or the form again with a German message at the
// question that needs another look.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { parse as parseQuery } from 'node:querystring';
import { DomainError, RateLimitedError } from '../../graphql/errors';
import { publicViewer } from '../../graphql/viewer';
import { RateLimiter } from '../../server/rate-limit';
import type { RouteDeps } from '../define-module';
import { escapeHtml as esc, tokenPageHeaders } from '../shared/html';
import { useLinkRule } from '../links/link-rules';
import { QuestionKind, type StoredAnswer, type StoredQuestion, type Survey } from './survey.entity';
import type { SurveyService } from './survey.service';
import type { AnswerData } from './survey-validation';

export const SURVEY_PAGE_PATH = '/umfrage';

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)} · Engagement-Hub</title>
<style>
  body { margin: 0; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1f2933; background: #f3f5f8; line-height: 1.5; }
  main { max-width: 42rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border: 1px solid #d5dde6; border-radius: 6px; }
  h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
  fieldset { border: 1px solid #d5dde6; border-radius: 6px; margin: 0 0 1rem; padding: .75rem 1rem 1rem; }
  legend { font-weight: 600; padding: 0 .25rem; }
  label { display: block; margin: .25rem 0; }
  .field label { font-weight: 600; }
  input[type=text], input[type=number], textarea { width: 100%; box-sizing: border-box; font: inherit; padding: .45rem .55rem; border: 1px solid #6b7280; border-radius: 4px; }
  textarea { min-height: 5rem; }
  .hint { color: #4b5563; font-size: .95rem; }
  .error { color: #9b1c1c; font-weight: 600; margin: .25rem 0; }
  .ok { color: #0b5a41; font-weight: 600; }
  button { padding: .6rem 1.1rem; font: inherit; font-weight: 600; background: #0b6e4f; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  :focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function messagePage(title: string, text: string): string {
  return page(title, `<h1>${esc(title)}</h1>\n<p role="status">${esc(text)}</p>`);
}

/** The German word for what an answer lacks, from the validation's (English) reason. */
function germanProblem(message: string): string {
  if (/is required/.test(message)) return 'Bitte beantworten Sie diese Frage.';
  if (/whole number from 1 to 5/.test(message)) return 'Bitte wählen Sie einen Wert von 1 bis 5.';
  if (/needs a number/.test(message)) return 'Bitte geben Sie eine Zahl ein.';
  if (/needs a quantity/.test(message)) return 'Bitte geben Sie eine Anzahl von 1 bis 10.000 an.';
  if (/needs a title|needs a need/.test(message))
    return 'Bitte nennen Sie in höchstens 200 Zeichen, was gebraucht wird.';
  if (/choice/.test(message)) return 'Bitte wählen Sie eine der angebotenen Antworten.';
  if (/longer than|characters/.test(message)) return 'Diese Antwort ist zu lang.';
  return 'Bitte prüfen Sie diese Antwort.';
}

interface FormState {
  answers: Map<string, StoredAnswer | AnswerData>;
  errorAt?: string;
  error?: string;
}

function questionHtml(q: StoredQuestion, i: number, state: FormState): string {
  const name = `q_${q.id}`;
  const a = state.answers.get(q.id);
  const err =
    state.errorAt === q.id
      ? `<p class="error" id="${name}-error">${esc(state.error ?? '')}</p>`
      : '';
  const described = err ? ` aria-describedby="${name}-error" aria-invalid="true"` : '';
  const req = q.required ? ' <span class="hint">(Pflichtfrage)</span>' : '';
  const title = `${i + 1}. ${esc(q.text)}${req}`;
  const chosen = new Set(a?.choices ?? []);
  switch (q.kind) {
    case QuestionKind.SINGLE_CHOICE:
    case QuestionKind.MULTIPLE_CHOICE: {
      const type = q.kind === QuestionKind.SINGLE_CHOICE ? 'radio' : 'checkbox';
      const options = q.options
        .map(
          (o, k) =>
            `<label><input type="${type}" name="${name}" value="${esc(o)}" id="${name}-${k}"${chosen.has(o) ? ' checked' : ''}${described}> ${esc(o)}</label>`,
        )
        .join('\n');
      return `<fieldset><legend>${title}</legend>${err}\n${options}</fieldset>`;
    }
    case QuestionKind.SCALE: {
      const options = [1, 2, 3, 4, 5]
        .map(
          (v) =>
            `<label><input type="radio" name="${name}" value="${v}"${a?.number === v ? ' checked' : ''}${described}> ${v}${v === 1 ? ' (gar nicht)' : v === 5 ? ' (sehr)' : ''}</label>`,
        )
        .join('\n');
      return `<fieldset><legend>${title}</legend>${err}\n${options}</fieldset>`;
    }
    case QuestionKind.NUMBER:
      return `<div class="field"><label for="${name}">${title}</label>${err}
<input type="number" id="${name}" name="${name}" step="any" value="${a?.number ?? ''}"${described}></div>`;
    case QuestionKind.TEXT:
      return `<div class="field"><label for="${name}">${title}</label>${err}
<textarea id="${name}" name="${name}" maxlength="5000"${described}>${esc(a?.text ?? '')}</textarea></div>`;
    case QuestionKind.NEED: {
      const title2 = esc(
        a?.text ?? ('need' in (a ?? {}) ? ((a as AnswerData).need?.title ?? '') : ''),
      );
      const qty =
        a?.number ?? ('need' in (a ?? {}) ? ((a as AnswerData).need?.quantity ?? '') : '');
      return `<fieldset><legend>${title}</legend>${err}
<p class="hint">Was Sie hier nennen, sieht zuerst nur die Koordination; sie stellt es als Bedarf ein.</p>
<label for="${name}-title">Was wird gebraucht?</label>
<input type="text" id="${name}-title" name="${name}_title" maxlength="200" value="${title2}"${described}>
<label for="${name}-qty">Wie viele?</label>
<input type="number" id="${name}-qty" name="${name}_qty" min="1" max="10000" step="1" value="${qty}"></fieldset>`;
    }
  }
}

function formPage(survey: Survey, actorName: string, token: string, state: FormState): string {
  const intro = survey.introduction ? `<p>${esc(survey.introduction)}</p>` : '';
  const until = survey.closesAt
    ? `<p class="hint">Antworten ist möglich bis ${esc(
        new Intl.DateTimeFormat('de-DE', {
          timeZone: 'Europe/Berlin',
          dateStyle: 'long',
          timeStyle: 'short',
        }).format(survey.closesAt),
      )} Uhr. Sie können Ihre Antworten bis dahin ändern.</p>`
    : '';
  const summary = state.error
    ? `<p class="error" role="alert">Bitte sehen Sie sich die markierte Frage noch einmal an.</p>`
    : '';
  const questions = survey.questions.map((q, i) => questionHtml(q, i, state)).join('\n');
  return page(
    survey.title,
    `<h1>${esc(survey.title)}</h1>
<p>Für: <strong>${esc(actorName)}</strong></p>
${intro}${until}${summary}
<form method="post" action="${SURVEY_PAGE_PATH}/${esc(token)}" novalidate>
${questions}
<button type="submit">Antworten absenden</button>
</form>`,
  );
}

/** The submitted form as the service's answers (unanswered questions left out). */
function answersFromForm(
  survey: Survey,
  body: Record<string, string | string[] | undefined>,
): AnswerData[] {
  const list = (v: string | string[] | undefined) =>
    v === undefined ? [] : Array.isArray(v) ? v : [v];
  const one = (v: string | string[] | undefined) => list(v)[0]?.trim() ?? '';
  const num = (s: string) => (s === '' ? null : Number(s.replace(',', '.')));
  const out: AnswerData[] = [];
  for (const q of survey.questions) {
    const name = `q_${q.id}`;
    switch (q.kind) {
      case QuestionKind.SINGLE_CHOICE:
      case QuestionKind.MULTIPLE_CHOICE: {
        const choices = list(body[name])
          .map((c) => c.trim())
          .filter(Boolean);
        if (choices.length) out.push({ questionId: q.id, choices });
        break;
      }
      case QuestionKind.SCALE:
      case QuestionKind.NUMBER: {
        const n = num(one(body[name]));
        if (n !== null) out.push({ questionId: q.id, number: n });
        break;
      }
      case QuestionKind.TEXT: {
        const text = one(body[name]);
        if (text) out.push({ questionId: q.id, text });
        break;
      }
      case QuestionKind.NEED: {
        const title = one(body[`${name}_title`]);
        const quantity = num(one(body[`${name}_qty`]));
        if (title || quantity !== null)
          out.push({ questionId: q.id, need: { title, quantity: quantity ?? 1 } });
        break;
      }
    }
  }
  return out;
}

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return tokenPageHeaders(reply, status).send(body);
}

export function registerSurveyAnswerPage(
  app: FastifyInstance,
  surveys: SurveyService,
  deps: RouteDeps,
): void {
  const load = (token: string) => surveys.invitationOfToken(token);
  const invalid = () =>
    messagePage(
      'Link nicht gültig',
      'Dieser Antwort-Link ist nicht (mehr) gültig. Wenn die Bedarfsabfrage noch läuft, schickt Ihnen die Koordination gern einen neuen.',
    );
  const notOpen = (s: Survey) =>
    messagePage(
      s.title,
      'Diese Bedarfsabfrage nimmt keine Antworten mehr an. Vielen Dank für Ihr Interesse!',
    );

  const limited = async (ip: string, reply: FastifyReply): Promise<boolean> => {
    try {
      await deps.rateLimiter.checkStrict(useLinkRule, RateLimiter.ipKey(publicViewer(ip)));
      return false;
    } catch (e) {
      if (!(e instanceof RateLimitedError)) throw e;
      void reply.header('retry-after', String(e.retryAfterSeconds));
      html(
        reply,
        429,
        messagePage('Bitte warten', 'Zu viele Versuche von hier. Bitte warten Sie einige Minuten.'),
      );
      return true;
    }
  };

  app.get<{ Params: { token: string } }>(`${SURVEY_PAGE_PATH}/:token`, async (req, reply) => {
    if (await limited(req.ip, reply)) return reply;
    const token = req.params.token.slice(0, 200);
    const found = await load(token);
    if (!found) return html(reply, 404, invalid());
    if (!found.open) return html(reply, 409, notOpen(found.survey));
    const answers = new Map((found.answers ?? []).map((a) => [a.questionId, a] as const));
    return html(reply, 200, formPage(found.survey, found.actorName, token, { answers }));
  });

  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) => done(null, parseQuery(String(body))),
    );
    scope.post<{ Params: { token: string }; Body: Record<string, string | string[] | undefined> }>(
      `${SURVEY_PAGE_PATH}/:token`,
      async (req, reply) => {
        if (await limited(req.ip, reply)) return reply;
        const token = req.params.token.slice(0, 200);
        const found = await load(token);
        if (!found) return html(reply, 404, invalid());
        if (!found.open) return html(reply, 409, notOpen(found.survey));
        const answers = answersFromForm(found.survey, req.body ?? {});
        try {
          await surveys.submit(publicViewer(req.ip), {
            surveyId: found.survey.id,
            invitationToken: token,
            answers,
          });
        } catch (e) {
          if (e instanceof DomainError && e.code === 'BAD_USER_INPUT') {
            const field = String(e.extensions.field ?? '');
            const questionId = field.startsWith('answers.')
              ? field.slice('answers.'.length)
              : undefined;
            return html(
              reply,
              400,
              formPage(found.survey, found.actorName, token, {
                answers: new Map(answers.map((a) => [a.questionId, a] as const)),
                errorAt: questionId ?? found.survey.questions[0]?.id,
                error: germanProblem(e.message),
              }),
            );
          }
          if (e instanceof DomainError && e.code === 'CONFLICT')
            return html(reply, 409, notOpen(found.survey));
          if (e instanceof DomainError && e.code === 'FORBIDDEN')
            return html(reply, 404, invalid());
          throw e;
        }
        return html(
          reply,
          200,
          page(
            'Vielen Dank',
            `<h1>Vielen Dank!</h1>
<p class="ok" role="status">Ihre Antworten für ${esc(found.actorName)} sind angekommen.</p>
<p>Solange die Bedarfsabfrage läuft, können Sie sie mit dem Link aus Ihrer E-Mail noch ändern: <a href="${SURVEY_PAGE_PATH}/${esc(token)}">Antworten ansehen und ändern</a>.</p>`,
          ),
        );
      },
    );
  });
}
