// The coordinators' dashboard and the explorer in headless Chromium: sign-in by token, the live
// board following a pledge made through the API, the network map with its details, and the
// explorer loading and running a query with every non-hub request refused (no internet).
import type { Browser, Page } from 'playwright-core';
import { buildClients, clientsAreStale } from '../../src/clients/build-clients';
import { Role } from '../../src/graphql/viewer';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { axeViolations, launchBrowser, pageErrors, requestOrigins, screenshot } from './browser';

let hub: TestHub;
let browser: Browser;
let origin: string;
let amtId: string;

beforeAll(async () => {
  if (clientsAreStale()) await buildClients();
  browser = await launchBrowser();
  hub = await startTestHub({ seed: true });
  origin = hub.hub.url.replace('localhost', '127.0.0.1');
  amtId = (await hub.gql<{ regions: Array<{ id: string }> }>('{ regions(level: AMT) { id } }'))
    .data!.regions[0].id;
}, 120000);

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

async function signIn(page: Page, token: string): Promise<void> {
  await page.goto(`${origin}/dashboard`);
  await page.locator('#token').fill(token);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

interface MapLabels {
  map: { left: number; top: number; right: number; bottom: number };
  shown: Array<{ text: string; x: number; y: number; w: number; h: number; fontPx: number }>;
}

/** The names on the network map as the browser laid them out. */
function mapLabels(page: Page): Promise<MapLabels> {
  return page.evaluate(() => {
    const m = document.querySelector('#network-map')!.getBoundingClientRect();
    const shown = [...document.querySelectorAll<HTMLElement>('.map-labels span')]
      .filter((s) => !s.hidden && s.offsetParent !== null)
      .map((s) => {
        const b = s.getBoundingClientRect();
        const style = getComputedStyle(s);
        return {
          text: s.textContent!,
          x: b.left,
          y: b.top,
          w: b.width,
          h: b.height,
          fontPx: parseFloat(style.fontSize) * (Number(style.opacity) > 0 ? 1 : 0),
        };
      });
    return { map: { left: m.left, top: m.top, right: m.right, bottom: m.bottom }, shown };
  });
}

const MIN_LABEL_PX = 12;
/** Overlap allowed between two names' boxes, in square pixels (anti-aliased edges). */
const OVERLAP_TOLERANCE_PX2 = 4;

function expectLegible({ map, shown }: MapLabels): void {
  expect(shown.filter((l) => l.fontPx < MIN_LABEL_PX)).toEqual([]);
  expect(
    shown.filter(
      (l) =>
        l.x < map.left - 1 ||
        l.y < map.top - 1 ||
        l.x + l.w > map.right + 1 ||
        l.y + l.h > map.bottom + 1,
    ),
  ).toEqual([]);
  const overlaps: string[] = [];
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) {
      const a = shown[i];
      const b = shown[j];
      const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (w > 0 && h > 0 && w * h > OVERLAP_TOLERANCE_PX2) overlaps.push(`${a.text} / ${b.text}`);
    }
  }
  expect(overlaps).toEqual([]);
}

