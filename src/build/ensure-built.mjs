#!/usr/bin/env node
// Builds the hub (TypeScript into dist/, then the browser bundles) only when its sources changed
// since the last good build, so `npm start`, `npm run hub -- ...` and `npm test` start in
// seconds instead of compiling every time. Plain JavaScript: it has to run before anything is
// compiled, and fast.
//
//   node src/build/ensure-built.mjs            build when stale (the npm scripts call this)
//   node src/build/ensure-built.mjs --force    build anyway (`npm run build`)
//
// "Stale" means the content hash of every build input differs from the one recorded in
// dist/.build-stamp after the last successful build, or an output is missing. Content, not
// mtimes: a checkout or a touch that changes nothing builds nothing. Everything the build prints
// goes to stderr, so stdout stays the command's own (TOKEN=$(npm run --silent hub -- token ...)).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const rootArg = args.indexOf('--root');
const root =
  rootArg >= 0
    ? path.resolve(args[rootArg + 1])
    : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const force = args.includes('--force');

/** What the TypeScript build and the client build read (tsconfig.json's include, and more). */
const INPUT_DIRS = ['src', 'migrations', 'test'];
const INPUT_FILES = [
  'tsconfig.json',
  'ormconfig.ts',
  'codegen.ts',
  'package.json',
  'package-lock.json',
];
const SKIP_DIRS = new Set(['node_modules', 'dist']);
const OUTPUTS = ['dist/src/main.js', 'dist/clients/manifest.json'];
const STAMP = path.join(root, 'dist', '.build-stamp');
const LOCK = path.join(root, 'dist', '.build-lock');

function listFiles(dir, out) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) listFiles(full, out);
    } else if (e.isFile()) out.push(full);
  }
  return out;
}

function inputsHash() {
  const files = [];
  for (const d of INPUT_DIRS) listFiles(path.join(root, d), files);
  for (const f of INPUT_FILES)
    if (fs.existsSync(path.join(root, f))) files.push(path.join(root, f));
  const hash = createHash('sha256');
  for (const f of files.map((f) => path.relative(root, f)).sort()) {
    hash
      .update(f)
      .update('\0')
      .update(fs.readFileSync(path.join(root, f)))
      .update('\0');
  }
  return hash.digest('hex');
}

function fresh(hash) {
  if (!OUTPUTS.every((o) => fs.existsSync(path.join(root, o)))) return false;
  try {
    return fs.readFileSync(STAMP, 'utf8').trim() === hash;
  } catch {
    return false;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** One build at a time (`npm start` and a CLI command run together on a fresh clone). */
function lock() {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      return true;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    let holder = 0;
    try {
      holder = Number(fs.readFileSync(path.join(LOCK, 'pid'), 'utf8'));
    } catch {
      /* being written or removed */
    }
    if (holder && !alive(holder)) fs.rmSync(LOCK, { recursive: true, force: true });
    else return false;
  }
}

function waitForOtherBuild() {
  process.stderr.write('engagement-hub: another build is running; waiting for it\n');
  while (fs.existsSync(LOCK)) {
    let holder = 0;
    try {
      holder = Number(fs.readFileSync(path.join(LOCK, 'pid'), 'utf8'));
    } catch {
      /* being written or removed */
    }
    if (holder && !alive(holder)) break;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  }
}

function npm(script, extra = []) {
  const npmCli = process.env.npm_execpath;
  const [cmd, pre] =
    npmCli && /\.[cm]?js$/.test(npmCli) ? [process.execPath, [npmCli]] : ['npm', []];
  const r = spawnSync(cmd, [...pre, 'run', '--silent', script, ...extra], {
    cwd: root,
    // the build's output goes to stderr: stdout belongs to the command that follows
    stdio: ['ignore', 2, 2],
  });
  return r.status === 0;
}

function build() {
  const hash = inputsHash();
  if (!force && fresh(hash)) return;
  if (!lock()) {
    waitForOtherBuild();
    return build();
  }
  try {
    const started = Date.now();
    process.stderr.write(
      force || !fs.existsSync(STAMP)
        ? 'engagement-hub: building (TypeScript, then the browser bundles) ...\n'
        : 'engagement-hub: sources changed since the last build: building ...\n',
    );
    fs.rmSync(STAMP, { force: true });
    const failed = ['build:tsc', 'build:clients'].find(
      (script) => !npm(script, script === 'build:clients' ? ['--', '--if-stale'] : []),
    );
    if (failed) {
      process.stderr.write(`engagement-hub: the build failed (npm run ${failed}); see above\n`);
      process.exitCode = 1;
      return;
    }
    fs.writeFileSync(STAMP, hash + '\n');
    process.stderr.write(
      `engagement-hub: built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

build();
