// requestSignIn is limited per address (5) and per client address (20) in 10 minutes, counted in
// the shared store before any work; the address is counted only as a hash.
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { withPg } from '../needs/need-fixtures';

const REQUEST = 'mutation($e: String!) { requestSignIn(email: $e) }';

describe('requestSignIn rate limits', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(() => t.stop());

  const code = async (email: string) =>
    (await t.gql(REQUEST, { e: email })).errors?.[0]?.extensions?.code ?? 'ok';

  it('refuses the sixth request for one address, in any case, with 429 RATE_LIMITED', async () => {
    for (let i = 0; i < 5; i++)
      expect(await code(i % 2 ? 'Eine@Example.org' : 'eine@example.org')).not.toBe('RATE_LIMITED');
    const res = await t.gql(REQUEST, { e: 'EINE@example.org' });
    expect(res.status).toBe(429);
    expect(res.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    // Another address from the same client still gets through.
    expect(await code('andere@example.org')).not.toBe('RATE_LIMITED');
    const keys = await withPg(t, async (c) =>
      (await c.query<{ key: string }>('SELECT key FROM rate_limit_bucket')).rows.map((r) => r.key),
    );
    expect(keys.join(' ')).not.toMatch(/example\.org/i);
  });

  it('refuses the 21st request from one client address, whatever the e-mail', async () => {
    // 7 were made above; 13 more reach 20.
    for (let i = 0; i < 13; i++)
      expect(await code(`person${i}@example.org`)).not.toBe('RATE_LIMITED');
    expect(await code('noch-eine@example.org')).toBe('RATE_LIMITED');
  });
});
