// Builds the browser bundles (widget, dashboard, explorer, workspace) with esbuild into dist/clients/.
// Output names carry a content hash so pages can cache them forever; manifest.json maps each
// entry to its files. The build goes to a temporary folder first and is swapped in whole, so a
// running hub (or a parallel test) never sees half a build.
//
//   npm run build:clients                 always build
//   npm run build:clients -- --if-stale   only when missing or older than a source file
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const CLIENTS_SRC = path.join(PROJECT_ROOT, 'src', 'clients');
export const DEFAULT_CLIENTS_DIR = path.join(PROJECT_ROOT, 'dist', 'clients');

export interface ClientAsset {
  js: string;
  css?: string;
}
export interface ClientManifest {
  builtAt: string;
  widget: ClientAsset;
  dashboard: ClientAsset;
  explorer: ClientAsset;
  app: ClientAsset;
}

const ENTRIES = {
  widget: 'widget/widget.ts',
  dashboard: 'dashboard/dashboard.ts',
  explorer: 'explorer/explorer.tsx',
  app: 'app/app.ts',
} as const;

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function clientsAreStale(outDir = DEFAULT_CLIENTS_DIR): boolean {
  const manifest = path.join(outDir, 'manifest.json');
  if (!fs.existsSync(manifest)) return true;
  return fs.statSync(manifest).mtimeMs < newestSource(CLIENTS_SRC);
}

export async function buildClients(options: { outDir?: string } = {}): Promise<ClientManifest> {
  const outDir = options.outDir ?? DEFAULT_CLIENTS_DIR;
  const tmp = `${outDir}.tmp-${process.pid}-${Date.now()}`;
  const common = {
    outdir: tmp,
    entryNames: '[name]-[hash]',
    assetNames: 'assets/[name]-[hash]',
    bundle: true,
    minify: true,
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    platform: 'browser',
    jsx: 'automatic',
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    // Fonts and images referenced by GraphiQL's CSS are bundled as files, never fetched elsewhere.
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
    tsconfig: path.join(CLIENTS_SRC, 'tsconfig.json'),
  } satisfies BuildOptions;
  const entryPoints = (names: Array<keyof typeof ENTRIES>) =>
    Object.fromEntries(names.map((name) => [name, path.join(CLIENTS_SRC, ENTRIES[name])]));
  const [classic, modules] = await Promise.all([
    build({
      ...common,
      format: 'iife',
      entryPoints: entryPoints(['widget', 'dashboard', 'explorer']),
    }),
    // The workspace is an ES module split into chunks: each group of screens (`import()`) is a
    // file of its own under chunks/, loaded when first opened.
    build({
      ...common,
      format: 'esm',
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      entryPoints: entryPoints(['app']),
    }),
  ]);
  const outputs = { ...classic.metafile.outputs, ...modules.metafile.outputs };
  const manifest: Partial<ClientManifest> = { builtAt: new Date().toISOString() };
  for (const [file, out] of Object.entries(outputs)) {
    if (!out.entryPoint) continue;
    const name = (Object.keys(ENTRIES) as Array<keyof typeof ENTRIES>).find(
      (n) => path.resolve(out.entryPoint!) === path.join(CLIENTS_SRC, ENTRIES[n]),
    );
    if (!name) continue;
    const asset: ClientAsset = { js: path.relative(tmp, path.resolve(file)) };
    if (out.cssBundle) asset.css = path.relative(tmp, path.resolve(out.cssBundle));
    manifest[name] = asset;
  }
  // Pre-compressed copies: the hub sends these to browsers that accept gzip.
  for (const file of Object.keys(outputs)) {
    if (/\.(js|css)$/.test(file)) {
      fs.writeFileSync(`${file}.gz`, gzipSync(fs.readFileSync(file), { level: 9 }));
    }
  }
  fs.writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const old = `${outDir}.old-${process.pid}-${Date.now()}`;
  try {
    if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
    fs.renameSync(tmp, outDir);
  } catch (e) {
    // A parallel build (another test worker) swapped its output in first: the same sources
    // give the same hashed files, so keep that one.
    if (!fs.existsSync(path.join(outDir, 'manifest.json'))) throw e;
    fs.rmSync(tmp, { recursive: true, force: true });
    return JSON.parse(
      fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8'),
    ) as ClientManifest;
  } finally {
    fs.rmSync(old, { recursive: true, force: true });
  }
  return manifest as ClientManifest;
}

if (require.main === module) {
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale && !clientsAreStale()) {
    process.exit(0);
  }
  const started = Date.now();
  buildClients().then(
    (m) => {
      process.stdout.write(
        `client bundles built in ${Date.now() - started} ms: ${[m.widget.js, m.dashboard.js, m.explorer.js, m.app.js].join(', ')}\n`,
      );
    },
    (e: unknown) => {
      process.stderr.write(`client build failed: ${(e as Error).message}\n`);
      process.exit(1);
    },
  );
}
