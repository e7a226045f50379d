// The widget's date views in a real browser: view="events" on the hub's public events page
// (seats live through eventChanges, registration by keyboard with and without consent, German
// answers, JSON-LD in the page) and view="office-hours" on another site ("jetzt geöffnet", and
// the redraw at the next opening with the page's clock moved forward), each checked with axe.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { buildClients, clientsAreStale } from '../../src/clients/build-clients';
import { Role } from '../../src/graphql/viewer';
import { demoIds } from '../modules/actors/demo-ids';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { axeViolations, launchBrowser, pageErrors, requestOrigins, screenshot } from './browser';

const LIVE_DEADLINE_MS = 2000;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

let hub: TestHub;
let browser: Browser;
let origin: string;
let ids: Awaited<ReturnType<typeof demoIds>>;
let member: string;
let coordinator: string;
let site: http.Server;
let siteOrigin: string;
const sitePages = new Map<string, string>();

beforeAll(async () => {
  if (clientsAreStale()) await buildClients();
  browser = await launchBrowser();
  hub = await startTestHub({ seed: true });
  origin = hub.hub.url.replace('localhost', '127.0.0.1');
  ids = await demoIds(hub);
  member = await hub.token(Role.MEMBER, {
    actorIds: [ids.actor('Sportverein Büsum')],
    sub: 'member-views',
  });
  coordinator = await hub.token(Role.COORDINATOR, { regionIds: [ids.region('Büsum')] });
  site = http.createServer((req, res) => {
    const body = sitePages.get(req.url ?? '');
    res.statusCode = body ? 200 : 404;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(body ?? 'not found');
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

async function createEvent(title: string, capacity: number): Promise<string> {
  const startsAt = new Date(Date.now() + 5 * 86400000);
  startsAt.setUTCHours(17, 0, 0, 0);
  const res = await hub.gql<{ createEvent: { id: string } }>(
    `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
    {
      input: {
        kind: 'STAMMTISCH',
        title,
        organizerId: ids.actor('Sportverein Büsum'),
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3600000).toISOString(),
        venue: 'Dorfgemeinschaftshaus',
        capacity,
      },
    },
    member,
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.createEvent.id;
}

async function seats(eventId: string): Promise<{ registeredSeats: number }> {
  const res = await hub.gql<{ node: { registeredSeats: number } }>(
    'query($id: ID!) { node(id: $id) { ... on Event { registeredSeats } } }',
    { id: eventId },
  );
  return res.data!.node;
}

/** Waits until the event's card says `text`; fails past the deadline. */
async function waitForSeats(page: Page, eventId: string, text: string, timeout: number) {
  await page.waitForFunction(
    ([id, t]) =>
      document
        .querySelector('engagement-needs')
        ?.shadowRoot?.querySelector(`li[data-event-id="${id}"] .missing`)
        ?.textContent?.startsWith(t) ?? false,
    [eventId, text] as const,
    { timeout, polling: 'raf' },
  );
}

/** The JSON-LD the widget put into the host page (light DOM). */
async function widgetJsonLd(page: Page): Promise<Array<Record<string, unknown>>> {
  const text = await page
    .locator('engagement-needs > script[type="application/ld+json"]')
    .textContent();
  const data = JSON.parse(text!);
  return Array.isArray(data) ? data : [data];
}

describe('view="events" on the public events page', () => {
  test('shows seats, follows a registration through the API live, and writes Event JSON-LD', async () => {
    const eventId = await createEvent('Stammtisch im Dorfgemeinschaftshaus', 3);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = pageErrors(page);
    const origins = requestOrigins(page);
    await page.goto(`${origin}/events/${ids.region('Büsum')}`);
    const card = page.locator(`engagement-needs li[data-event-id="${eventId}"]`);
    await card.waitFor({ timeout: 10000 });
    await page.locator('engagement-needs .live[data-status="live"]').waitFor({ timeout: 10000 });
    await expect(card.locator('.missing').textContent()).resolves.toBe('Noch 3 von 3 Plätzen frei');
    const ld = (await widgetJsonLd(page)).find((e) => String(e['@id']).endsWith(eventId))!;
    expect(ld['@type']).toBe('Event');
    expect(ld.startDate).toMatch(ISO_WITH_OFFSET);
    expect((ld.location as Record<string, unknown>)['@type']).toBe('Place');
    expect(ld.remainingAttendeeCapacity).toBe(3);

    const res = await hub.gql(
      `mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) { id } }`,
      {
        input: { eventId, name: 'Api Person', email: 'api.person@example.org', consent: true },
      },
    );
    expect(res.errors).toBeUndefined();
    await waitForSeats(page, eventId, 'Noch 2 von 3', LIVE_DEADLINE_MS);
    await expect(
      page.locator('engagement-needs [aria-live="polite"]').textContent(),
    ).resolves.toContain('Stammtisch im Dorfgemeinschaftshaus');
    // The JSON-LD follows the live seats too.
    await page.waitForFunction(
      (id) => {
        const s = document.querySelector('engagement-needs > script[type="application/ld+json"]');
        const data = JSON.parse(s?.textContent ?? '[]');
        const list = Array.isArray(data) ? data : [data];
        return list.some(
          (e: { '@id': string; remainingAttendeeCapacity: number }) =>
            e['@id'].endsWith(id) && e.remainingAttendeeCapacity === 2,
        );
      },
      eventId,
      { timeout: LIVE_DEADLINE_MS },
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'widget-events');
    expect([...origins]).toEqual([origin]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('registers by keyboard: refuses without consent, then says to confirm by e-mail', async () => {
    const eventId = await createEvent('Workshop Fördermittel', 2);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = pageErrors(page);
    await page.goto(`${origin}/events/${ids.region('Büsum')}`);
    const button = page.locator(`engagement-needs li[data-event-id="${eventId}"] button`);
    await button.waitFor({ timeout: 10000 });
    await expect(button.textContent()).resolves.toBe('Anmelden');
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('engagement-needs dialog[open]');
    await dialog.waitFor();
    const focused = () =>
      page.evaluate(() => {
        const el = document.querySelector('engagement-needs')!.shadowRoot!.activeElement;
        return el ? `${el.tagName.toLowerCase()}:${el.getAttribute('name') ?? el.textContent}` : '';
      });
    expect(await focused()).toBe('input:name');
    await page.keyboard.type('Erika Tastatur');
    await page.keyboard.press('Tab');
    await page.keyboard.type('erika.tastatur@example.org');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('input:seats');
    await page.keyboard.press('Enter'); // submits the form, consent not given
    await expect(dialog.locator('[role="alert"]').textContent()).resolves.toBe(
      'Bitte prüfen Sie eine Angabe im Formular.',
    );
    expect(await focused()).toBe('input:consent');
    await expect(dialog.locator('.err:not([hidden])').textContent()).resolves.toBe(
      'Ohne Ihre Einwilligung können wir die Anmeldung nicht speichern.',
    );
    expect(await seats(eventId)).toEqual({ registeredSeats: 0 });
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('button:Verbindlich anmelden');
    await page.keyboard.press('Enter');
    await expect(dialog.locator('[role="status"]').textContent()).resolves.toMatch(
      /^Fast geschafft: Wir haben Ihnen eine E-Mail geschickt\./,
    );
    expect(await seats(eventId)).toEqual({ registeredSeats: 1 });
    await waitForSeats(page, eventId, 'Noch 1 Platz von 2 frei', LIVE_DEADLINE_MS);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'widget-events-registered');
    // Escape closes the dialog and puts focus back on the card's button.
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () => !document.querySelector('engagement-needs')!.shadowRoot!.querySelector('dialog[open]'),
    );
    // The dialog's close event (which puts focus back) is a task after [open] goes: wait for it.
    await page.waitForFunction(() => {
      const el = document.querySelector('engagement-needs')!.shadowRoot!.activeElement;
      return el?.tagName === 'BUTTON' && el.textContent === 'Anmelden';
    });
    expect(await focused()).toBe('button:Anmelden');

    // The same e-mail again: answered like a new registration (so nobody learns whether an
    // address is registered), nothing written; the mail goes to the address's owner.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.type('Erika Tastatur');
    await page.keyboard.press('Tab');
    await page.keyboard.type('erika.tastatur@example.org');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(dialog.locator('[role="status"]').textContent()).resolves.toMatch(
      /^Fast geschafft: Wir haben Ihnen eine E-Mail geschickt\./,
    );
    expect(await seats(eventId)).toEqual({ registeredSeats: 1 });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('view="office-hours" on another site', () => {
  test('marks an open contact point "jetzt geöffnet" and redraws when the next one opens', async () => {
    const region = ids.region('Büsum');
    const create = async (input: Record<string, unknown>) => {
      const res = await hub.gql<{ createContactPoint: { id: string } }>(
        'mutation($input: CreateContactPointInput!) { createContactPoint(input: $input) { id } }',
        { input: { regionId: region, ...input } },
        coordinator,
      );
      if (!res.data) throw new Error(JSON.stringify(res.errors));
      return res.data.createContactPoint.id;
    };
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
      new Date(Date.now() + 86400000),
    );
    const always = await create({
      kind: 'CENTRAL_OFFICE',
      name: 'Zentrale Anlaufstelle Büsum',
      address: 'Am Markt 1, 25761 Büsum',
      hours: [{ rrule: 'FREQ=DAILY', opensAt: '00:00', closesAt: '23:59' }],
    });
    const village = await create({
      kind: 'BRANCH_OFFICE',
      name: 'Sprechstunde Dorfgemeinschaftshaus',
      hours: [],
      exceptions: [{ date: tomorrow, closed: false, opensAt: '10:00', closesAt: '12:00' }],
    });
    const next = (
      await hub.gql<{ contactPoint: { openings: Array<{ startsAt: string }> } }>(
        'query($id: ID!) { contactPoint: node(id: $id) { ... on ContactPoint { openings(first: 1) { startsAt } } } }',
        { id: village },
      )
    ).data!.contactPoint.openings[0].startsAt;

    sitePages.set(
      '/sprechzeiten',
      `<!doctype html><html lang="de"><head><title>Gemeinde Büsum</title></head>
       <body><main><h1>Sprechzeiten</h1>
       <engagement-needs view="office-hours" region="${region}" limit="10"></engagement-needs></main>
       <script src="${origin}/widget.js" defer></script></body></html>`,
    );
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = pageErrors(page);
    const origins = requestOrigins(page);
    // The page's clock stands ten minutes before the village's opening, and moves on demand.
    await page.clock.install({ time: new Date(Date.parse(next) - 10 * 60000) });
    await page.goto(`${siteOrigin}/sprechzeiten`);
    const card = (id: string) => page.locator(`engagement-needs li[data-contact-point-id="${id}"]`);
    await card(village).waitFor({ timeout: 10000 });
    await expect(card(always).locator('.tags').textContent()).resolves.toBe(
      'Zentrale Anlaufstelle · jetzt geöffnet',
    );
    await expect(card(always).locator('.missing').textContent()).resolves.toBe(
      'Geöffnet bis 23:59 Uhr',
    );
    // One card per contact point: the daily office names its next two days, not ten cards.
    await expect(page.locator('engagement-needs li.opening').count()).resolves.toBe(2);
    await expect(card(always).locator('dl').textContent()).resolves.toMatch(
      /Wieder.*00:00–23:59 Uhr; .*00:00–23:59 Uhr$/,
    );
    await expect(card(village).locator('.tags').textContent()).resolves.toBe(
      'Sprechstunde vor Ort',
    );
    await expect(card(village).locator('.missing').textContent()).resolves.toMatch(
      /10:00–12:00 Uhr$/,
    );
    // Nothing streams here, so no live indicator claims otherwise.
    expect(await page.locator('engagement-needs .live').isVisible()).toBe(false);
    const places = await widgetJsonLd(page);
    const place = places.find((p) => p.name === 'Sprechstunde Dorfgemeinschaftshaus')!;
    expect(place['@type']).toBe('Place');
    expect(place.openingHoursSpecification).toEqual([
      {
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: expect.stringMatching(/^https:\/\/schema\.org\/[A-Z][a-z]+day$/),
        opens: '10:00',
        closes: '12:00',
        validFrom: tomorrow,
        validThrough: tomorrow,
      },
    ]);
    expect(await axeViolations(page)).toEqual([]);

    await page.clock.fastForward(10 * 60000 + 1000);
    await page.waitForFunction(
      (id) =>
        document
          .querySelector('engagement-needs')
          ?.shadowRoot?.querySelector(`li[data-contact-point-id="${id}"] .tags`)
          ?.textContent?.endsWith('jetzt geöffnet') ?? false,
      village,
      { timeout: 5000 },
    );
    await expect(card(village).locator('.missing').textContent()).resolves.toBe(
      'Geöffnet bis 12:00 Uhr',
    );
    await screenshot(page, 'widget-office-hours');
    expect([...origins].sort()).toEqual([origin, siteOrigin].sort());
    expect(errors).toEqual([]);
    await page.close();
  });

  test('an unknown view is named in a message', async () => {
    sitePages.set(
      '/falsch',
      `<!doctype html><html lang="de"><head><title>Gemeinde</title></head><body><main>
       <engagement-needs view="kalender" region="${ids.region('Büsum')}"></engagement-needs></main>
       <script src="${origin}/widget.js" defer></script></body></html>`,
    );
    const page = await browser.newPage();
    await page.goto(`${siteOrigin}/falsch`);
    await expect(page.locator('engagement-needs [role="alert"]').textContent()).resolves.toBe(
      'Unbekannte Ansicht im Attribut view: kalender. Möglich sind: needs, events, office-hours, faq.',
    );
    await page.close();
  });
});
