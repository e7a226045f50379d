// Signing in to the dashboard the way a coordinator does: the e-mail form, the mail that arrives
// at a real SMTP server, the link opened in the browser (`/app#link=...`, the workspace), and the
// same link opened a second time. German messages, axe-core clean, nothing loaded from another host.
import type { Browser } from 'playwright-core';
import { buildClients, clientsAreStale } from '../../src/clients/build-clients';
import { startSmtpSink, SmtpSink } from '../helpers/smtp-sink';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { withPg } from '../modules/needs/need-fixtures';
import { axeViolations, launchBrowser, pageErrors, requestOrigins } from './browser';

let hub: TestHub;
let sink: SmtpSink;
let browser: Browser;
let origin: string;

const ADDRESS = 'kathrin.sievers@example.org';

beforeAll(async () => {
  if (clientsAreStale()) await buildClients();
  browser = await launchBrowser();
  sink = await startSmtpSink();
  hub = await startTestHub({ seed: true, env: { SMTP_URL: sink.url } });
  origin = hub.hub.url.replace('localhost', '127.0.0.1');
  await withPg(hub, async (c) => {
    const amt = await c.query(`SELECT id FROM region WHERE name = 'Amt Büsum-Wesselburen'`);
    await c.query(
      `INSERT INTO account (email, display_name, role, region_ids)
       VALUES ($1, 'Kathrin Sievers', 'COORDINATOR', $2)`,
      [ADDRESS, [amt.rows[0].id]],
    );
  });
}, 120000);

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
  await sink?.stop();
});

describe('dashboard sign-in by e-mail', () => {
  test('asks for the address, mails a link, and the link opens the board once', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = pageErrors(page);
    const origins = requestOrigins(page);
    await page.goto(`${origin}/dashboard`);
    expect(await axeViolations(page)).toEqual([]);

    // A malformed address is refused in the page, before anything is sent.
    await page.getByLabel('Ihre E-Mail-Adresse').fill('kein-at-zeichen');
    await page.getByRole('button', { name: 'Anmeldelink senden' }).click();
    await expect(page.locator('.signin [role="alert"]').textContent()).resolves.toContain(
      'gültige E-Mail-Adresse',
    );

    await page.getByLabel('Ihre E-Mail-Adresse').fill(` ${ADDRESS.toUpperCase()} `);
    await page.getByRole('button', { name: 'Anmeldelink senden' }).click();
    const status = page.locator('.signin [role="status"]');
    await page.waitForFunction(() =>
      /ist ein Anmeldelink unterwegs/.test(
        document.querySelector('.signin [role="status"]')?.textContent ?? '',
      ),
    );
    await expect(status.textContent()).resolves.toContain('Postfach');
    expect(await axeViolations(page)).toEqual([]);

    await hub.runJobsUntilIdle();
    const [mail] = await sink.waitForMails(1);
    expect(sink.recipients[0]).toEqual([ADDRESS]);
    const link = /https?:\/\/[^\s"]+\/app#link=[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0];
    expect(link).toBeDefined();
    const path = new URL(link!).pathname + new URL(link!).hash;

    await page.close();

    // The link, opened from the mail in a new tab, signs in to the workspace (/app): the
    // coordinator's Lotsen queue, the board one link away, the token gone from the address.
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const tabErrors = pageErrors(tab);
    const tabOrigins = requestOrigins(tab);
    await tab.goto(`${origin}${path}`);
    await tab.getByRole('button', { name: 'Abmelden' }).waitFor();
    await tab.getByRole('heading', { name: 'Lotsen: Warteschlange' }).waitFor();
    await tab.getByRole('link', { name: 'Bedarfe und Netzwerk' }).waitFor();
    expect(tab.url()).not.toContain('link=');
    await expect(tab.evaluate(() => sessionStorage.length)).resolves.toBeGreaterThan(0);
    expect(await axeViolations(tab)).toEqual([]);

    // Signing out and opening the same link again: a plain German message, back to the form.
    await tab.getByRole('button', { name: 'Abmelden' }).click();
    await tab.getByLabel('Ihre E-Mail-Adresse').waitFor();
    await tab.goto('about:blank');
    await tab.goto(`${origin}${path}`);
    const alert = tab.locator('.signin [role="alert"]');
    await alert.waitFor({ state: 'visible' });
    await expect(alert.textContent()).resolves.toContain('neuen Anmeldelink');
    await expect(tab.evaluate(() => sessionStorage.length)).resolves.toBe(0);
    expect(await axeViolations(tab)).toEqual([]);

    expect([...errors, ...tabErrors]).toEqual([]);
    expect([...origins, ...tabOrigins].filter((o) => o !== origin)).toEqual([]);
    await tab.close();
  });
});
