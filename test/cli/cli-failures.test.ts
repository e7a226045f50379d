// A failing CLI command prints one line that says what is wrong, and no stack trace; a file the
// import cannot use is refused before any database is touched.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli-process';
import { freePort } from '../helpers/global-setup';
import { createTestDatabase, TestDatabase } from '../helpers/test-database';
import { DEMO_SET, loadDemoSet } from '../../src/modules/seed/demo-seed';

async function cli(args: string[], env: Record<string, string> = {}) {
  const p = runCli(args, env);
  const { code } = await p.exited;
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}

/** Exactly one line on stderr, and nothing that looks like a stack frame. */
function oneLine(stderr: string): string {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  return stderr.trimEnd();
}

describe('CLI failures', () => {
  let dir: string;
  // A port nothing listens on: a command that touched the database would fail differently.
  let noDatabase: Record<string, string>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-cli-'));
    noDatabase = { DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/none` };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, content: string | Buffer) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, content);
    return f;
  };

  describe('import', () => {
    it('refuses an unterminated quote in one line, naming the line', async () => {
      const f = file('quote.csv', 'kind,name,municipality\nCLUB,"Kegelclub,Büsum\n');
      const r = await cli(['import', f], noDatabase);
      expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 1, stdout: '' });
      expect(oneLine(r.stderr)).toBe(
        `import refused: ${f}: line 2: a quoted field is never closed (a field that starts with " must end with "); nothing imported`,
      );
    });

    it('says an empty file is empty', async () => {
      const f = file('empty.csv', '');
      const r = await cli(['import', f], noDatabase);
      expect(r.code).toBe(1);
      expect(oneLine(r.stderr)).toBe(`import refused: ${f}: the file is empty; nothing imported`);
    });

    it('refuses a workbook and a bad header with one line each', async () => {
      const xlsx = file('list.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
      const r1 = await cli(['import', xlsx], noDatabase);
      expect(r1.code).toBe(1);
      expect(oneLine(r1.stderr)).toMatch(/workbook .*save it as "CSV UTF-8"/);
      const header = file('header.csv', 'art,name\nVerein,X\n');
      const r2 = await cli(['import', header], noDatabase);
      expect(r2.code).toBe(1);
      expect(oneLine(r2.stderr)).toBe(
        `import refused: ${header}: line 1: missing column(s): kind, municipality; unknown column(s): art; nothing imported`,
      );
    });

    it('says a file with only the header row holds nothing to import', async () => {
      const f = file('only-header.csv', 'kind;name;municipality\r\n');
      const r = await cli(['import', f], noDatabase);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`nothing to import: ${f} has a header row and no actors\n`);
    });

    it('names a missing file', async () => {
      const r = await cli(['import', path.join(dir, 'nope.csv')], noDatabase);
      expect(r.code).toBe(1);
      expect(oneLine(r.stderr)).toBe(
        `engagement-hub import: there is no file ${path.join(dir, 'nope.csv')}`,
      );
    });
  });

  describe('with a database', () => {
    let t: TestDatabase;

    beforeAll(async () => {
      t = await createTestDatabase();
      await loadDemoSet(t.db, { ...DEMO_SET, actors: [], cooperations: [], needs: [], offers: [] });
    });
    afterAll(() => t.drop());

    it('imports a ;-separated file with German kinds', async () => {
      const f = file('de.csv', 'Kind;Name;Municipality\nVerein;Shantychor Büsum;Büsum\n');
      const r = await cli(['import', f], { DATABASE_URL: t.url });
      expect({ code: r.code, stdout: r.stdout }).toEqual({
        code: 0,
        stdout: 'imported: 1 created, 0 updated, 0 rejected\n',
      });
      expect(r.stderr).toBe(`reading ${f} as UTF-8, separated by ";"\n`);
      expect(await t.db.query(`SELECT kind, name FROM actor`)).toEqual([
        { kind: 'CLUB', name: 'Shantychor Büsum' },
      ]);
    });

    it('lists bad rows, then one summary, and writes nothing', async () => {
      const f = file('bad.csv', 'kind,name,municipality\nSportclub,X-Club,Büsum\n');
      const r = await cli(['import', f], { DATABASE_URL: t.url });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        'line 2: unknown kind "Sportclub"\n' +
          'import refused: 1 bad row(s), nothing imported (use --skip-invalid to import the good rows)\n',
      );
    });
  });

  it('says in one line that the database cannot be reached', async () => {
    const r = await cli(['migrate'], noDatabase);
    expect(r.code).toBe(1);
    const port = new URL(noDatabase.DATABASE_URL).port;
    expect(oneLine(r.stderr)).toMatch(
      new RegExp(
        `^engagement-hub migrate: cannot connect to the database \\(127\\.0\\.0\\.1:${port}\\)`,
      ),
    );
  });

  it('names an unknown command in one line', async () => {
    const r = await cli(['frobnicate']);
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toBe(
      'engagement-hub frobnicate: unknown command "frobnicate" (engagement-hub help lists them)',
    );
  });
});
