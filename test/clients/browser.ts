// Headless Chromium for the browser tests (Debian's /usr/bin/chromium through playwright-core).
// A missing browser fails the tests with a clear message; it never turns them into a pass.
import fs from 'node:fs';
import path from 'node:path';
import { source as axeSource } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: the browser tests cannot run. ` +
        'Install it with: apt-get update && apt-get install -y chromium',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Collects page errors so a test can assert the page ran cleanly. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is now, shadow roots included, and
 * returns one line per violation and element, so a failing test names what to fix.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // page.evaluate goes through the DevTools protocol, so the pages' CSP (scripts from 'self'
  // only) does not stop the injected engine; the page itself loads nothing extra.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const run = () =>
    page.evaluate(async (tags) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return result.violations.flatMap((v) =>
        v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} – ${n.failureSummary}`),
      );
    }, WCAG_21_AA);
  // axe-core fails ("reading 'nthChild'") when an element appears while it runs, as in an
  // editor that is still rendering; a second run sees the settled page.
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (attempt >= 3 || !String(e).includes('nthChild')) throw e;
    }
  }
}

/** Origins of every request the page makes from now on (to prove it talks to nobody else). */
export function requestOrigins(page: Page): Set<string> {
  const origins = new Set<string>();
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:') origins.add(url.origin);
  });
  page.on('websocket', (ws) => origins.add(new URL(ws.url()).origin.replace(/^ws/, 'http')));
  return origins;
}
