// The workspace (/app) in headless Chromium, the Lotsen flow across three people: a club member
// asks by keyboard only (an empty subject refused by the API and shown at the field), the
// coordinator sees it in the queue with the suggested pilots and their German reasons, tries a
// full pilot (CONFLICT shown plainly, with "assign anyway") and assigns another, the pilot
// answers, and the member's open thread shows the answer when the page regains focus; the reply
// mail's link, opened signed out, leads through a sign-in link to the thread. A member
// who opens the coordinator's queue by URL gets a plain German "not allowed" page. axe-core on
// every screen, screenshots at 768 and 375 px, nothing loaded from another host.
import type { Browser, Page } from 'playwright-core';
import { buildClients, clientsAreStale } from '../../src/clients/build-clients';
import { Role } from '../../src/graphql/viewer';
import { startSmtpSink, SmtpSink } from '../helpers/smtp-sink';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { waitFor } from '../helpers/wait-for';
import { demoIds } from '../modules/actors/demo-ids';
import { createPilot, pilotToken } from '../modules/consultations/consultation-fixtures';
import { dbId, withPg } from '../modules/needs/need-fixtures';
import { axeViolations, launchBrowser, pageErrors, requestOrigins, screenshot } from './browser';

let hub: TestHub;
let sink: SmtpSink;
let browser: Browser;
let origin: string;
let member: string;
let coordinator: string;
let pilot: string;
const problems: string[] = [];
const origins = new Set<string>();

const SUBJECT = 'Übungsleiterpauschale im Verein';
const QUESTION = 'Dürfen wir unserer Trainerin die Übungsleiterpauschale auszahlen?';
const ANSWER = 'Ja, bis 3.000 € im Jahr steuerfrei, wenn der Verein gemeinnützig ist.';
const BOARD = 'vorstand@sv-buesum.example.org';

beforeAll(async () => {
  if (clientsAreStale()) await buildClients();
  browser = await launchBrowser();
  sink = await startSmtpSink();
  hub = await startTestHub({ seed: true, env: { SMTP_URL: sink.url } });
  origin = hub.hub.url.replace('localhost', '127.0.0.1');
  const ids = await demoIds(hub);
  const admin = await hub.token(Role.ADMIN);
  const region = ids.region('Kreis Dithmarschen');
  await createPilot(hub, admin, {
    displayName: 'Petra Voll',
    regionIds: [region],
    monthlyCapacity: 0,
  });
  const hansen = await createPilot(hub, admin, {
    displayName: 'Dr. Jens Hansen',
    regionIds: [region],
    monthlyCapacity: 2,
  });
  pilot = await pilotToken(hub, hansen);
  const club = ids.actor('Sportverein Büsum');
  member = await hub.token(Role.MEMBER, { actorIds: [club] });
  // The club's board has an account with an address: the pilot's reply is mailed there.
  await withPg(hub, (c) =>
    c.query(
      `INSERT INTO account (email, display_name, role, actor_ids) VALUES ($1, 'Vorstand', 'MEMBER', $2)`,
      [BOARD, [dbId(club)]],
    ),
  );
  coordinator = await hub.token(Role.COORDINATOR, { regionIds: [ids.region('Büsum')] });
}, 120000);

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
  await sink?.stop();
});

/** The path (with fragment) of the first hub link in a mail to `to` that matches `pattern`. */
async function linkInMail(to: string, pattern: RegExp): Promise<string> {
  return waitFor(`a mail to ${to} with ${pattern}`, async () => {
    await hub.runJobsUntilIdle();
    for (let i = 0; i < sink.mails.length; i++) {
      if (!sink.recipients[i].includes(to)) continue;
      const m = pattern.exec(sink.mails[i].text ?? '');
      if (m) return new URL(m[0]).pathname + new URL(m[0]).hash;
    }
    return false;
  });
}

/** A tab signed in with `token` (kept in sessionStorage, as the sign-in page does). */
async function signedIn(token: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.addInitScript((t) => {
    // Only once per tab, so signing out stays signed out after the reload.
    if (!sessionStorage.getItem('test.seeded')) {
      sessionStorage.setItem('test.seeded', '1');
      sessionStorage.setItem('engagement-hub.token', t);
    }
  }, token);
  problems.push(...pageErrors(page));
  const seen = requestOrigins(page);
  page.on('close', () => seen.forEach((o) => origins.add(o)));
  return page;
}

