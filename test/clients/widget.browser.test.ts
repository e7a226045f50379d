// The embeddable widget in a real browser: it lists the demo needs, follows pledges made through
// the API live (WebSocket, and SSE when WebSockets are blocked), takes a volunteer's pledge by
// keyboard, refuses it without consent, says so plainly when the hub is unreachable, and talks
// to no host but the hub when embedded on another site.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { buildClients, clientsAreStale } from '../../src/clients/build-clients';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { axeViolations, launchBrowser, pageErrors, requestOrigins, screenshot } from './browser';

const LIVE_DEADLINE_MS = 2000;

interface ApiNeed {
  id: string;
  title: string;
  quantity: number;
  remainingQuantity: number;
  pledgedQuantity: number;
}

let hub: TestHub;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  if (clientsAreStale()) await buildClients();
  browser = await launchBrowser();
  hub = await startTestHub({ seed: true });
  origin = hub.hub.url.replace('localhost', '127.0.0.1');
}, 120000);

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

async function openNeeds(regionId: string): Promise<ApiNeed[]> {
  const res = await hub.gql<{ needs: { nodes: ApiNeed[] } }>(
    `query($r: ID!) { needs(filter: { regionId: $r, status: [OPEN] }, first: 100) {
       nodes { id title quantity remainingQuantity pledgedQuantity } } }`,
    { r: regionId },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.needs.nodes.filter((n) => n.remainingQuantity > 0);
}

async function need(id: string): Promise<ApiNeed> {
  const res = await hub.gql<{ need: ApiNeed }>(
    'query($id: ID!) { need(id: $id) { id title quantity remainingQuantity pledgedQuantity } }',
    { id },
  );
  return res.data!.need;
}

let volunteers = 0;
async function volunteerViaApi(needId: string): Promise<void> {
  // A new person each time: the same e-mail on the same need is the same pledge again.
  const res = await hub.gql(`mutation($i: VolunteerInput!) { volunteer(input: $i) { id } }`, {
    i: {
      needId,
      name: 'Test Person',
      email: `test.person.${++volunteers}@example.org`,
      quantity: 1,
      consent: true,
    },
  });
  expect(res.errors).toBeUndefined();
}

async function openDemo(page: Page): Promise<{ regionId: string; ids: string[] }> {
  await page.goto(`${origin}/widget-demo`);
  const widget = page.locator('#demo-widget');
  await widget.locator('li.need').first().waitFor({ timeout: 10000 });
  await page.locator('#demo-widget .live[data-status="live"]').waitFor({ timeout: 10000 });
  const regionId = (await widget.getAttribute('region'))!;
  const ids = await widget
    .locator('li.need')
    .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-need-id')!));
  return { regionId, ids };
}

/** Waits until the card of `needId` says "noch N von"; fails past the deadline. */
async function waitForRemaining(
  page: Page,
  needId: string,
  remaining: number,
  deadlineMs: number,
): Promise<number> {
  const started = Date.now();
  await page.waitForFunction(
    ([id, text]) => {
      const host = document.querySelector('#demo-widget');
      const li = host?.shadowRoot?.querySelector(`li[data-need-id="${id}"] .missing`);
      return li?.textContent?.startsWith(text) ?? false;
    },
    [needId, `noch ${remaining} von`] as const,
    { timeout: deadlineMs, polling: 'raf' },
  );
  return Date.now() - started;
}

describe('widget on the demo page', () => {
  test('lists the open public needs of the demo region', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = pageErrors(page);
    const origins = requestOrigins(page);
    const { regionId, ids } = await openDemo(page);
    const api = await openNeeds(regionId);
    expect(ids.length).toBe(Math.min(5, api.length));
    const apiIds = new Set(api.map((n) => n.id));
    for (const id of ids) expect(apiIds.has(id)).toBe(true);
    const first = api.find((n) => n.id === ids[0])!;
    const card = page.locator(`#demo-widget li[data-need-id="${ids[0]}"]`);
    await expect(card.locator('h3').textContent()).resolves.toBe(first.title);
    await expect(card.locator('.missing').textContent()).resolves.toMatch(
      new RegExp(`^noch ${first.remainingQuantity} von ${first.quantity}`),
    );
    await expect(card.locator('dl').textContent()).resolves.toMatch(/Wo.*Wer/);
    // schema.org JSON-LD in the host page: the shown needs as Demands of their Organizations.
    const ld = JSON.parse(
      (await page.locator('#demo-widget > script[type="application/ld+json"]').textContent()) ??
        '[]',
    ) as unknown;
    const orgs = (Array.isArray(ld) ? ld : [ld]) as Array<{
      '@type': string;
      name: string;
      seeks: Array<{
        '@type': string;
        name: string;
        eligibleQuantity: { value: number; maxValue: number };
      }>;
    }>;
    const demands = orgs.flatMap((o) => {
      expect(o['@type']).toBe('Organization');
      return o.seeks;
    });
    expect(demands).toHaveLength(ids.length);
    for (const d of demands) {
      expect(d['@type']).toBe('Demand');
      const n = api.find((x) => x.title === d.name)!;
      expect(n).toBeDefined();
      expect(d.eligibleQuantity).toMatchObject({
        value: n.remainingQuantity,
        maxValue: n.quantity,
      });
    }
    await screenshot(page, 'widget-demo');
    expect([...origins]).toEqual([origin]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('shows a pledge made through the API within 2 seconds, without reload', async () => {
    const page = await browser.newPage();
    const { regionId, ids } = await openDemo(page);
    const api = await openNeeds(regionId);
    const target = api.find((n) => ids.includes(n.id) && n.remainingQuantity >= 2)!;
    expect(target).toBeDefined();
    const navigations: string[] = [];
    page.on('framenavigated', (f) => navigations.push(f.url()));
    await volunteerViaApi(target.id);
    const ms = await waitForRemaining(
      page,
      target.id,
      target.remainingQuantity - 1,
      LIVE_DEADLINE_MS,
    );
    process.stdout.write(`widget showed the API pledge after ${ms} ms\n`);
    expect(navigations).toEqual([]);
    const announced = await page.locator('#demo-widget [aria-live="polite"]').textContent();
    expect(announced).toContain(target.title);
    await page.close();
  });

  test('falls back to server-sent events when WebSockets are blocked', async () => {
    const page = await browser.newPage();
    const statuses = await recordLiveStatuses(page);
    // Every WebSocket to the hub is answered and closed at once, as a blocking proxy would.
    let sockets = 0;
    await page.routeWebSocket(/\/graphql$/, (ws) => {
      sockets++;
      ws.close();
    });
    const streams: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql/stream')) streams.push(r.method());
    });
    const { regionId, ids } = await openDemo(page);
    await bothLive(page);
    // Both widgets stream (one stream each); the page found out once that sockets are blocked,
    // and nobody was shown "Verbindung unterbrochen" on the way.
    expect(streams.length).toBeGreaterThanOrEqual(2);
    expect(sockets).toBe(1);
    expect(await statuses()).not.toContain('offline');
    const target = (await openNeeds(regionId)).find(
      (n) => ids.includes(n.id) && n.remainingQuantity >= 2,
    )!;
    await volunteerViaApi(target.id);
    await waitForRemaining(page, target.id, target.remainingQuantity - 1, LIVE_DEADLINE_MS);
    await page.close();
  });
});

/** Every value the widgets' live indicators take on the page, in order. */
async function recordLiveStatuses(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { liveStatuses: string[] }).liveStatuses = seen;
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      new MutationObserver((records) => {
        for (const r of records) seen.push((r.target as Element).getAttribute('data-status')!);
      }).observe(root, { subtree: true, attributes: true, attributeFilter: ['data-status'] });
      return root;
    };
  });
  return () => page.evaluate(() => (window as unknown as { liveStatuses: string[] }).liveStatuses);
}

