// Sessions of accounts: the token carries the account and its session generation; signOut ends
// every session of the account on HTTP, WebSocket (open sockets close) and SSE, also on a second
// hub on the same database, which learns it by NOTIFY (no database read per request).
import { Client } from 'pg';
import { Account } from '../../../src/modules/accounts/account.entity';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { overSse } from '../../helpers/transports';
import { openGraphqlSocket } from '../../helpers/ws-client';
import { waitFor } from '../../helpers/wait-for';

const VIEWER = '{ viewer { role } }';

async function createAccount(t: TestHub, email: string): Promise<Account> {
  const c = new Client({ connectionString: t.databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: number }>(
      `INSERT INTO account (email, display_name, role) VALUES ($1, 'Test Person', 'ADMIN') RETURNING id`,
      [email],
    );
    const [found] = await t.hub.services.accounts.byIds([rows[0].id]);
    return found.account;
  } finally {
    await c.end();
  }
}

describe('sessions and signOut', () => {
  let a: TestHub;
  let b: TestHub;

  beforeAll(async () => {
    a = await startTestHub();
    b = await startTestHub({ databaseUrl: a.databaseUrl });
  });
  afterAll(async () => {
    await b.stop();
    await a.stop();
  });

  it('a revoked token is UNAUTHENTICATED (401) on HTTP, both hubs, and on SSE', async () => {
    const account = await createAccount(a, 'revoke-me@example.org');
    const { token } = await a.hub.services.accounts.issueSession(account);
    const other = (await a.hub.services.accounts.issueSession(account)).token;
    expect((await a.gql(VIEWER, {}, token)).data).toEqual({ viewer: { role: 'ADMIN' } });
    expect((await b.gql(VIEWER, {}, token)).data).toEqual({ viewer: { role: 'ADMIN' } });

    const out = await a.gql<{ signOut: boolean }>('mutation { signOut }', {}, token);
    expect(out.data).toEqual({ signOut: true });

    // Every session of the account ends, not only the one that signed out.
    for (const t of [token, other]) {
      const res = await a.gql(VIEWER, {}, t);
      expect(res.status).toBe(401);
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    // The second hub learns it from the NOTIFY.
    await waitFor('hub b refuses the ended session', async () => {
      const res = await b.gql(VIEWER, {}, other);
      return res.status === 401 && res.errors?.[0].extensions?.code === 'UNAUTHENTICATED';
    });
    const sse = await overSse(b.url, { query: VIEWER }, other);
    expect(sse.status).toBe(401);
    expect(sse.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    // A new sign-in works again.
    const [fresh] = await a.hub.services.accounts.byIds([account.id]);
    const again = await a.hub.services.accounts.issueSession(fresh.account);
    expect((await b.gql(VIEWER, {}, again.token)).data).toEqual({ viewer: { role: 'ADMIN' } });
  });

  it('checks sessions from the cache: no database read per request once an account is known', async () => {
    const account = await createAccount(a, 'cached@example.org');
    const { token } = await b.hub.services.accounts.issueSession(account);
    expect((await b.gql(VIEWER, {}, token)).status).toBe(200);
    // Were the generation read per request, the lock would hold these requests past the timeout.
    const c = new Client({ connectionString: a.databaseUrl });
    await c.connect();
    try {
      await c.query('BEGIN');
      await c.query('LOCK TABLE account IN ACCESS EXCLUSIVE MODE');
      for (let i = 0; i < 5; i++) expect((await b.gql(VIEWER, {}, token)).status).toBe(200);
      await c.query('ROLLBACK');
    } finally {
      await c.end();
    }
  });

  it('closes the open WebSockets of the account on both hubs, and refuses new ones', async () => {
    const account = await createAccount(a, 'sockets@example.org');
    const { token } = await a.hub.services.accounts.issueSession(account);
    const onA = await openGraphqlSocket(a.url, `Bearer ${token}`);
    const onB = await openGraphqlSocket(b.url, `Bearer ${token}`);
    // Another account's socket stays open.
    const bystander = await createAccount(a, 'bystander@example.org');
    const keep = await openGraphqlSocket(
      b.url,
      `Bearer ${(await a.hub.services.accounts.issueSession(bystander)).token}`,
    );
    let keptOpen = true;
    void keep.closed.then(() => (keptOpen = false));

    await a.gql('mutation { signOut }', {}, token);
    expect((await onA.closed).code).toBe(4401);
    expect((await onB.closed).code).toBe(4401);
    await expect(openGraphqlSocket(b.url, `Bearer ${token}`)).rejects.toThrow(/4403/);
    expect(keptOpen).toBe(true);
    keep.ws.close();
  });

  it('signOut with a token of no account answers false; without a token UNAUTHENTICATED', async () => {
    const minted = await a.token('ADMIN' as never);
    expect((await a.gql('mutation { signOut }', {}, minted)).data).toEqual({ signOut: false });
    const anon = await a.gql('mutation { signOut }');
    expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