async function heading(page: Page, text: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text }).waitFor();
}

/** axe-core and a screenshot of the screen as it is, at tablet (768 px) and phone (375 px) width. */
async function checkScreen(page: Page, name: string): Promise<void> {
  const before = page.viewportSize()!;
  for (const [width, height] of [
    [768, 1024],
    [375, 812],
  ]) {
    await page.setViewportSize({ width, height });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `app-${name}-${width}`);
  }
  await page.setViewportSize(before);
}

/** Presses Tab until `target` has the focus (at most 30 times): the keyboard path. */
async function tabTo(page: Page, target: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (await page.locator(target).evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

describe('workspace: the Lotsen', () => {
  let memberPage: Page;
  let consultationUrl: string;

  test('a member asks by keyboard only; an empty subject is refused at the field', async () => {
    memberPage = await signedIn(member, 768);
    await memberPage.goto(`${origin}/app`);
    await heading(memberPage, 'Unsere Fragen an die Lotsen');
    expect(memberPage.url()).toContain('#/lotsen');
    await expect(memberPage.getByRole('navigation').textContent()).resolves.toContain(
      'Lotsen fragen',
    );
    // Neither the coordinator's queue nor the dashboard is offered to a member.
    await expect(memberPage.getByRole('navigation').textContent()).resolves.not.toContain(
      'Warteschlange',
    );
    await checkScreen(memberPage, 'member-list');

    await tabTo(memberPage, 'main a.button');
    await memberPage.keyboard.press('Enter');
    await heading(memberPage, 'Die Lotsen fragen');
    await tabTo(memberPage, '#ask-subject');
    // Enter in the empty subject sends the form; the hub refuses it, naming the field.
    await memberPage.keyboard.press('Enter');
    const subjectError = memberPage.locator('#ask-subject-error');
    await subjectError.waitFor({ state: 'visible' });
    await expect(subjectError.textContent()).resolves.toContain('Betreff');
    await expect(memberPage.locator('#ask-subject').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await expect(
      memberPage.locator('#ask-subject').evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    await checkScreen(memberPage, 'member-ask-error');

    await memberPage.keyboard.type(SUBJECT);
    await memberPage.keyboard.press('Tab');
    await memberPage.keyboard.type(QUESTION);
    await tabTo(memberPage, 'form button[type="submit"]');
    await memberPage.keyboard.press('Enter');
    await heading(memberPage, SUBJECT);
    await expect(memberPage.locator('.question').textContent()).resolves.toBe(QUESTION);
    await expect(memberPage.locator('main .status').textContent()).resolves.toContain(
      'noch kein Lotse',
    );
    consultationUrl = memberPage.url();
    expect(consultationUrl).toMatch(/\/app#\/lotsen\/[A-Za-z0-9_-]+$/);
    await checkScreen(memberPage, 'member-thread');
  });

  test('a member who opens the coordinator queue by URL is told plainly it is not allowed', async () => {
    const page = await signedIn(member, 375);
    await page.goto(`${origin}/app#/lotsen/warteschlange`);
    await heading(page, 'Dafür fehlt Ihnen die Berechtigung');
    await expect(page.locator('main').textContent()).resolves.not.toContain(SUBJECT);
    await checkScreen(page, 'member-forbidden');
    await page.close();
  });

  test('the coordinator sees the queue, the reasons, a full pilot refused, and assigns', async () => {
    const page = await signedIn(coordinator, 768);
    await page.goto(`${origin}/app`);
    await heading(page, 'Lotsen: Warteschlange');
    await checkScreen(page, 'coordinator-queue');
    await page.getByRole('link', { name: SUBJECT }).click();
    await heading(page, SUBJECT);
    const suggestions = page.locator('.suggestions');
    await expect(suggestions.textContent()).resolves.toContain('Fachgebiet: Vereinsrecht');
    await expect(suggestions.textContent()).resolves.toContain('Kreis Dithmarschen');
    await checkScreen(page, 'coordinator-thread');

    await page.getByRole('button', { name: 'Petra Voll zuweisen' }).click();
    const notice = page.locator('.notice-box');
    await notice.waitFor({ state: 'visible' });
    await expect(notice.textContent()).resolves.toContain(
      'Petra Voll hat in diesem Monat keine Beratung mehr frei',
    );
    await page.getByRole('button', { name: 'Trotzdem Petra Voll zuweisen' }).waitFor();
    await checkScreen(page, 'coordinator-conflict');

    await page.getByRole('button', { name: 'Dr. Jens Hansen zuweisen' }).click();
    await page.waitForFunction(() =>
      /Bei einem Lotsen \(Dr\. Jens Hansen\)/.test(
        document.querySelector('main .status')?.textContent ?? '',
      ),
    );
    await page.close();
  });

  test('the pilot answers; the first reply marks it answered', async () => {
    const page = await signedIn(pilot, 375);
    await page.goto(`${origin}/app`);
    await heading(page, 'Meine Beratungen');
    await checkScreen(page, 'pilot-list');
    await page.getByRole('link', { name: SUBJECT }).click();
    await heading(page, SUBJECT);
    await page.getByLabel('Ihre Antwort').fill(ANSWER);
    await page.getByRole('button', { name: 'Senden' }).click();
    await page.waitForFunction(() =>
      /Beantwortet/.test(document.querySelector('main .status')?.textContent ?? ''),
    );
    await expect(page.locator('.thread').textContent()).resolves.toContain(ANSWER);
    await checkScreen(page, 'pilot-answered');

    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByLabel('Ihre E-Mail-Adresse').waitFor();
    await expect(page.evaluate(() => sessionStorage.getItem('engagement-hub.token'))).resolves.toBe(
      null,
    );
    await checkScreen(page, 'signin');
    await page.close();
  });

  test("the member's open thread shows the answer when the tab regains focus", async () => {
    await memberPage.evaluate(() => window.dispatchEvent(new Event('focus')));
    await memberPage.waitForFunction(
      (answer) => (document.querySelector('.thread')?.textContent ?? '').includes(answer),
      ANSWER,
    );
    await expect(memberPage.locator('main .status').textContent()).resolves.toContain(
      'Beantwortet',
    );
    await expect(memberPage.locator('[role="status"].sr').textContent()).resolves.toContain(
      'Neue Nachricht',
    );
    await checkScreen(memberPage, 'member-answered');
  });

  test("the reply mail's link, opened signed out, leads through a sign-in link to the thread", async () => {
    const id = consultationUrl.split('#/lotsen/')[1];
    const mailed = await linkInMail(BOARD, /https?:\/\/\S+\/app#\/lotsen\/[A-Za-z0-9_-]+/);
    expect(mailed).toBe(`/app#/lotsen/${id}`);
    // One browser profile: the mail's sign-in link opens in another tab of it.
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const first = await context.newPage();
    problems.push(...pageErrors(first));
    await first.goto(`${origin}${mailed}`);
    await heading(first, 'Engagement-Hub · Arbeitsbereich');
    await checkScreen(first, 'signin-wanted');
    await first.getByLabel('Ihre E-Mail-Adresse').fill(BOARD);
    await first.getByRole('button', { name: 'Anmeldelink senden' }).click();
    await first.getByText('ist ein Anmeldelink unterwegs', { exact: false }).waitFor();
    const signInLink = await linkInMail(BOARD, /https?:\/\/\S+\/app#link=[A-Za-z0-9_-]+/);
    const tab = await context.newPage();
    problems.push(...pageErrors(tab));
    await tab.goto(`${origin}${signInLink}`);
    await heading(tab, SUBJECT);
    expect(tab.url()).toBe(`${origin}/app#/lotsen/${id}`);
    await expect(tab.locator('.thread').textContent()).resolves.toContain(ANSWER);
    await context.close();
  });

  test('an old /dashboard#consultation= link from a mail opens the thread in /app', async () => {
    const id = consultationUrl.split('#/lotsen/')[1];
    await memberPage.goto(`${origin}/dashboard#consultation=${id}`);
    await memberPage.waitForURL(`${origin}/app#/lotsen/${id}`);
    await heading(memberPage, SUBJECT);
    await memberPage.close();
    expect(problems).toEqual([]);
    expect([...origins].filter((o) => o !== origin)).toEqual([]);
  });
});
