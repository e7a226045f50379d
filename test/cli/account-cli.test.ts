// `account invite|list|disable` on the real CLI: the first admin is invited with a printed
// sign-in link, listed, and disabled (its sessions end); mistakes are one line, nothing written.
import { runCli } from '../helpers/cli-process';
import { createTestDatabase, TestDatabase } from '../helpers/test-database';

describe('account commands', () => {
  let db: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    env = {
      DATABASE_URL: db.url,
      HUB_JWT_SECRET: 'cli-test-secret-cli-test-secret-0123456789',
      HUB_PUBLIC_URL: 'http://hub.example.org',
    };
  });
  afterAll(() => db.drop());

  const cli = async (args: string[]) => {
    const p = runCli(['account', ...args], env);
    const { code } = await p.exited;
    return { code, stdout: p.stdout(), stderr: p.stderr() };
  };

  it('invites the first admin and prints the sign-in link; lists and disables it', async () => {
    const invited = await cli([
      'invite',
      '--email',
      'Anke@Example.org',
      '--name',
      'Anke Petersen',
      '--role',
      'admin',
    ]);
    expect(invited.stderr).toBe('');
    expect(invited.code).toBe(0);
    expect(invited.stdout).toContain('invited anke@example.org as ADMIN');
    expect(invited.stdout).toMatch(
      /sign-in link \(valid 7 days, once\): http:\/\/hub\.example\.org\/\S+/,
    );
    const outbox = await db.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM account WHERE email = 'anke@example.org'`,
    );
    expect(outbox[0].n).toBe(1);

    const listed = await cli(['list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^anke@example\.org\tADMIN\tAnke Petersen\tnever signed in$/m);

    const disabled = await cli(['disable', '--email', 'ANKE@example.org']);
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toContain('disabled anke@example.org');
    const [row] = await db.db.query<{ disabled: boolean; session_generation: number }>(
      'SELECT disabled, session_generation FROM account',
    );
    expect(row).toEqual({ disabled: true, session_generation: 2 });
    expect((await cli(['list'])).stdout).toContain('\tdisabled');
  });

  it('says in one line what is wrong, and writes nothing', async () => {
    const before = await db.db.query<{ n: number }>('SELECT count(*)::int AS n FROM account');
    for (const [args, message] of [
      [['invite', '--email', 'x@example.org', '--role', 'ADMIN'], 'needs --name'],
      [['invite', '--email', 'x@example.org', '--name', 'X', '--role', 'BOSS'], '--role must be'],
      [['invite', '--email', 'kein-mail', '--name', 'X', '--role', 'ADMIN'], 'not an e-mail'],
      [['invite', '--email', 'x@example.org', '--name', 'X', '--role', 'MEMBER'], 'actors'],
      [['disable', '--email', 'niemand@example.org'], 'not found'],
      [['rename'], 'invite, list or disable'],
    ] as const) {
      const r = await cli([...args]);
      expect(r.code).toBe(1);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(message);
    }
    expect(await db.db.query('SELECT count(*)::int AS n FROM account')).toEqual(before);
  });
});