describe('dashboard', () => {
  test('refuses a token that does not verify, with a plain message', async () => {
    const page = await browser.newPage();
    await signIn(page, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bm90LXZhbGlk');
    const alert = page.locator('.signin [role="alert"]');
    await alert.waitFor({ state: 'visible' });
    await expect(alert.textContent()).resolves.toContain('nicht (mehr) gültig');
    expect(await axeViolations(page)).toEqual([]);
    await expect(page.evaluate(() => sessionStorage.length)).resolves.toBe(0);
    await page.close();
  });

  test('shows the live board and moves a card when a pledge arrives through the API', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors = pageErrors(page);
    await signIn(page, await hub.token(Role.COORDINATOR, { regionIds: [amtId] }));
    await page.locator('.card').first().waitFor({ timeout: 10000 });
    await page.locator('.live[data-live="live"]').waitFor({ timeout: 10000 });
    // The token is kept for this tab only, never as a cookie.
    await expect(
      page.evaluate(() => sessionStorage.getItem('engagement-hub.token')),
    ).resolves.toBeTruthy();
    await expect(page.context().cookies()).resolves.toEqual([]);
    const openTotal = Number(await page.locator('.tile-value').first().textContent());
    expect(openTotal).toBeGreaterThan(5);

    const card = page.locator('.column-open .card').first();
    const needId = (await card.getAttribute('data-need-id'))!;
    const remaining = Number(await card.getAttribute('data-remaining'));
    expect(remaining).toBeGreaterThanOrEqual(1);
    const res = await hub.gql('mutation($i: VolunteerInput!) { volunteer(input: $i) { id } }', {
      i: { needId, name: 'Live Test', email: 'live.test@example.org', quantity: 1, consent: true },
    });
    expect(res.errors).toBeUndefined();
    // The card leaves "Offen" for "Teilweise zugesagt" (or "Gedeckt") and the feed names it.
    const moved = page.locator(
      `.column-partial .card[data-need-id="${needId}"], .column-filled .card[data-need-id="${needId}"]`,
    );
    await moved.waitFor({ timeout: 2000 });
    await expect(moved.getAttribute('data-remaining')).resolves.toBe(String(remaining - 1));
    const title = await moved.locator('h4').textContent();
    await expect(page.locator('.feed .event').first().textContent()).resolves.toContain(title!);
    await screenshot(page, 'dashboard-board');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('draws the network map and shows an actor’s partners and suggestions on click', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors = pageErrors(page);
    const origins = requestOrigins(page);
    await signIn(page, await hub.token(Role.COORDINATOR, { regionIds: [amtId] }));
    await page.getByRole('tab', { name: 'Netzwerk' }).click();
    const map = page.locator('#network-map[data-node-count]');
    await map.waitFor({ timeout: 10000 });
    const nodes = Number(await map.getAttribute('data-node-count'));
    const network = await hub.gql<{
      network: { stats: { actorCount: number; isolatedActorCount: number } };
    }>(
      'query($r: ID!) { network(regionId: $r) { stats { actorCount isolatedActorCount } } }',
      { r: amtId },
      await hub.token(Role.COORDINATOR, { regionIds: [amtId] }),
    );
    expect(nodes).toBe(network.data!.network.stats.actorCount);
    await expect(page.locator('#network-map canvas').count()).resolves.toBeGreaterThan(0);
    await expect(
      page.locator('.stat', { hasText: 'ohne Kooperation' }).locator('dd').textContent(),
    ).resolves.toBe(String(network.data!.network.stats.isolatedActorCount));
    await screenshot(page, 'dashboard-network');
    expect(await axeViolations(page)).toEqual([]);
    // The overview lists actors without cooperation as buttons; one click opens its details.
    await page.locator('.detail button.link').first().click();
    await page
      .locator('.detail h4', { hasText: 'Kooperationsvorschläge' })
      .waitFor({ timeout: 5000 });
    await expect(page.locator('.detail h4', { hasText: /^Partner/ }).count()).resolves.toBe(1);
    await screenshot(page, 'dashboard-actor');
    expect(await axeViolations(page)).toEqual([]);
    expect([...origins]).toEqual([origin]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('names the actors on the map legibly: 12 px or more at any zoom, no two names overlapping', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(page, await hub.token(Role.COORDINATOR, { regionIds: [amtId] }));
    await page.getByRole('tab', { name: 'Netzwerk' }).click();
    await page.locator('#network-map[data-node-count]').waitFor({ timeout: 10000 });
    const nodes = Number(await page.locator('#network-map').getAttribute('data-node-count'));
    const before = await mapLabels(page);
    await screenshot(page, 'dashboard-network-labels');
    expectLegible(before);
    // Most actors are named at the default zoom; the others on pointing at them or zooming in.
    expect(before.shown.length).toBeGreaterThanOrEqual(Math.ceil(nodes / 2));
    expect(new Set(before.shown.map((l) => l.text)).size).toBe(before.shown.length);

    const map = (await page.locator('#network-map').boundingBox())!;
    const layout = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.map-labels span')]
          .map((s) => s.style.transform)
          .join(),
      );
    const unzoomed = await layout();
    await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2);
    await page.mouse.wheel(0, -600);
    // Zooming in moves the names (they keep their size); wait until they have been placed anew.
    await page.waitForFunction(
      (before) =>
        [...document.querySelectorAll<HTMLElement>('.map-labels span')]
          .map((s) => s.style.transform)
          .join() !== before,
      unzoomed,
      { timeout: 5000 },
    );
    const zoomed = await mapLabels(page);
    expectLegible(zoomed);
    await screenshot(page, 'dashboard-network-zoomed');

    // A selected actor is always named, as are its partners.
    const first = page.locator('.detail button.link').first();
    const name = (await first.textContent())!;
    await first.click();
    await page.locator('.detail h3', { hasText: name }).waitFor({ timeout: 5000 });
    await page.waitForFunction(
      (n) =>
        [...document.querySelectorAll('.map-labels span:not([hidden])')].some((s) =>
          n.startsWith(s.textContent!.replace(/…$/, '')),
        ),
      name,
      { timeout: 5000 },
    );
    expectLegible(await mapLabels(page));
    await page.close();
  });

  test('fits a tablet screen', async () => {
    const page = await browser.newPage({ viewport: { width: 820, height: 1180 } });
    await signIn(page, await hub.token(Role.COORDINATOR, { regionIds: [amtId] }));
    await page.locator('.card').first().waitFor({ timeout: 10000 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'dashboard-tablet');
    await page.close();
  });
});

describe('dringend', () => {
  interface BoardState {
    urgentTile: number;
    cards: Array<{ id: string; column: string; urgentBadge: boolean; urgentClass: boolean }>;
  }
  const board = (page: Page): Promise<BoardState> =>
    page.evaluate(() => ({
      urgentTile: Number(document.querySelector('.tile.urgent .tile-value')!.textContent),
      cards: [...document.querySelectorAll<HTMLElement>('.card')].map((c) => ({
        id: c.dataset.needId!,
        column: c.closest('.column')!.className.replace(/.*column-/, ''),
        urgentBadge: !!c.querySelector('.badge-urgent'),
        urgentClass: c.classList.contains('urgent'),
      })),
    }));
  const urgentNeeds = async (status: string) =>
    (
      await hub.gql<{ needs: { nodes: Array<{ id: string; remainingQuantity: number }> } }>(
        `query($r: ID!, $s: [NeedStatus!]) { needs(filter: { regionId: $r, status: $s,
           urgency: [HIGH] }, first: 100) { nodes { id remainingQuantity } } }`,
        { r: amtId, s: [status] },
        await hub.token(Role.ADMIN),
      )
    ).data!.needs.nodes;

  test('is shown only while something is still missing: not on filled, closed or expired needs', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const admin = await hub.token(Role.ADMIN);
    await signIn(page, await hub.token(Role.COORDINATOR, { regionIds: [amtId] }));
    await page.locator('.card').first().waitFor({ timeout: 10000 });
    await page.locator('.live[data-live="live"]').waitFor({ timeout: 10000 });
    const filledUrgent = await urgentNeeds('FILLED');
    expect(filledUrgent.length).toBeGreaterThan(0); // the demo data has some: the check can fail
    let state = await board(page);
    const shownFilled = state.cards.filter((c) => c.column === 'filled');
    expect(shownFilled.map((c) => c.id)).toEqual(
      expect.arrayContaining(filledUrgent.map((n) => n.id)),
    );
    expect(shownFilled.filter((c) => c.urgentBadge || c.urgentClass)).toEqual([]);
    // And they read as German: "zugesagt" for a need of one, never "alle 1 zugesagt".
    const filledTexts = await page.locator('.column-filled .card-missing').allTextContents();
    expect(filledTexts.filter((t) => !/^(zugesagt|alle \d+ (\S+ )*zugesagt)$/.test(t))).toEqual([]);
    expect(filledTexts).toContain('zugesagt');
    const open = state.cards.filter((c) => c.column !== 'filled' && c.urgentBadge);
    expect(state.urgentTile).toBe(open.length);
    await screenshot(page, 'dashboard-urgent');

    // Filled live by a pledge for all that is missing: it moves to "Gedeckt" without the badge.
    const [toFill, toClose] = (await urgentNeeds('OPEN')).filter((n) => n.remainingQuantity <= 20);
    const res = await hub.gql('mutation($i: VolunteerInput!) { volunteer(input: $i) { id } }', {
      i: {
        needId: toFill.id,
        name: 'Alle Auf Einmal',
        email: 'alle.auf.einmal@example.org',
        quantity: toFill.remainingQuantity,
        consent: true,
      },
    });
    expect(res.errors).toBeUndefined();
    const filled = page.locator(`.column-filled .card[data-need-id="${toFill.id}"]`);
    await filled.waitFor({ timeout: 10000 });
    await expect(filled.locator('.badge-urgent').count()).resolves.toBe(0);
    await expect(filled.getAttribute('class')).resolves.not.toMatch(/urgent/);

    // Closed: it leaves the board and the count of urgent needs.
    const closed = await hub.gql(
      'mutation($id: ID!) { closeNeed(id: $id) { id } }',
      { id: toClose.id },
      admin,
    );
    expect(closed.errors).toBeUndefined();
    await page
      .locator(`.card[data-need-id="${toClose.id}"]`)
      .waitFor({ state: 'detached', timeout: 10000 });
    state = await board(page);
    expect(state.urgentTile).toBe(open.length - 2);

    // Expired: an urgent need whose deadline passes while the board is open.
    const actorId = (
      await hub.gql<{ need: { actor: { id: string } } }>(
        'query($id: ID!) { need(id: $id) { actor { id } } }',
        {
          id: toClose.id,
        },
        admin,
      )
    ).data!.need.actor.id;
    const opened = await hub.gql<{ openNeed: { id: string } }>(
      'mutation($i: OpenNeedInput!) { openNeed(input: $i) { id } }',
      {
        i: {
          actorId,
          kind: 'HELPERS',
          title: 'Hilfe beim Aufräumen nach dem Sturm',
          quantity: 3,
          urgency: 'HIGH',
          deadline: new Date(Date.now() + 3000).toISOString(),
        },
      },
      admin,
    );
    expect(opened.errors).toBeUndefined();
    const expiring = page.locator(`.card[data-need-id="${opened.data!.openNeed.id}"]`);
    await expiring.locator('.badge-urgent').waitFor({ timeout: 10000 });
    // The deadline passes and the scheduled sweep (needs.sweep) runs while the board watches.
    await hub.hub.services.db.query(
      `UPDATE need SET deadline = now() - interval '1 second' WHERE id = $1`,
      [Number(Buffer.from(opened.data!.openNeed.id, 'base64url').toString('utf8').split(':')[1])],
    );
    await hub.hub.services.queue.add(hub.hub.services.db.primary, 'needs.sweep', {});
    await hub.runJobsUntilIdle();
    await expiring.waitFor({ state: 'detached', timeout: 15000 });
    await page.locator('.feed .event-expired').first().waitFor({ timeout: 5000 });
    state = await board(page);
    expect(state.urgentTile).toBe(open.length - 2);
    expect(
      state.cards.filter((c) => c.column === 'filled' && (c.urgentBadge || c.urgentClass)),
    ).toEqual([]);
    await page.close();
  });
});

describe('explorer', () => {
  test('loads and runs a query with no internet: nothing but the hub is requested', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
    const elsewhere: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:'))
        return route.continue();
      elsewhere.push(url);
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    const errors = pageErrors(page);
    await page.goto(`${origin}/`);
    await page.locator('.graphiql-container').waitFor({ timeout: 15000 });
    await page.locator('.graphiql-execute-button').click();
    await page
      .locator('.result-window', { hasText: 'Amt Büsum-Wesselburen' })
      .waitFor({ timeout: 10000 });
    await screenshot(page, 'explorer');
    expect(await axeViolations(page)).toEqual([]);
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test.each([
    [1366, 860],
    [1280, 800],
    [1024, 768],
    [390, 844],
  ])('shows the whole German introduction at %i×%i', async (width, height) => {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${origin}/`);
    await page.locator('.graphiql-container .CodeMirror').first().waitFor({ timeout: 15000 });
    const intro = await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('.intro');
      if (!el) return null;
      const box = el.getBoundingClientRect();
      const clipped = [el, ...el.querySelectorAll<HTMLElement>('*')].filter(
        (e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).display !== 'inline',
      );
      return {
        text: el.textContent!,
        left: box.left,
        right: box.right,
        top: box.top,
        bottom: box.bottom,
        clipped: clipped.map((e) => e.tagName),
        fontPx: parseFloat(getComputedStyle(el.querySelector('p')!).fontSize),
      };
    });
    expect(intro).not.toBeNull();
    expect(intro!.text).toContain('Ohne Anmeldung sehen Sie alles Öffentliche');
    expect(intro!.text).toContain('Authorization');
    expect(intro!.left).toBeGreaterThanOrEqual(0);
    expect(intro!.right).toBeLessThanOrEqual(width);
    expect(intro!.top).toBeGreaterThanOrEqual(0);
    // It leaves most of the screen to the editor and is set at a readable size.
    expect(intro!.bottom).toBeLessThan(height / 2);
    expect(intro!.fontPx).toBeGreaterThanOrEqual(14);
    expect(intro!.clipped).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
    if (width >= 1280) {
      // With the editor at half the screen, its comments are not cut off at the right edge.
      const cut = await page.evaluate(() => {
        const scroll = document.querySelector('.graphiql-query-editor .CodeMirror-scroll')!;
        const edge = scroll.getBoundingClientRect().right;
        return [...scroll.querySelectorAll('.cm-comment')]
          .filter((c) => c.getBoundingClientRect().right > edge)
          .map((c) => c.textContent);
      });
      expect(cut).toEqual([]);
    }
    await screenshot(page, `explorer-${width}`);
    await page.close();
  });
});
