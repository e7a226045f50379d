// /mailbox without SMTP_URL: mails are kept, not sent; ADMINs and COORDINATORs read them in a
// browser (newest first, links clickable, WCAG 2.1 AA by axe-core); nobody else does.
import type { Browser } from 'playwright-core';
import { Role } from '../../../src/graphql/viewer';
import { renderMail } from '../../../src/modules/mail/render';
import { axeViolations, launchBrowser } from '../../clients/browser';
import { startTestHub, TestHub } from '../../helpers/test-hub';

let t: TestHub;
let browser: Browser;

beforeAll(async () => {
  t = await startTestHub();
  browser = await launchBrowser();
  const { db, mail } = t.hub.services;
  for (const [i, subject] of ['Erste Nachricht', 'Zweite Nachricht'].entries()) {
    const r = renderMail({
      subject,
      heading: subject,
      paragraphs: [`Nachricht Nummer ${i + 1} <script>alert(1)</script>`],
      actions: [{ label: 'Zur Meldung', url: `${t.hub.url}/link/token-${i + 1}` }],
    });
    await db.transaction((tx) =>
      mail.enqueue(tx, { to: `person${i}@example.org`, kind: 'test-mail', ...r }),
    );
  }
  await t.runJobsUntilIdle();
}, 120000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe('/mailbox', () => {
  it('keeps mails instead of sending them: no job, status KEPT', async () => {
    const rows = await t.hub.services.db.query<{ status: string }>(
      'SELECT status FROM mail_outbox',
    );
    expect(rows.map((r) => r.status)).toEqual(['KEPT', 'KEPT']);
    expect(await t.hub.services.queue.depth(t.hub.services.db.primary)).toEqual({
      pending: 0,
      failed: 0,
    });
  });

  it('asks for a token and refuses anonymous callers, members and bad tokens', async () => {
    const anon = await fetch(`${t.hub.url}/mailbox`);
    expect(anon.status).toBe(401);
    const body = await anon.text();
    expect(body).toContain('Anmelde-Token');
    expect(body).not.toContain('Erste Nachricht');

    const member = await t.token(Role.MEMBER);
    const asMember = await fetch(`${t.hub.url}/mailbox`, {
      headers: { authorization: `Bearer ${member}` },
    });
    expect(asMember.status).toBe(403);
    expect(await asMember.text()).not.toContain('example.org');

    const bad = await fetch(`${t.hub.url}/mailbox`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=garbage',
    });
    expect(bad.status).toBe(401);
    expect(await bad.text()).not.toContain('example.org');
  });

  it('shows a coordinator the mails newest first with clickable links, escaped, WCAG AA', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${t.hub.url}/mailbox`);
      expect(await page.locator('h1').textContent()).toBe('Postfach des Engagement-Hubs');
      expect(await axeViolations(page)).toEqual([]);
      await page.fill('#token', await t.token(Role.COORDINATOR));
      await page.click('button[type=submit]');
      await page.locator('article').first().waitFor();
      const subjects = await page.locator('article h2').allTextContents();
      expect(subjects).toEqual(['Zweite Nachricht', 'Erste Nachricht']);
      const link = page.locator('article').first().locator('a').first();
      expect(await link.getAttribute('href')).toBe(`${t.hub.url}/link/token-2`);
      expect(await page.locator('article script').count()).toBe(0);
      expect(await page.locator('article pre').first().textContent()).toContain('<script>');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
