// Sign-in tokens: the `token` command's output verifies and carries its claims; an expired,
// unknown-role or wrongly signed token is 401 UNAUTHENTICATED (never PUBLIC); with HUB_JWKS_URL
// the hub verifies RS256/ES256 tokens against the identity provider's keys and refuses HS256.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { Client } from 'pg';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt, exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { toGlobalId } from '../../src/graphql/global-id';
import { Role } from '../../src/graphql/viewer';
import { ROOT, runCli } from '../helpers/cli-process';
import { startTestHub, TEST_JWT_SECRET, TestHub } from '../helpers/test-hub';

const SECRET = new TextEncoder().encode(TEST_JWT_SECRET);
const VIEWER = '{ viewer { role regions { id name } actors { id } } }';

async function cliToken(args: string[], env: Record<string, string>) {
  const p = runCli(['token', ...args], env);
  const { code } = await p.exited;
  return { code, stdout: p.stdout().trim(), stderr: p.stderr() };
}

const hs256 = (claims: Record<string, unknown>, exp: string | number = '1h') =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('tester')
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(SECRET);

describe('HS256 tokens (HUB_JWT_SECRET)', () => {
  let t: TestHub;
  let regionId: string;
  let actorId: string;

  beforeAll(async () => {
    t = await startTestHub();
    const admin = await t.token(Role.ADMIN);
    const res = await t.gql<{ createRegion: { id: string } }>(
      `mutation { createRegion(input: { name: "Tokenhausen", level: STATE }) { id } }`,
      {},
      admin,
    );
    regionId = res.data!.createRegion.id;
    // The hub refuses tokens naming actors that do not exist (issue 23): name a real one.
    const actor = await t.gql<{ createActor: { id: string } }>(
      `mutation($r: ID!) { createActor(input: { kind: CLUB, name: "Tokenverein", regionId: $r }) { id } }`,
      { r: regionId },
      admin,
    );
    actorId = actor.data!.createActor.id;
  }, 60_000);
  afterAll(() => t?.stop());

  describe('refused tokens', () => {
    it('answers an expired token with 401 UNAUTHENTICATED, not as PUBLIC', async () => {
      const expired = await hs256({ role: 'ADMIN' }, Math.floor(Date.now() / 1000) - 60);
      const res = await t.gql(VIEWER, {}, expired);
      expect(res.status).toBe(401);
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.errors?.[0].message).toMatch(/expired/);
      expect(res.data ?? null).toBeNull();
    });

    it('answers a token with an unknown role, or the PUBLIC role, with 401', async () => {
      for (const role of ['SUPERUSER', 'PUBLIC', 'admin', undefined]) {
        const res = await t.gql(VIEWER, {}, await hs256(role ? { role } : {}));
        expect({ role, status: res.status, code: res.errors?.[0].extensions?.code }).toEqual({
          role,
          status: 401,
          code: 'UNAUTHENTICATED',
        });
      }
    });

    it('answers region ids that are not Region global ids with 401', async () => {
      const res = await t.gql(VIEWER, {}, await hs256({ role: 'COORDINATOR', regionIds: ['12'] }));
      expect(res.status).toBe(401);
    });
  });

  describe('the token command', () => {
    it('refuses a missing or unknown role and malformed ids, printing no token', async () => {
      const env = { HUB_JWT_SECRET: TEST_JWT_SECRET };
      for (const args of [
        [],
        ['--role', 'PUBLIC'],
        ['--role', 'KING'],
        ['--role', 'COORDINATOR', '--region', '12'],
        ['--role', 'MEMBER', '--actor', toGlobalId('Region', 1)],
      ]) {
        const r = await cliToken(args, env);
        expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 1, stdout: '' });
      }
    });

    it('refuses a lifetime without an end and a COORDINATOR without a region, in one line', async () => {
      const env = { HUB_JWT_SECRET: TEST_JWT_SECRET };
      for (const [args, message] of [
        [['--role', 'ADMIN', '--ttl', 'forever'], /--ttl "forever" is not a lifetime/],
        [['--role', 'ADMIN', '--ttl', '0h'], /--ttl "0h" is not a lifetime/],
        [['--role', 'ADMIN', '--ttl', '-1h'], /--ttl "-1h" is not a lifetime/],
        [['--role', 'ADMIN', '--ttl'], /--ttl needs a lifetime/],
        [['--role', 'ADMIN', '--ttl', '1y2'], /--ttl "1y2" is not a lifetime/],
        [['--role', 'COORDINATOR'], /a COORDINATOR token needs --region ID/],
      ] as const) {
        const r = await cliToken([...args], env);
        expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 1, stdout: '' });
        expect(r.stderr).toMatch(message);
        expect(r.stderr).not.toMatch(/^\s+at /m);
        expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      }
    });

    it('gives every token it mints an expiry', async () => {
      for (const [ttl, seconds] of [
        [undefined, 8 * 3600],
        ['90s', 90],
        ['30m', 1800],
        ['12H', 12 * 3600],
        ['7d', 7 * 86400],
        ['2w', 14 * 86400],
      ] as const) {
        const r = await cliToken(['--role', 'ADMIN', ...(ttl ? ['--ttl', ttl] : [])], {
          HUB_JWT_SECRET: TEST_JWT_SECRET,
        });
        expect(r.code).toBe(0);
        const { payload } = await jwtVerify(r.stdout, SECRET, { algorithms: ['HS256'] });
        expect({ ttl, lifetime: payload.exp! - payload.iat! }).toEqual({ ttl, lifetime: seconds });
      }
    });

    it('prints only the token on stdout through npm run --silent, ready for TOKEN=$(...)', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-token-npm-'));
      try {
        const npm = spawn('npm', ['run', '--silent', 'hub', '--', 'token', '--role', 'ADMIN'], {
          cwd: ROOT,
          env: {
            PATH: process.env.PATH ?? '',
            HOME: process.env.HOME ?? '/tmp',
            HUB_DATA_DIR: dir,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        npm.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        const code = await new Promise((resolve) => npm.on('exit', resolve));
        expect(code).toBe(0);
        expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
        expect(decodeJwt(stdout.trim()).role).toBe('ADMIN');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);

    it('prints a token that verifies and carries the claims', async () => {
      const r = await cliToken(
        ['--role', 'COORDINATOR', '--region', regionId, '--actor', actorId, '--ttl', '2h'],
        { HUB_JWT_SECRET: TEST_JWT_SECRET },
      );
      expect(r.code).toBe(0);
      const { payload } = await jwtVerify(r.stdout, SECRET, { algorithms: ['HS256'] });
      expect(payload).toMatchObject({
        role: 'COORDINATOR',
        regionIds: [regionId],
        actorIds: [actorId],
        sub: 'cli-coordinator',
      });
      expect(payload.exp! - payload.iat!).toBe(7200);
      const res = await t.gql<{ viewer: { role: string; regions: { id: string }[] } }>(
        VIEWER,
        {},
        r.stdout,
      );
      expect(res.data?.viewer.role).toBe('COORDINATOR');
      expect(res.data?.viewer.regions.map((x) => x.id)).toEqual([regionId]);
    });

    it('generates the embedded default secret once and keeps it in the data directory', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-token-'));
      try {
        const first = await cliToken(['--role', 'ADMIN'], { HUB_DATA_DIR: dir });
        const second = await cliToken(['--role', 'ADMIN'], { HUB_DATA_DIR: dir });
        const file = path.join(dir, 'jwt-secret');
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        const secret = new TextEncoder().encode(fs.readFileSync(file, 'utf8').trim());
        for (const jwt of [first.stdout, second.stdout]) {
          expect((await jwtVerify(jwt, secret)).payload.role).toBe('ADMIN');
        }
        await expect(jwtVerify(first.stdout, SECRET)).rejects.toThrow();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

describe('tokens from an identity provider (HUB_JWKS_URL)', () => {
  let t: TestHub;
  let jwks: http.Server;
  let rsa: Awaited<ReturnType<typeof generateKeyPair>>;
  let ec: Awaited<ReturnType<typeof generateKeyPair>>;

  beforeAll(async () => {
    rsa = await generateKeyPair('RS256');
    ec = await generateKeyPair('ES256');
    const keys = [
      { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
    ];
    jwks = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const port = (jwks.address() as AddressInfo).port;
    t = await startTestHub({ env: { HUB_JWKS_URL: `http://127.0.0.1:${port}/jwks.json` } });
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
    await new Promise((resolve) => jwks?.close(resolve));
  });

  const signed = (alg: 'RS256' | 'ES256', kid: string, key: Parameters<SignJWT['sign']>[0]) =>
    new SignJWT({ role: 'NETWORKER' })
      .setProtectedHeader({ alg, kid })
      .setSubject('idp-user')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);

  it('refuses an HS256 token, even one signed with HUB_JWT_SECRET', async () => {
    const token = await hs256({ role: 'ADMIN' });
    const res = await t.gql(VIEWER, {}, token);
    expect(res.status).toBe(401);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("still accepts the hub's own account sessions (e-mail link, OpenID Connect), and their end", async () => {
    const c = new Client({ connectionString: t.databaseUrl });
    await c.connect();
    const { rows } = await c
      .query<{ id: number }>(
        `INSERT INTO account (email, display_name, role) VALUES ('idp@example.org', 'IdP', 'ADMIN') RETURNING id`,
      )
      .finally(() => c.end());
    const [{ account }] = await t.hub.services.accounts.byIds([rows[0].id]);
    const { token } = await t.hub.services.accounts.issueSession(account);
    expect((await t.gql<{ viewer: { role: string } }>(VIEWER, {}, token)).data?.viewer.role).toBe(
      'ADMIN',
    );
    await t.gql('mutation { signOut }', {}, token);
    expect((await t.gql(VIEWER, {}, token)).status).toBe(401);
  });

  it('refuses a token signed by a key the provider does not publish', async () => {
    const stranger = await generateKeyPair('RS256');
    const res = await t.gql(VIEWER, {}, await signed('RS256', 'rsa-1', stranger.privateKey));
    expect(res.status).toBe(401);
  });

  it('accepts RS256 and ES256 tokens signed with the published keys', async () => {
    for (const token of [
      await signed('RS256', 'rsa-1', rsa.privateKey),
      await signed('ES256', 'ec-1', ec.privateKey),
    ]) {
      expect(decodeJwt(token).sub).toBe('idp-user');
      const res = await t.gql<{ viewer: { role: string } }>(VIEWER, {}, token);
      expect(res.status).toBe(200);
      expect(res.data?.viewer.role).toBe('NETWORKER');
    }
  });
});
