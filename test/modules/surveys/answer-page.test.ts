// The answer page an invited actor reaches from the mail (/umfrage/<token>; /link/<token> of an
// answer link forwards there): a plain form of the survey's questions, German messages at the
// question that needs another look, the answers stored as submitSurveyResponse stores them, and
// shown again (to change them) while the survey is open.
import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { answerTokens, createSurvey, must, OPEN, SURVEY } from './survey-fixtures';

describe('survey answer page', () => {
  let t: TestHub;
  let base: string;
  let coordinator: string;
  let survey: { id: string; title: string; questions: { id: string; kind: string }[] };
  let token: string;

  const post = (path: string, form: Array<[string, string]>) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    base = t.url.replace(/\/graphql$/, '');
    const ids = await demoIds(t);
    coordinator = await t.token(Role.COORDINATOR, { regionIds: [ids.region('Wesselburen')] });
    const created = await createSurvey(t, coordinator, ids.region('Wesselburen'));
    const title = must(
      await t.gql<{ node: { title: string } }>(
        'query($id: ID!) { node(id: $id) { ... on Survey { title } } }',
        { id: created.id },
        coordinator,
      ),
    ).node.title;
    survey = { ...created, title };
    must(await t.gql(OPEN, { id: survey.id }, coordinator));
    [{ token }] = await answerTokens(t, title);
    expect(token).toMatch(/^a-/);
  }, 120_000);
  afterAll(() => t?.stop());

  it('opens from the mail link as a German form of every question', async () => {
    const forwarded = await fetch(`${base}/link/${token}`, { redirect: 'manual' });
    expect(forwarded.status).toBe(303);
    expect(forwarded.headers.get('location')).toBe(`/umfrage/${token}`);
    const res = await fetch(`${base}/umfrage/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('Wie oft trifft sich Ihr Verein?');
    expect(html).toContain('type="radio" name="q_');
    expect(html).toContain('type="checkbox"');
    expect(html).toContain('Was wird gebraucht?');
    expect(html).toContain('Antworten absenden');
    expect(html).toMatch(/Für: <strong>[^<]+<\/strong>/);
  });

  it('shows a missing required answer at its question, writing nothing', async () => {
    const q = survey.questions;
    const res = await post(`/umfrage/${token}`, [[`q_${q[2].id}`, 'Nur ein Text']]);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Bitte beantworten Sie diese Frage.');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('Nur ein Text'); // what was typed stays
    const data = must(
      await t.gql<{ node: { respondedCount: number } }>(SURVEY, { id: survey.id }, coordinator),
    );
    expect(data.node.respondedCount).toBe(0);
  });

  it('stores the answers, a need answer as a draft, and shows them again to change', async () => {
    const q = survey.questions;
    const res = await post(`/umfrage/${token}`, [
      [`q_${q[0].id}`, 'monatlich'],
      [`q_${q[1].id}`, 'Räume'],
      [`q_${q[1].id}`, 'Geld'],
      [`q_${q[2].id}`, 'Ein <b>Dank</b> an alle'],
      [`q_${q[3].id}`, '42'],
      [`q_${q[4].id}`, '4'],
      [`q_${q[5].id}_title`, 'Helfende für das Sommerfest'],
      [`q_${q[5].id}_qty`, '6'],
    ]);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Vielen Dank!');
    const data = must(
      await t.gql<{
        node: {
          respondedCount: number;
          responses: {
            nodes: Array<{
              answers: Array<{ text: string | null; choices: string[]; number: number | null }>;
            }>;
          };
        };
      }>(SURVEY, { id: survey.id }, coordinator),
    ).node;
    expect(data.respondedCount).toBe(1);
    const answers = data.responses.nodes[0].answers;
    expect(answers.map((a) => a.choices)).toContainEqual(['Räume', 'Geld']);
    expect(answers.map((a) => a.text)).toContain('Ein <b>Dank</b> an alle');
    expect(answers.map((a) => a.number)).toEqual(expect.arrayContaining([42, 4, 6]));
    // The form again, filled in, the markup escaped.
    const again = await (await fetch(`${base}/umfrage/${token}`)).text();
    expect(again).toContain('value="monatlich" id="q_');
    expect(again).toMatch(/value="monatlich"[^>]* checked/);
    expect(again).toContain('Ein &#60;b&#62;Dank&#60;/b&#62; an alle');
    expect(again).toContain('value="Helfende für das Sommerfest"');
  });

  it('says plainly when a link is not valid', async () => {
    const res = await fetch(`${base}/umfrage/a-${'x'.repeat(43)}`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Dieser Antwort-Link ist nicht (mehr) gültig.');
  });
});
