// Shared set-up of the survey tests: documents, a survey created and opened by a coordinator,
// and the answer links read from the mails in the outbox.
import { GqlResponse, TestHub } from '../../helpers/test-hub';
import { withPg } from '../needs/need-fixtures';

type Err = { extensions?: Record<string, unknown>; message?: string };
export const code = (res: { errors?: Err[] }) => res.errors?.[0]?.extensions?.code;

export const CREATE = `mutation($input: CreateSurveyInput!) { createSurvey(input: $input) {
  id title status audience closesAt questions { id kind text options required needKind } } }`;
export const OPEN = `mutation($id: ID!) { openSurvey(id: $id) { id status opensAt invitedCount respondedCount } }`;
export const CLOSE = `mutation($id: ID!) { closeSurvey(id: $id) { id status } }`;
export const REMIND = `mutation($id: ID!) { remindSurvey(id: $id) }`;
export const SUBMIT = `mutation($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) {
  id submittedAt actor { id name } answers { question { id } choices text number } } }`;
export const SURVEY = `query($id: ID!) { node(id: $id) { ... on Survey {
  id status invitedCount respondedCount csvUrl unreachableActors { id name }
  results { question { id } answered average optionCounts { option count } }
  responseRates { region { name } invited responded rate }
  responses(first: 100) { totalCount nodes { id actor { id } answers { question { id } text choices number } } } } } }`;

export const QUESTIONS = [
  {
    kind: 'SINGLE_CHOICE',
    text: 'Wie oft trifft sich Ihr Verein?',
    options: ['wöchentlich', 'monatlich'],
    required: true,
  },
  { kind: 'MULTIPLE_CHOICE', text: 'Was fehlt Ihnen?', options: ['Räume', 'Helfende', 'Geld'] },
  { kind: 'TEXT', text: 'Was möchten Sie uns sagen?' },
  { kind: 'NUMBER', text: 'Wie viele Mitglieder haben Sie?' },
  { kind: 'SCALE', text: 'Wie zufrieden sind Sie mit der Koordination?' },
  { kind: 'NEED', text: 'Was brauchen Sie als Nächstes?', needKind: 'HELPERS' },
];

export function must<T>(res: GqlResponse<T>): T {
  if (!res.data || res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

let seq = 0;

export async function createSurvey(
  t: TestHub,
  token: string,
  regionId: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; questions: { id: string; kind: string }[] }> {
  const res = await t.gql<{
    createSurvey: { id: string; questions: { id: string; kind: string }[] };
  }>(
    CREATE,
    { input: { title: `Bedarfsabfrage ${++seq}`, regionId, questions: QUESTIONS, ...extra } },
    token,
  );
  return must(res).createSurvey;
}

/** The answer-link tokens mailed for a survey, by recipient, oldest first. */
export async function answerTokens(
  t: TestHub,
  title: string,
): Promise<Array<{ recipient: string; token: string; kind: string }>> {
  const rows = await withPg(
    t,
    async (c) =>
      (
        await c.query<{ recipient: string; text: string; kind: string }>(
          `SELECT recipient, text, kind FROM mail_outbox WHERE subject LIKE '%' || $1 || '%' ORDER BY id`,
          [`„${title}“`],
        )
      ).rows,
  );
  return rows.map((r) => ({
    recipient: r.recipient,
    kind: r.kind,
    token: /\/(?:link|umfrage)\/(a-[A-Za-z0-9_-]{43})/.exec(r.text)?.[1] ?? '',
  }));
}