/** Waits until both widgets of the demo page say "live". */
async function bothLive(page: Page, timeout = 10000): Promise<void> {
  await page.waitForFunction(
    () => {
      const hosts = [...document.querySelectorAll('engagement-needs')];
      return (
        hosts.length === 2 &&
        hosts.every(
          (h) => h.shadowRoot?.querySelector('.live')?.getAttribute('data-status') === 'live',
        )
      );
    },
    undefined,
    { timeout, polling: 'raf' },
  );
}

describe('two widgets on one page', () => {
  test('share one WebSocket, both go live and both follow a pledge', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = pageErrors(page);
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    const started = Date.now();
    await page.goto(`${origin}/widget-demo`);
    await bothLive(page);
    process.stdout.write(`both widgets live ${Date.now() - started} ms after navigation\n`);
    expect(sockets).toEqual([`${origin.replace(/^http/, 'ws')}/graphql`]);
    // A HELPERS need both widgets show (the themed one shows HELPERS only).
    const shownBy = (sel: string) =>
      page
        .locator(`${sel} li.need`)
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-need-id')!));
    const themed = await shownBy('engagement-needs.themed');
    const demo = await shownBy('#demo-widget');
    const regionId = (await page.locator('#demo-widget').getAttribute('region'))!;
    const target = (await openNeeds(regionId)).find(
      (n) => themed.includes(n.id) && demo.includes(n.id) && n.remainingQuantity >= 2,
    )!;
    expect(target).toBeDefined();
    await volunteerViaApi(target.id);
    await page.waitForFunction(
      ([id, text]) =>
        [...document.querySelectorAll('engagement-needs')].every((host) =>
          host.shadowRoot
            ?.querySelector(`li[data-need-id="${id}"] .missing`)
            ?.textContent?.startsWith(text),
        ),
      [target.id, `noch ${target.remainingQuantity - 1} von`] as const,
      { timeout: 10000, polling: 'raf' },
    );
    expect(sockets).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('after the connection drops, both come back over one new WebSocket, not streams', async () => {
    const page = await browser.newPage();
    const statuses = await recordLiveStatuses(page);
    const sockets: Array<{ close(): Promise<void> }> = [];
    await page.routeWebSocket(/\/graphql$/, (ws) => {
      ws.connectToServer();
      sockets.push(ws);
    });
    const streams: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql/stream')) streams.push(r.url());
    });
    await page.goto(`${origin}/widget-demo`);
    await bothLive(page);
    await sockets[0].close(); // as when the hub restarts
    await page.waitForFunction(
      () => (window as unknown as { liveStatuses: string[] }).liveStatuses.includes('offline'),
      undefined,
      { timeout: 5000 },
    );
    await bothLive(page);
    expect(sockets).toHaveLength(2);
    expect(streams).toEqual([]);
    expect(await statuses()).toContain('offline');
    await page.close();
  });

  test('a socket that is never acknowledged (a stalling proxy) gives way to server-sent events', async () => {
    const page = await browser.newPage();
    const statuses = await recordLiveStatuses(page);
    // The socket opens but nothing ever answers: no connection_ack, no close.
    await page.routeWebSocket(/\/graphql$/, () => undefined);
    const streams: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql/stream')) streams.push(r.url());
    });
    const started = Date.now();
    await page.goto(`${origin}/widget-demo`);
    await bothLive(page, 20000);
    process.stdout.write(
      `both widgets live over SSE ${Date.now() - started} ms after navigation\n`,
    );
    expect(streams.length).toBeGreaterThanOrEqual(2);
    expect(await statuses()).not.toContain('offline');
    await page.close();
  });
});

