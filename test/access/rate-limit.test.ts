// Rate limits are shared across instances: `volunteer` is counted strictly in the shared store
// (two hubs on one database refuse together), and the RateLimiter's ordinary checks learn the
// other instances' hits on flush. The same limiter test runs on Redis when TEST_REDIS_URL is set.
import { randomUUID } from 'node:crypto';
import { BadUserInputError, RateLimitedError } from '../../src/graphql/errors';
import {
  PgRateLimitStore,
  RateLimiter,
  RateLimitRule,
  RateLimitStore,
  RedisRateLimitStore,
} from '../../src/server/rate-limit';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { demoIds } from '../modules/actors/demo-ids';
import { openNeed, VOLUNTEER } from '../modules/needs/need-fixtures';

const REDIS_URL = process.env.TEST_REDIS_URL;

let t1: TestHub;
let t2: TestHub;
let needId: string;

beforeAll(async () => {
  const env = { HUB_VOLUNTEER_RATE_LIMIT: '3', HUB_SWEEP_INTERVAL_MS: '86400000' };
  t1 = await startTestHub({ seed: true, env });
  t2 = await startTestHub({ databaseUrl: t1.databaseUrl, env });
  const ids = await demoIds(t1);
  needId = (await openNeed(t1, ids.actor('Sportverein Büsum'), { quantity: 50 })).id;
}, 120_000);

afterAll(async () => {
  await t2?.stop();
  await t1?.stop();
});

const volunteer = (t: TestHub, n: number) =>
  t.gql(VOLUNTEER, {
    input: { needId, name: 'Schnelle Hand', email: `schnell.${n}@example.org`, consent: true },
  });

describe('volunteer rate limit (HUB_VOLUNTEER_RATE_LIMIT=3)', () => {
  it('refuses the 4th sign-up from one address on the other instance with 429 and Retry-After', async () => {
    for (let i = 1; i <= 3; i++) {
      const ok = await volunteer(t1, i);
      expect({ i, status: ok.status, errors: ok.errors }).toEqual({
        i,
        status: 200,
        errors: undefined,
      });
    }
    const refused = await volunteer(t2, 4);
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(refused.errors?.[0].extensions?.retryAfter).toBe(retryAfter);
    // And on the first instance as well: the count lives in the database.
    expect((await volunteer(t1, 5)).status).toBe(429);
    // Nothing was stored for the refused ones.
    const need = await t1.gql<{ need: { pledgedQuantity: number } }>(
      'query($id: ID!) { need(id: $id) { pledgedQuantity } }',
      { id: needId },
    );
    expect(need.data?.need.pledgedQuantity).toBe(3);
  });

  it('leaves other operations of the same address alone', async () => {
    const res = await t2.gql('{ regions { id } }');
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
  });
});

