// The widget's view="faq" on a municipality's site: the published answers of the
// Ehrenamtslotsen, searched with the hub's German search (a compound part, a typo), each opening
// in place by keyboard; German messages, axe-clean, nothing loaded from another host.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { buildClients, clientsAreStale } from '../../src/clients/build-clients';
import { demoIds } from '../modules/actors/demo-ids';
import { withPg } from '../modules/needs/need-fixtures';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { axeViolations, launchBrowser, pageErrors, requestOrigins, screenshot } from './browser';

let hub: TestHub;
let browser: Browser;
let origin: string;
let site: http.Server;
let siteOrigin: string;
let region: string;

const ARTICLES: Array<[string, string, string]> = [
  [
    'INSURANCE',
    'Sind Helfende beim Vereinsfest versichert?',
    'Ehrenamtliche sind über die Sammelversicherung des Landes geschützt.',
  ],
  ['TAX', 'Wie hoch ist die Übungsleiterpauschale?', 'Bis zu 3.300 Euro im Jahr sind steuerfrei.'],
  [
    'DATA_PROTECTION',
    'Dürfen wir die Mitgliederliste weitergeben?',
    'Nur mit Einwilligung der Mitglieder.',
  ],
];

beforeAll(async () => {
  if (clientsAreStale()) await buildClients();
  browser = await launchBrowser();
  hub = await startTestHub({ seed: true });
  origin = hub.hub.url.replace('localhost', '127.0.0.1');
  const ids = await demoIds(hub);
  region = ids.region('Büsum');
  // Published answers, as publishAnswer leaves them (its flow is tested in the consultations tests).
  await withPg(hub, async (c) => {
    for (const [area, title, body] of ARTICLES) {
      await c.query(`INSERT INTO knowledge_article (area, title, body) VALUES ($1, $2, $3)`, [
        area,
        title,
        body,
      ]);
    }
  });
  site = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="de"><head><title>Gemeinde Büsum</title></head>
      <body><main><h1>Fragen rund ums Ehrenamt</h1>
      <engagement-needs view="faq" region="${region}" limit="10"></engagement-needs></main>
      <script src="${origin}/widget.js" defer></script></body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
}, 120000);

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
  site?.closeAllConnections();
  await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
});

test('lists the answers, finds them by a word part and a typo, opens one by keyboard', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = pageErrors(page);
  const origins = requestOrigins(page);
  await page.goto(`${siteOrigin}/`);
  const items = page.locator('engagement-needs ul.faq > li');
  await items.first().waitFor({ timeout: 10000 });
  expect(await items.count()).toBe(ARTICLES.length);
  // Members ask what is not answered yet, in the hub's workspace.
  await expect(
    page.getByRole('link', { name: 'Frage an die Lotsen stellen' }).getAttribute('href'),
  ).resolves.toBe(`${origin}/app#/lotsen/neu`);
  expect(await axeViolations(page)).toEqual([]);

  const search = async (text: string) => {
    await page.getByLabel('Frage oder Stichwort').fill(text);
    await page.getByLabel('Frage oder Stichwort').press('Enter');
    await page.waitForFunction(
      (t) =>
        (
          document.querySelector('engagement-needs')!.shadowRoot!.querySelector('[role="status"]')
            ?.textContent ?? ''
        ).includes(`„${t}“`),
      text,
    );
  };
  // A part of a compound word finds the Übungsleiterpauschale.
  await search('Pauschale');
  await expect(page.locator('engagement-needs .faq-count').textContent()).resolves.toBe(
    'Eine Antwort zu „Pauschale“.',
  );
  await expect(page.locator('engagement-needs ul.faq summary').allTextContents()).resolves.toEqual([
    'Wie hoch ist die Übungsleiterpauschale?',
  ]);
  // A typo still finds the insurance answer.
  await search('Versicherug');
  await expect(
    page.locator('engagement-needs ul.faq summary').allTextContents(),
  ).resolves.toContain('Sind Helfende beim Vereinsfest versichert?');
  // The answer opens by keyboard.
  await page.locator('engagement-needs ul.faq summary').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('engagement-needs ul.faq .answer').first().isVisible()).resolves.toBe(
    true,
  );
  await expect(
    page.locator('engagement-needs ul.faq .meta').first().textContent(),
  ).resolves.toMatch(/^Versicherungen · /);
  // Nothing found: said plainly.
  await search('Blumenkohl');
  await expect(page.locator('engagement-needs .faq-count').textContent()).resolves.toBe(
    'Zu „Blumenkohl“ gibt es noch keine Antwort.',
  );
  expect(await items.count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, 'widget-faq');
  expect(errors).toEqual([]);
  expect([...origins].filter((o) => o !== siteOrigin && o !== origin)).toEqual([]);
  await page.close();
});
