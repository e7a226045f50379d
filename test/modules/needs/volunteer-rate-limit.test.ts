// Issue 11.4: refused volunteer attempts used up the volunteer rate limit (after 1 success and
// 3 refused attempts the next sign-up was refused for 454 s). Only attempts that pass count
// toward HUB_VOLUNTEER_RATE_LIMIT; refused ones count toward HUB_VOLUNTEER_REFUSED_LIMIT, a cap
// of their own. Callers are told apart by X-Forwarded-For (HUB_TRUST_PROXY=true), as behind the
// reverse proxy of a village hall's shared address.
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { dbId, openNeed, VOLUNTEER, withPg } from './need-fixtures';

let t: TestHub;
let actorId: string;

beforeAll(async () => {
  t = await startTestHub({
    seed: true,
    env: {
      HUB_VOLUNTEER_RATE_LIMIT: '2',
      HUB_VOLUNTEER_REFUSED_LIMIT: '4',
      HUB_TRUST_PROXY: 'true',
      HUB_SWEEP_INTERVAL_MS: '86400000',
      DB_CONNECT_TIMEOUT_MS: '30000',
    },
  });
  actorId = (await demoIds(t)).actor('Sportverein Büsum');
  // One minute into the current 10-minute window, for the whole file: a window that ends while
  // a case runs would reset the counts half-way.
  const pinned = Math.floor(Date.now() / 600_000) * 600_000 + 60_000;
  Object.assign(t.hub.services.rateLimiter, { now: () => pinned });
});
afterAll(() => t?.stop());

let seq = 0;
async function volunteer(caller: string, needId: string, input: Record<string, unknown> = {}) {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': caller },
    body: JSON.stringify({
      query: VOLUNTEER,
      variables: {
        input: {
          needId,
          name: 'Stammtisch Gast',
          email: `gast.${++seq}@example.org`,
          consent: true,
          ...input,
        },
      },
    }),
  });
  const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
  return { status: res.status, code: body.errors?.[0]?.extensions?.code ?? 'ok' };
}

const pledgesOf = (needId: string) =>
  withPg(t, async (c) =>
    Number(
      (await c.query('SELECT count(*) AS n FROM pledge WHERE need_id = $1', [dbId(needId)])).rows[0]
        .n,
    ),
  );

it('counts only sign-ups that pass: 1 success, 3 refused, 1 success, then the limit', async () => {
  const caller = '198.51.100.1';
  const need = await openNeed(t, actorId, { quantity: 3 });
  expect(await volunteer(caller, need.id)).toEqual({ status: 200, code: 'ok' });
  expect((await volunteer(caller, need.id, { quantity: 50 })).code).toBe('CONFLICT'); // too many
  expect((await volunteer(caller, need.id, { email: 'kein-at.example.org' })).code).toBe(
    'BAD_USER_INPUT',
  );
  expect((await volunteer(caller, need.id, { consent: false })).code).toBe('BAD_USER_INPUT');
  expect(await volunteer(caller, need.id)).toEqual({ status: 200, code: 'ok' });
  // Two passed: the limit of 2 is reached for this caller, and only for this caller.
  expect(await volunteer(caller, need.id)).toEqual({ status: 429, code: 'RATE_LIMITED' });
  expect(await volunteer('198.51.100.99', need.id)).toEqual({ status: 200, code: 'ok' });
  expect(await pledgesOf(need.id)).toBe(3);
});

it('caps refused attempts on their own: past the cap even a valid sign-up waits', async () => {
  const caller = '198.51.100.2';
  const need = await openNeed(t, actorId, { quantity: 10 });
  for (let i = 0; i < 4; i++) {
    expect((await volunteer(caller, need.id, { email: `falsch${i}` })).code).toBe('BAD_USER_INPUT');
  }
  const res = await volunteer(caller, need.id);
  expect(res).toEqual({ status: 429, code: 'RATE_LIMITED' });
  expect(await pledgesOf(need.id)).toBe(0);
});

it('lets exactly the limit pass when 200 sign-ups from one address arrive at once', async () => {
  const caller = '198.51.100.3';
  const need = await openNeed(t, actorId, { quantity: 1000 });
  const answers = await Promise.all(Array.from({ length: 200 }, () => volunteer(caller, need.id)));
  const count = (code: string) => answers.filter((a) => a.code === code).length;
  expect({ ok: count('ok'), limited: count('RATE_LIMITED') }).toEqual({ ok: 2, limited: 198 });
  expect(await pledgesOf(need.id)).toBe(2);
});
