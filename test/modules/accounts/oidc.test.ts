// Sign-in through OpenID Connect against a real provider (oidc-provider on 127.0.0.1): the hub
// (a real `serve` process, since openid-client is an ES module) runs authorization code + PKCE,
// maps the provider's verified e-mail to its account and hands the dashboard its own session.
import { spawn, ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { Client } from 'pg';
import { announcedPort, CliProcess, runCli } from '../../helpers/cli-process';
import { freePort } from '../../helpers/global-setup';
import { createTestDatabase, TestDatabase } from '../../helpers/test-database';
import { waitFor } from '../../helpers/wait-for';

const CLIENT_ID = 'engagement-hub';
const CLIENT_SECRET = 'a-client-secret-for-the-test-0123456789';

/** A browser's cookie jar, per origin (host and port), enough for two servers on 127.0.0.1. */
class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  /** GETs url and follows redirects (sending and keeping cookies) until a page or `stopAt`. */
  async visit(url: string, stopAt: string): Promise<{ url: string; status: number; text: string }> {
    let current = url;
    for (let hops = 0; hops < 20; hops++) {
      const u = new URL(current);
      if (current.startsWith(stopAt)) return { url: current, status: 302, text: '' };
      const jar = this.jars.get(u.origin) ?? new Map<string, string>();
      this.jars.set(u.origin, jar);
      const res = await fetch(current, {
        redirect: 'manual',
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const [k, ...v] = pair.split('=');
        if (/max-age=0/i.test(c)) jar.delete(k);
        else jar.set(k, v.join('='));
      }
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        current = new URL(location, current).href;
        continue;
      }
      return { url: current, status: res.status, text: await res.text() };
    }
    throw new Error('too many redirects');
  }
}

describe('sign-in with OpenID Connect', () => {
  let db: TestDatabase;
  let provider: ChildProcess;
  let issuer: string;
  let hub: CliProcess;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.db.query(
      `INSERT INTO account (email, display_name, role) VALUES ('anke@example.org', 'Anke', 'ADMIN')`,
    );
    const hubPort = await freePort();
    const oidcPort = await freePort();
    base = `http://127.0.0.1:${hubPort}`;
    provider = spawn(process.execPath, [path.join(__dirname, '../../helpers/oidc-provider.mjs')], {
      env: {
        PATH: process.env.PATH,
        OIDC_PORT: String(oidcPort),
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        HUB_REDIRECT_URI: `${base}/auth/oidc/callback`,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    provider.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    issuer = await waitFor('the provider to start', async () => /ready (\S+)/.exec(out)?.[1]);
    hub = runCli(['serve'], {
      DATABASE_URL: db.url,
      PORT: String(hubPort),
      HOST: '127.0.0.1',
      HUB_SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
      HUB_JWT_SECRET: 'oidc-test-secret-oidc-test-secret-0123456789',
      HUB_OIDC_ISSUER: issuer,
      HUB_OIDC_CLIENT_ID: CLIENT_ID,
      HUB_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      HUB_PUBLIC_URL: base,
    });
    await waitFor('the hub to listen', async () => announcedPort(hub.stdout()), {
      timeoutMs: 30_000,
    });
  }, 60_000);

  afterAll(async () => {
    hub?.child.kill('SIGTERM');
    provider?.kill('SIGTERM');
    await hub?.exited;
    await db?.drop();
  });

  const nextUser = (email: string, verified: boolean) =>
    fetch(`${issuer}/test/next-user`, {
      method: 'POST',
      body: JSON.stringify({ email, verified }),
    });

  it('signs a known, verified e-mail in with a session of the hub', async () => {
    await nextUser('Anke@Example.org', true);
    const end = await new Browser().visit(`${base}/auth/oidc/start`, `${base}/app`);
    // The session lands in the workspace, in the fragment (never sent to a server).
    expect(end.url.startsWith(`${base}/app#session=`)).toBe(true);
    const token = decodeURIComponent(/#session=(.+)$/.exec(end.url)?.[1] ?? '');
    expect(token).not.toBe('');
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect(await res.json()).toEqual({ data: { viewer: { role: 'ADMIN' } } });
    const c = new Client({ connectionString: db.url });
    await c.connect();
    const { rows } = await c.query(`SELECT last_sign_in_at FROM account`);
    await c.end();
    expect(rows[0].last_sign_in_at).not.toBeNull();
  });

  it('refuses an e-mail the provider has not verified, and one without an account', async () => {
    await nextUser('anke@example.org', false);
    const unverified = await new Browser().visit(`${base}/auth/oidc/start`, `${base}/app`);
    expect(unverified.status).toBe(403);
    expect(unverified.text).toContain('keine bestätigte E-Mail-Adresse');

    await nextUser('fremd@example.org', true);
    const unknown = await new Browser().visit(`${base}/auth/oidc/start`, `${base}/app`);
    expect(unknown.status).toBe(403);
    expect(unknown.text).toContain('kein Konto');
  });

  it('sends the provider back to HUB_PUBLIC_URL, whatever Host header the request carried', async () => {
    const location = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        `${base}/auth/oidc/start`,
        { headers: { host: 'evil.example' } },
        (res) => {
          res.resume();
          resolve(String(res.headers.location ?? ''));
        },
      );
      req.on('error', reject);
    });
    expect(location.startsWith(issuer)).toBe(true);
    expect(new URL(location).searchParams.get('redirect_uri')).toBe(`${base}/auth/oidc/callback`);
  });

  it('refuses a callback without the flow it started (state, PKCE verifier)', async () => {
    const forged = await new Browser().visit(
      `${base}/auth/oidc/callback?code=abc&state=xyz`,
      `${base}/app`,
    );
    expect(forged.status).toBe(400);
    expect(forged.text).toContain('abgelaufen');
  });
});
