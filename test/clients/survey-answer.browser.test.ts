// The survey answer page (/umfrage/<token>) in Chromium: axe-clean, answered by keyboard alone,
// with the German message at the question when a required answer is missing.
import type { Browser } from 'playwright-core';
import { Role } from '../../src/graphql/viewer';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { demoIds } from '../modules/actors/demo-ids';
import { answerTokens, createSurvey, must, OPEN } from '../modules/surveys/survey-fixtures';
import { axeViolations, launchBrowser, pageErrors, requestOrigins, screenshot } from './browser';

let hub: TestHub;
let browser: Browser;
let origin: string;
let token: string;

beforeAll(async () => {
  browser = await launchBrowser();
  hub = await startTestHub({ seed: true });
  origin = hub.hub.url.replace('localhost', '127.0.0.1');
  const ids = await demoIds(hub);
  const coordinator = await hub.token(Role.COORDINATOR, { regionIds: [ids.region('Wesselburen')] });
  const s = await createSurvey(hub, coordinator, ids.region('Wesselburen'));
  const { node } = must(
    await hub.gql<{ node: { title: string } }>(
      'query($id: ID!) { node(id: $id) { ... on Survey { title } } }',
      { id: s.id },
      coordinator,
    ),
  );
  must(await hub.gql(OPEN, { id: s.id }, coordinator));
  [{ token }] = await answerTokens(hub, node.title);
}, 120000);

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

test('is answered by keyboard, with the message at the missing answer', async () => {
  const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
  const errors = pageErrors(page);
  const origins = requestOrigins(page);
  await page.goto(`${origin}/umfrage/${token}`);
  expect(await axeViolations(page)).toEqual([]);
  // Submit at once: the required first question is missing.
  await page.getByRole('button', { name: 'Antworten absenden' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('alert').waitFor();
  await expect(page.locator('.error').nth(1).textContent()).resolves.toBe(
    'Bitte beantworten Sie diese Frage.',
  );
  expect(await axeViolations(page)).toEqual([]);
  // The first question by keyboard: focus its first option, choose with Space, send.
  await page.locator('input[type="radio"]').first().focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Antworten absenden' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Vielen Dank!' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, 'survey-answer-375');
  expect(errors).toEqual([]);
  expect([...origins]).toEqual([origin]);
  await page.close();
});