/** Two limiters (two instances) on one store, with a clock the test sets. */
function limiterSuite(makeStore: () => RateLimitStore) {
  const rule: RateLimitRule = { name: `t${randomUUID().slice(0, 8)}`, limit: 5, windowSeconds: 60 };
  // 15 s into a 60 s window near the real time (stores expire old windows).
  const now = Math.floor(Date.now() / 60_000) * 60_000 + 15_000;
  let a: RateLimiter;
  let b: RateLimiter;

  beforeEach(() => {
    a = new RateLimiter(makeStore(), () => now);
    b = new RateLimiter(makeStore(), () => now);
  });
  afterEach(async () => {
    await a.stop();
    await b.stop();
  });

  const refusal = (fn: () => unknown): RateLimitedError | null => {
    try {
      fn();
      return null;
    } catch (e) {
      if (e instanceof RateLimitedError) return e;
      throw e;
    }
  };

  it('shares ordinary counts between instances after flush', async () => {
    const caller = `ip:${randomUUID()}`;
    for (let i = 0; i < 3; i++) a.check(rule, caller);
    for (let i = 0; i < 2; i++) b.check(rule, caller);
    // Before flushing, each instance knows only its own hits.
    await a.flush();
    await b.flush();
    // b learned a's 3 hits with its own 2: the limit of 5 is reached there.
    const refused = refusal(() => b.check(rule, caller));
    expect(refused?.retryAfterSeconds).toBe(45);
    // a learns b's hits on its next flush.
    expect(refusal(() => a.check(rule, caller))).toBeNull();
    await a.flush();
    expect(refusal(() => a.check(rule, caller))).toBeInstanceOf(RateLimitedError);
    // Another caller is counted on its own.
    expect(refusal(() => a.check(rule, `ip:${randomUUID()}`))).toBeNull();
  });

  it('counts strict checks in the store before they proceed', async () => {
    const caller = `ip:${randomUUID()}`;
    const strict = { ...rule, limit: 2 };
    await a.checkStrict(strict, caller);
    await b.checkStrict(strict, caller);
    await expect(a.checkStrict(strict, caller)).rejects.toBeInstanceOf(RateLimitedError);
    await expect(b.checkStrict(strict, caller)).rejects.toBeInstanceOf(RateLimitedError);
  });

  const attemptRules = (accepted: number, refused: number) => ({
    accepted: { ...rule, name: `${rule.name}-ok`, limit: accepted },
    refused: { ...rule, name: `${rule.name}-no`, limit: refused },
  });
  const passes = async () => 'ok';
  const refuses = async (): Promise<string> => {
    throw new BadUserInputError('email is not an e-mail address', 'email');
  };

  it('counts only attempts that pass, and refused ones toward a cap of their own', async () => {
    const caller = `ip:${randomUUID()}`;
    const rules = attemptRules(2, 3);
    await expect(a.attempt(rules, caller, passes)).resolves.toBe('ok');
    await expect(b.attempt(rules, caller, refuses)).rejects.toBeInstanceOf(BadUserInputError);
    await expect(a.attempt(rules, caller, refuses)).rejects.toBeInstanceOf(BadUserInputError);
    // Two refused attempts gave their slots back: the second pass still fits.
    await expect(b.attempt(rules, caller, passes)).resolves.toBe('ok');
    // Over the limit of 2: refused, and counted as the third refused attempt.
    const over = await a.attempt(rules, caller, passes).catch((e: unknown) => e);
    expect(over).toBeInstanceOf(RateLimitedError);
    expect((over as RateLimitedError).retryAfterSeconds).toBe(45);
    // The refused cap of 3 is reached: nothing runs any more, on either instance.
    let ran = false;
    const run = async () => {
      ran = true;
      return 'ran';
    };
    await expect(b.attempt(rules, caller, run)).rejects.toBeInstanceOf(RateLimitedError);
    expect(ran).toBe(false);
  });

  it('gives the slot back on an unexpected failure, without counting it as refused', async () => {
    const caller = `ip:${randomUUID()}`;
    const rules = attemptRules(1, 1);
    const broken = async (): Promise<string> => {
      throw new Error('connection terminated');
    };
    for (let i = 0; i < 3; i++) await expect(a.attempt(rules, caller, broken)).rejects.toThrow();
    await expect(b.attempt(rules, caller, passes)).resolves.toBe('ok');
  });

  it('lets exactly the limit pass among 200 concurrent attempts on two instances', async () => {
    const caller = `ip:${randomUUID()}`;
    const rules = attemptRules(20, 1000);
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).attempt(rules, caller, passes)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(20);
    const reasons = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(reasons.every((e) => e instanceof RateLimitedError)).toBe(true);
  });
}

describe('RateLimiter with the PostgreSQL store', () => {
  limiterSuite(() => new PgRateLimitStore(t1.hub.services.db));
});

if (!REDIS_URL) {
  // eslint-disable-next-line no-console
  console.warn('rate-limit.test: TEST_REDIS_URL is not set, the Redis store tests are skipped');
}
(REDIS_URL ? describe : describe.skip)(
  `RateLimiter with the Redis store${REDIS_URL ? '' : ' (SKIPPED: set TEST_REDIS_URL)'}`,
  () => {
    limiterSuite(() => new RedisRateLimitStore(REDIS_URL as string));
  },
);
