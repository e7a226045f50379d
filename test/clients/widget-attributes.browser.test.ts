// Every attribute and CSS custom property of <engagement-needs> that the README and /widget-demo
// name is honoured. The names are read from both documents, so a newly documented attribute or
// variable without a check here fails the test instead of going unchecked.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildClients, clientsAreStale } from '../../src/clients/build-clients';
import { Role } from '../../src/graphql/viewer';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { axeViolations, launchBrowser, pageErrors, requestOrigins, screenshot } from './browser';

const README = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

interface ApiNeed {
  id: string;
  kind: string;
  urgency: string;
  remainingQuantity: number;
  region: { id: string; name: string };
}

let hub: TestHub;
let browser: Browser;
let origin: string;
let demoHtml: string;
let demoRegionId: string;
let amtId: string;
let site: http.Server;
let siteOrigin: string;
const sitePages = new Map<string, string>();

beforeAll(async () => {
  if (clientsAreStale()) await buildClients();
  browser = await launchBrowser();
  hub = await startTestHub({ seed: true });
  origin = hub.hub.url.replace('localhost', '127.0.0.1');
  demoHtml = await (await fetch(`${origin}/widget-demo`)).text();
  demoRegionId = /<engagement-needs id="demo-widget" region="([^"]+)"/.exec(demoHtml)![1];
  amtId = (await hub.gql<{ regions: Array<{ id: string }> }>('{ regions(level: AMT) { id } }'))
    .data!.regions[0].id;
  // A "municipal website" on another origin that embeds the widget as the README says.
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

let pageCounter = 0;
/** Opens a page of the "municipal site" with the given widget markup and optional CSS. */
async function embed(widgets: string, css = ''): Promise<{ page: Page; origins: Set<string> }> {
  const url = `/p${++pageCounter}`;
  sitePages.set(
    url,
    `<!doctype html><html lang="de"><head><title>Gemeinde</title><style>${css}</style></head>
     <body><main><h1>Gemeinde</h1>${widgets}</main>
     <script src="${origin}/widget.js" defer></script></body></html>`,
  );
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const origins = requestOrigins(page);
  await page.goto(`${siteOrigin}${url}`);
  return { page, origins };
}

async function ready(page: Page, selector: string): Promise<void> {
  await page.locator(`${selector}[data-state]`).waitFor({ timeout: 10000 });
}

async function cards(page: Page, selector: string): Promise<Array<{ id: string; tags: string }>> {
  return page.locator(`${selector} li.need`).evaluateAll((lis) =>
    lis.map((li) => ({
      id: li.getAttribute('data-need-id')!,
      tags: li.querySelector('.tags')!.textContent!,
    })),
  );
}

