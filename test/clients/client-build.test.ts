// The client bundles build from TypeScript with the generated types, the widget stays within
// its size budget and talks to nobody but the hub, and the committed generated code is what
// `npm run codegen` produces from the committed schema.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildClients, ClientManifest } from '../../src/clients/build-clients';

const WIDGET_BUDGET_BYTES = 30 * 1024;
const ROOT = path.resolve(__dirname, '../..');
const GENERATED = path.join(ROOT, 'src/clients/generated');

describe('client build', () => {
  let outDir: string;
  let manifest: ClientManifest;

  beforeAll(async () => {
    outDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hub-clients-')), 'clients');
    manifest = await buildClients({ outDir });
  }, 120000);
  afterAll(() => fs.rmSync(path.dirname(outDir), { recursive: true, force: true }));

  test('writes hashed bundles for widget, dashboard, explorer and workspace with a manifest', () => {
    for (const name of ['widget', 'dashboard', 'explorer', 'app'] as const) {
      expect(manifest[name].js).toMatch(new RegExp(`^${name}-[A-Z0-9]{8}\\.js$`));
      expect(fs.existsSync(path.join(outDir, manifest[name].js))).toBe(true);
      expect(fs.existsSync(path.join(outDir, `${manifest[name].js}.gz`))).toBe(true);
    }
    expect(manifest.explorer.css).toBeDefined();
    expect(manifest.dashboard.css).toBeDefined();
    expect(manifest.app.css).toBeDefined();
    expect(JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8'))).toEqual(
      manifest,
    );
  });

  test('the widget is at most 30 KB gzipped', () => {
    const js = fs.readFileSync(path.join(outDir, manifest.widget.js));
    const gzipped = gzipSync(js, { level: 9 }).length;
    // Printed so the figure shows up in CI logs next to the budget.
    process.stdout.write(
      `widget.js: ${js.length} bytes, ${gzipped} bytes gzipped (budget ${WIDGET_BUDGET_BYTES})\n`,
    );
    expect(gzipped).toBeLessThanOrEqual(WIDGET_BUDGET_BYTES);
  });

  test('the workspace loads at most 150 KB gzipped at first, its screens on demand', () => {
    // What the page loads before any screen: the entry, the chunks it imports statically, the CSS.
    const initial = new Set<string>();
    const visit = (file: string) => {
      if (initial.has(file)) return;
      initial.add(file);
      const js = fs.readFileSync(path.join(outDir, file), 'utf8');
      for (const m of js.matchAll(/(?:^|[;}])\s*import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g)) {
        visit(path.posix.join(path.posix.dirname(file), m[1]));
      }
    };
    visit(manifest.app.js);
    const gz = (file: string) => gzipSync(fs.readFileSync(path.join(outDir, file)), { level: 9 });
    const bytes = [...initial, manifest.app.css!].reduce((n, f) => n + gz(f).length, 0);
    process.stdout.write(`app initial load: ${bytes} bytes gzipped (budget ${150 * 1024})\n`);
    expect(bytes).toBeLessThanOrEqual(150 * 1024);
    // The Lotsen screens are a chunk of their own, fetched by import() and not part of the above.
    const chunks = fs.readdirSync(path.join(outDir, 'chunks'));
    const lotsen = chunks.find((f) => /^lotsen-[A-Z0-9]{8}\.js$/.test(f));
    expect(lotsen).toBeDefined();
    expect([...initial]).not.toContain(`chunks/${lotsen}`);
    expect(fs.readFileSync(path.join(outDir, manifest.app.js), 'utf8')).toContain(
      `import("./chunks/${lotsen}")`,
    );
  });

  test('the widget names no other host and sets no cookies', () => {
    const js = fs.readFileSync(path.join(outDir, manifest.widget.js), 'utf8');
    // schema.org IRIs name the JSON-LD vocabulary ("@context", eventStatus values); they are
    // written into the page as data and never requested (the browser tests watch every request).
    const urls = (js.match(/\b(?:https?|wss?):\/\/[^\s"'`)]+/g) ?? []).filter(
      (u) => !/^https:\/\/schema\.org(\/\w*)?$/.test(u),
    );
    expect(urls).toEqual([]);
    expect(js).not.toMatch(/document\.cookie|localStorage|sendBeacon/);
  });

  test('the explorer is bundled whole: no CDN addresses in its code or styles', () => {
    const js = fs.readFileSync(path.join(outDir, manifest.explorer.js), 'utf8');
    const css = fs.readFileSync(path.join(outDir, manifest.explorer.css!), 'utf8');
    for (const cdn of [
      'unpkg.com',
      'jsdelivr',
      'cdnjs',
      'embeddable-sandbox',
      'apollographql.com/',
    ]) {
      expect(js.includes(cdn) || css.includes(cdn)).toBe(false);
    }
    expect(css).not.toMatch(/url\((?!data:|["']?data:)/);
  });
});

describe('generated client code', () => {
  test('is what npm run codegen writes from the committed schema', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-codegen-'));
    const config = path.join(tmp, 'codegen.config.ts');
    // The project's own config, only with the output moved to a temporary folder.
    fs.writeFileSync(
      config,
      `import base from ${JSON.stringify(path.join(ROOT, 'codegen.ts'))};\n` +
        `const [options] = Object.values(base.generates);\n` +
        `export default { ...base, generates: { ${JSON.stringify(`${tmp}/out/`)}: options } };\n`,
    );
    try {
      execFileSync(
        path.join(ROOT, 'node_modules/.bin/graphql-codegen'),
        ['--config', config, '--silent'],
        {
          cwd: ROOT,
          stdio: 'pipe',
        },
      );
      const expected = fs.readdirSync(GENERATED).sort();
      expect(fs.readdirSync(path.join(tmp, 'out')).sort()).toEqual(expected);
      for (const file of expected) {
        const fresh = fs.readFileSync(path.join(tmp, 'out', file), 'utf8');
        const committed = fs.readFileSync(path.join(GENERATED, file), 'utf8');
        if (fresh !== committed) {
          throw new Error(
            `src/clients/generated/${file} is stale: run npm run codegen and commit the result`,
          );
        }
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 120000);
});