describe('volunteer form', () => {
  test('refuses a pledge without consent, then takes it by keyboard alone', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const { regionId, ids } = await openDemo(page);
    const target = (await openNeeds(regionId)).find(
      (n) => ids.includes(n.id) && n.remainingQuantity >= 2,
    )!;
    const before = await need(target.id);
    const button = page.locator(`#demo-widget li[data-need-id="${target.id}"] button`);
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('#demo-widget dialog[open]');
    await dialog.waitFor();
    // Focus starts in the first field; Tab moves through the form in reading order.
    await page.keyboard.type('Hanna Hansen');
    await page.keyboard.press('Tab');
    await page.keyboard.type('hanna.hansen@example.org');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // quantity stays 1
    await page.keyboard.type('Ich kann ab 10 Uhr.');
    await page.keyboard.press('Tab'); // consent checkbox, left unticked
    const consentFocused = await page.evaluate(() =>
      document.querySelector('#demo-widget')!.shadowRoot!.activeElement?.getAttribute('name'),
    );
    expect(consentFocused).toBe('consent');
    await page.keyboard.press('Tab'); // "Zusagen"
    await page.keyboard.press('Enter');
    const alert = dialog.locator('[role="alert"]');
    await alert.waitFor();
    await expect(dialog.locator('.err:not([hidden])').textContent()).resolves.toContain(
      'Einwilligung',
    );
    await expect(
      dialog.locator('input[name="consent"]').getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    await screenshot(page, 'widget-form-refused');
    expect(await axeViolations(page)).toEqual([]);
    expect((await need(target.id)).pledgedQuantity).toBe(before.pledgedQuantity);

    // Focus went to the checkbox; Space ticks it, then Tab, Enter submits.
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.locator('.done').waitFor({ timeout: 5000 });
    await expect(dialog.locator('h2').textContent()).resolves.toBe('Vielen Dank!');
    await screenshot(page, 'widget-form-done');
    expect((await need(target.id)).pledgedQuantity).toBe(before.pledgedQuantity + 1);
    await waitForRemaining(page, target.id, before.remainingQuantity - 1, LIVE_DEADLINE_MS);
    // Escape closes the dialog and returns focus to the button that opened it.
    await page.keyboard.press('Escape');
    await expect(page.locator('#demo-widget dialog[open]').count()).resolves.toBe(0);
    // The dialog's close event is asynchronous: wait (bounded) for focus to come back.
    await page.waitForFunction(
      (id) => {
        const root = document.querySelector('#demo-widget')!.shadowRoot!;
        return root.activeElement === root.querySelector(`li[data-need-id="${id}"] button`);
      },
      target.id,
      { timeout: 1000 },
    );
    await page.close();
  });
});