async function openNeeds(regionId: string, kinds?: string[]): Promise<ApiNeed[]> {
  const res = await hub.gql<{ needs: { nodes: ApiNeed[] } }>(
    `query($r: ID!, $k: [NeedKind!]) {
       needs(filter: { regionId: $r, kinds: $k, status: [OPEN] }, first: 100) {
         nodes { id kind urgency remainingQuantity region { id name } } } }`,
    { r: regionId, k: kinds ?? null },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.needs.nodes.filter((n) => n.remainingQuantity > 0);
}

const KIND_TAG: Record<string, string> = {
  HELPERS: 'Helfende',
  EQUIPMENT: 'Material',
  FUNDING: 'Finanzierung',
};

describe('the attributes the documentation names', () => {
  test('README and demo name region, kinds, limit and view, and nothing left unchecked', () => {
    const readmeSnippet = /<engagement-needs ([^>]*)>/.exec(README)![1];
    const fromReadme = [...readmeSnippet.matchAll(/([a-z-]+)="/g)].map((m) => m[1]);
    const demoTable = /<h2>Attribute<\/h2>[\s\S]*?<\/table>/.exec(demoHtml)![0];
    const fromDemo = [...demoTable.matchAll(/<td><code>([a-z-]+)<\/code><\/td>/g)].map((m) => m[1]);
    expect(new Set(fromReadme)).toEqual(new Set(['region', 'kinds', 'limit']));
    // view (events, office-hours) is checked in widget-views.browser.test.ts.
    expect(new Set(fromDemo)).toEqual(new Set(['region', 'kinds', 'limit', 'view']));
  });

  test('the demo preview is the snippet beside it: same attributes, only the kinds it names', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = pageErrors(page);
    const origins = requestOrigins(page);
    await page.goto(`${origin}/widget-demo`);
    await ready(page, '#demo-widget');
    const snippet = (await page.locator('section.doc pre code').first().textContent())!;
    const snippetAttrs = Object.fromEntries(
      [.../<engagement-needs ([^>]*)>/.exec(snippet)![1].matchAll(/([a-z-]+)="([^"]*)"/g)].map(
        (m) => [m[1], m[2]],
      ),
    );
    const preview = await page.locator('#demo-widget').evaluate((el) =>
      Object.fromEntries(
        el
          .getAttributeNames()
          .filter((n) => n !== 'id' && !n.startsWith('data-'))
          .map((n) => [n, el.getAttribute(n)]),
      ),
    );
    expect(preview).toEqual(snippetAttrs);
    const kinds = snippetAttrs.kinds.split(',');
    const shown = await cards(page, '#demo-widget');
    const expected = await openNeeds(snippetAttrs.region, kinds);
    expect(shown.length).toBe(Math.min(Number(snippetAttrs.limit), expected.length));
    for (const card of shown) {
      expect(kinds.map((k) => KIND_TAG[k]).some((tag) => card.tags.startsWith(tag))).toBe(true);
    }
    const expectedIds = new Set(expected.map((n) => n.id));
    for (const card of shown) expect(expectedIds.has(card.id)).toBe(true);
    // The themed example says kinds="HELPERS" and limit="3": it shows that and no more.
    const themed = await cards(page, 'engagement-needs.themed');
    expect(themed.length).toBe(
      Math.min(3, (await openNeeds(snippetAttrs.region, ['HELPERS'])).length),
    );
    for (const card of themed) expect(card.tags.startsWith('Helfende')).toBe(true);
    await screenshot(page, 'widget-demo-attributes');
    expect(await axeViolations(page)).toEqual([]);
    expect([...origins]).toEqual([origin]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('region', () => {
  test('an Amt shows the needs of the municipalities below it; a change of region reloads', async () => {
    const { page } = await embed(
      `<engagement-needs id="w" region="${amtId}" limit="50"></engagement-needs>`,
    );
    await ready(page, '#w');
    const expected = await openNeeds(amtId);
    const shown = await cards(page, '#w');
    expect(new Set(shown.map((c) => c.id))).toEqual(
      new Set(expected.slice(0, 50).map((n) => n.id)),
    );
    const places = await page.locator('#w li.need dd:nth-of-type(2)').allTextContents();
    expect(new Set(places).size).toBeGreaterThan(1);

    await page.locator('#w').evaluate((el, id) => el.setAttribute('region', id), demoRegionId);
    const name = (await openNeeds(demoRegionId))[0].region.name;
    await page.locator('#w .where', { hasText: `in ${name}` }).waitFor({ timeout: 5000 });
    await page.waitForFunction(
      (n) => document.querySelector('#w')!.shadowRoot!.querySelectorAll('li.need').length === n,
      Math.min(50, (await openNeeds(demoRegionId)).length),
      { timeout: 5000 },
    );
    await page.close();
  });

  test('without region, or with one the hub does not know, it says so in plain words', async () => {
    const { page } = await embed(
      `<engagement-needs id="none"></engagement-needs>
       <engagement-needs id="unknown" region="UmVnaW9uOjk5OTk5OQ"></engagement-needs>`,
    );
    await page.locator('#none [role="alert"]').waitFor({ timeout: 5000 });
    await expect(page.locator('#none [role="alert"]').textContent()).resolves.toContain(
      'Attribut region',
    );
    await page.locator('#unknown [role="alert"]').waitFor({ timeout: 5000 });
    await expect(page.locator('#unknown [role="alert"]').textContent()).resolves.toContain(
      'nicht bekannt',
    );
    await page.close();
  });
});

describe('kinds', () => {
  test('shows only the named kinds, written in any case and spacing, also for live events', async () => {
    const { page } = await embed(
      `<engagement-needs id="w" region="${amtId}" kinds=" helpers , Equipment" limit="50"></engagement-needs>`,
    );
    await ready(page, '#w');
    await page.locator('#w .live[data-status="live"]').waitFor({ timeout: 10000 });
    const expected = await openNeeds(amtId, ['HELPERS', 'EQUIPMENT']);
    const shown = await cards(page, '#w');
    expect(new Set(shown.map((c) => c.id))).toEqual(new Set(expected.map((n) => n.id)));
    expect(shown.some((c) => c.tags.startsWith('Helfende'))).toBe(true);
    expect(shown.some((c) => c.tags.startsWith('Material'))).toBe(true);
    expect(shown.every((c) => /^(Helfende|Material)/.test(c.tags))).toBe(true);

    // A FUNDING need and then a HELPERS need open in the region: only the second appears.
    const admin = await hub.token(Role.ADMIN);
    const actorId = (
      await hub.gql<{ needs: { nodes: Array<{ actor: { id: string } }> } }>(
        'query($r: ID!) { needs(filter: { regionId: $r }, first: 1) { nodes { actor { id } } } }',
        { r: demoRegionId },
      )
    ).data!.needs.nodes[0].actor.id;
    const open = async (kind: string, title: string) => {
      const res = await hub.gql<{ openNeed: { id: string } }>(
        'mutation($i: OpenNeedInput!) { openNeed(input: $i) { id } }',
        { i: { actorId, kind, title, quantity: 2 } },
        admin,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.openNeed.id;
    };
    const funding = await open('FUNDING', 'Zuschuss für neue Trikots');
    const helpers = await open('HELPERS', 'Helfende für den Flohmarkt');
    await page.locator(`#w li[data-need-id="${helpers}"]`).waitFor({ timeout: 5000 });
    await expect(page.locator(`#w li[data-need-id="${funding}"]`).count()).resolves.toBe(0);
    await page.close();
  });

  test('an unknown kind is named in a message instead of silently showing every kind', async () => {
    const { page } = await embed(
      `<engagement-needs id="w" region="${amtId}" kinds="HELFER,EQUIPMENT"></engagement-needs>`,
    );
    const alert = page.locator('#w [role="alert"]');
    await alert.waitFor({ timeout: 5000 });
    await expect(alert.textContent()).resolves.toMatch(/kinds.*HELFER.*HELPERS/);
    await expect(page.locator('#w li.need').count()).resolves.toBe(0);
    await page.close();
  });
});

describe('limit', () => {
  test('shows at most limit needs and says how many more are open', async () => {
    const total = (await openNeeds(amtId)).length;
    expect(total).toBeGreaterThan(12);
    const { page } = await embed(
      `<engagement-needs id="two" region="${amtId}" limit="2"></engagement-needs>
       <engagement-needs id="bad" region="${amtId}" limit="viele"></engagement-needs>`,
    );
    await ready(page, '#two');
    await ready(page, '#bad');
    await expect(page.locator('#two li.need').count()).resolves.toBe(2);
    await expect(page.locator('#two .more').textContent()).resolves.toBe(
      `${total - 2} weitere Bedarfe sind offen.`,
    );
    // Not a number: the documented default of 10.
    await expect(page.locator('#bad li.need').count()).resolves.toBe(10);
    await page.close();
  });
});

// Each documented custom property, the element it must reach and the style it sets there.
const PROBES: Record<string, { value: string; selector: string; property: string }> = {
  '--en-accent': { value: 'rgb(1, 2, 3)', selector: 'button.primary', property: 'backgroundColor' },
  '--en-accent-text': { value: 'rgb(4, 5, 6)', selector: 'button.primary', property: 'color' },
  '--en-text': { value: 'rgb(7, 8, 9)', selector: 'h3', property: 'color' },
  '--en-muted': { value: 'rgb(10, 11, 12)', selector: '.where', property: 'color' },
  '--en-bg': { value: 'rgb(13, 14, 15)', selector: 'section.en', property: 'backgroundColor' },
  '--en-card-bg': { value: 'rgb(16, 17, 18)', selector: 'li.need', property: 'backgroundColor' },
  '--en-border': { value: 'rgb(19, 20, 21)', selector: 'section.en', property: 'borderTopColor' },
  '--en-urgent': {
    value: 'rgb(22, 23, 24)',
    selector: 'li.need.urgent',
    property: 'borderLeftColor',
  },
  '--en-focus': { value: 'rgb(25, 26, 27)', selector: 'button.primary', property: 'outlineColor' },
  '--en-radius': { value: '7px', selector: 'section.en', property: 'borderTopLeftRadius' },
  '--en-font': { value: 'Courier New', selector: 'h3', property: 'fontFamily' },
  // The flash of a changed card starts in this colour (checked with the animation held at 0).
  '--en-accent-soft': {
    value: 'rgb(28, 29, 30)',
    selector: 'li.need.changed',
    property: 'backgroundColor',
  },
};

describe('CSS custom properties', () => {
  test('every property the README and the demo name reaches the widget', async () => {
    const documented = new Set([
      ...[
        .../```css\n(engagement-needs \{[\s\S]*?)```/.exec(README)![1].matchAll(/(--en-[a-z-]+):/g),
      ].map((m) => m[1]),
      ...[...demoHtml.matchAll(/(--en-[a-z-]+):/g)].map((m) => m[1]),
    ]);
    expect([...documented].filter((name) => !PROBES[name])).toEqual([]);
    expect(documented.size).toBeGreaterThanOrEqual(9);

    const css = `#w { ${[...documented].map((n) => `${n}: ${PROBES[n].value};`).join(' ')} }`;
    const { page } = await embed(
      `<engagement-needs id="w" region="${amtId}" limit="50"></engagement-needs>`,
      css,
    );
    await ready(page, '#w');
    await page.locator('#w .live[data-status="live"]').waitFor({ timeout: 10000 });
    // A pledge through the API makes one card flash; hold its animation at the start.
    const target = (await openNeeds(amtId)).find((n) => n.remainingQuantity >= 2)!;
    await hub.gql('mutation($i: VolunteerInput!) { volunteer(input: $i) { id } }', {
      i: {
        needId: target.id,
        name: 'Farb Test',
        email: 'farb.test@example.org',
        quantity: 1,
        consent: true,
      },
    });
    await page
      .locator(`#w li.need.changed[data-need-id="${target.id}"]`)
      .waitFor({ timeout: 5000 });
    await page.locator('#w').evaluate((host) => {
      for (const a of host.shadowRoot!.getAnimations()) {
        a.pause();
        a.currentTime = 0;
      }
    });
    await page.locator('#w button.primary').first().focus();
    const failures: string[] = [];
    for (const name of documented) {
      const probe = PROBES[name];
      const actual = await page.locator('#w').evaluate((host, p) => {
        const el = host.shadowRoot!.querySelector(p.selector);
        return el ? (getComputedStyle(el) as unknown as Record<string, string>)[p.property] : null;
      }, probe);
      const ok = name === '--en-font' ? actual?.includes(probe.value) : actual === probe.value;
      if (!ok) failures.push(`${name}: ${probe.selector} ${probe.property} = ${actual}`);
    }
    expect(failures).toEqual([]);
    await page.close();
  });
});
