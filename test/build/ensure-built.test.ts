// src/build/ensure-built.mjs builds only when a source changed since the last good build. Run
// here on a small project of its own whose build steps record that they ran.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers/cli-process';

const SCRIPT = path.join(ROOT, 'src', 'build', 'ensure-built.mjs');

// The fixture's build: appends its step to build.log, prints to stdout (which must end up on
// stderr), writes the outputs, and fails while a file FAIL exists.
const BUILDER = `
const fs = require('fs');
const step = process.argv.slice(2).join(' ');
if (fs.existsSync('FAIL')) { console.log('compile error'); process.exit(2); }
fs.appendFileSync('build.log', step + '\\n');
console.log('built ' + step);
fs.mkdirSync('dist/src', { recursive: true });
fs.mkdirSync('dist/clients', { recursive: true });
fs.writeFileSync('dist/src/main.js', '');
fs.writeFileSync('dist/clients/manifest.json', '{}');
`;

describe('ensure-built', () => {
  let root: string;
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [SCRIPT, '--root', root, ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const builds = () =>
    fs.existsSync(path.join(root, 'build.log'))
      ? fs.readFileSync(path.join(root, 'build.log'), 'utf8').trim().split('\n')
      : [];
  const write = (file: string, content: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-ensure-built-'));
    write(
      'package.json',
      JSON.stringify({
        name: 'fixture',
        private: true,
        scripts: { 'build:tsc': 'node builder.js tsc', 'build:clients': 'node builder.js clients' },
      }),
    );
    write('builder.js', BUILDER);
    write('tsconfig.json', '{}');
    write('src/main.ts', 'export const a = 1;\n');
    write('src/clients/widget.ts', 'export const w = 1;\n');
    write('test/a.test.ts', '// a test\n');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('builds on the first run, with all output on stderr, and not again while nothing changed', () => {
    const first = run();
    expect({ code: first.code, stdout: first.stdout }).toEqual({ code: 0, stdout: '' });
    expect(first.stderr).toContain('built tsc');
    expect(builds()).toEqual(['tsc', 'clients --if-stale']);

    expect(run()).toEqual({ code: 0, stdout: '', stderr: '' });
    // a touch (a checkout, an editor saving unchanged) changes no content: still nothing to do
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(root, 'src/main.ts'), later, later);
    expect(run().stderr).toBe('');
    expect(builds()).toHaveLength(2);
  });

  it('builds again when a source, a test, the config or the lock file changes', () => {
    run();
    const changes: Array<[string, string]> = [
      ['src/main.ts', 'export const a = 2;\n'],
      ['src/clients/widget.ts', 'export const w = 2;\n'],
      ['src/new-module.ts', 'export {};\n'],
      ['test/a.test.ts', '// changed\n'],
      ['migrations/1-init.ts', 'export {};\n'],
      ['tsconfig.json', '{ "compilerOptions": {} }'],
      ['package-lock.json', '{}'],
    ];
    for (const [file, content] of changes) {
      write(file, content);
      const before = builds().length;
      expect({ file, code: run().code }).toEqual({ file, code: 0 });
      expect({ file, builds: builds().length - before }).toEqual({ file, builds: 2 });
      expect(run().stderr).toBe('');
    }
    fs.rmSync(path.join(root, 'src/new-module.ts'));
    run();
    expect(builds().slice(-2)).toEqual(['tsc', 'clients --if-stale']);
  });

  it('builds again when an output is missing, and always with --force', () => {
    run();
    fs.rmSync(path.join(root, 'dist/clients'), { recursive: true });
    run();
    expect(builds()).toHaveLength(4);
    run('--force');
    expect(builds()).toHaveLength(6);
  });

  it('fails with the build and builds again on the next run', () => {
    run();
    write('src/main.ts', 'export const a = ;\n');
    write('FAIL', '');
    const failed = run();
    expect(failed.code).not.toBe(0);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toContain('compile error');
    expect(failed.stderr).toContain('the build failed (npm run build:tsc)');
    fs.rmSync(path.join(root, 'FAIL'));
    expect(run().code).toBe(0);
    expect(builds()).toHaveLength(4);
    expect(run().stderr).toBe('');
  });

  it('is what npm start, npm run hub and npm test run before the hub', () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const name of ['start', 'hub', 'schema', 'bench', 'pretest']) {
      expect({ name, script: scripts[name] }).toEqual({
        name,
        script: expect.stringMatching(/^node src\/build\/ensure-built\.mjs( &&|$)/),
      });
    }
  });
});