describe('widget embedded on another site', () => {
  // The "municipal site": a page on another origin (another port on this machine; Chromium
  // refuses loopback scripts to pages it considers public, so it is a real local server).
  let site: http.Server;
  let siteOrigin = '';
  let regionId = '';
  beforeAll(async () => {
    regionId = (await hub.gql<{ regions: Array<{ id: string }> }>('{ regions(level: AMT) { id } }'))
      .data!.regions[0].id;
    site = http.createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="de"><head><title>Gemeinde</title></head><body><h1>Gemeinde</h1>
        <script src="${origin}/widget.js"></script>
        <engagement-needs id="w" region="${regionId}" limit="3"></engagement-needs></body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    site.closeAllConnections();
    await new Promise<void>((resolve) => site.close(() => resolve()));
  });

  async function embed(page: Page): Promise<string[]> {
    const hosts: string[] = [];
    page.on('request', (r) => hosts.push(new URL(r.url()).origin));
    await page.goto(`${siteOrigin}/`);
    return hosts;
  }

  test('shows a plain message, not a blank box, when the hub is unreachable', async () => {
    const page = await browser.newPage();
    await page.route(`${origin}/graphql**`, (route) => route.abort('connectionrefused'));
    await embed(page);
    const message = page.locator('#w [role="alert"]');
    await message.waitFor({ timeout: 5000 });
    await expect(message.textContent()).resolves.toContain('nicht erreichbar');
    await expect(page.locator('#w button', { hasText: 'Erneut versuchen' }).count()).resolves.toBe(
      1,
    );
    await screenshot(page, 'widget-unreachable');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test('works from another origin and sends requests to the hub only', async () => {
    const page = await browser.newPage();
    const hosts = await embed(page);
    await page.locator('#w li.need').first().waitFor({ timeout: 10000 });
    await expect(page.locator('#w li.need').count()).resolves.toBe(3);
    expect(new Set(hosts)).toEqual(new Set([siteOrigin, origin]));
    const cookies = await page.context().cookies();
    expect(cookies).toEqual([]);
    await page.close();
  });
});
