// A private person's registerForEvent stores a name and an address and mails it, so it is
// limited per caller like volunteer (HUB_VOLUNTEER_RATE_LIMIT registrations that pass per 10
// minutes; refused ones count toward HUB_VOLUNTEER_REFUSED_LIMIT), in buckets of its own: a
// caller out of registrations still volunteers, and actors' registrations (signed in) are not
// limited. A refused registration stores nothing and mails nobody.
import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { openNeed, VOLUNTEER, withPg } from '../needs/need-fixtures';

let t: TestHub;
let organizer: string;
let member: string;
let eventId: string;

const REGISTER = `mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) { id status } }`;

beforeAll(async () => {
  t = await startTestHub({
    seed: true,
    env: {
      HUB_VOLUNTEER_RATE_LIMIT: '2',
      HUB_VOLUNTEER_REFUSED_LIMIT: '4',
      HUB_TRUST_PROXY: 'true',
      DB_CONNECT_TIMEOUT_MS: '30000',
    },
  });
  organizer = (await demoIds(t)).actor('Sportverein Büsum');
  member = await t.token(Role.MEMBER, { actorIds: [organizer] });
  // One minute into the current 10-minute window for the whole file (no reset half-way).
  const pinned = Math.floor(Date.now() / 600_000) * 600_000 + 60_000;
  Object.assign(t.hub.services.rateLimiter, { now: () => pinned });
  const startsAt = new Date(Date.now() + 7 * 24 * 3_600_000);
  const res = await t.gql<{ createEvent: { id: string } }>(
    `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
    {
      input: {
        kind: 'STAMMTISCH',
        title: 'Stammtisch',
        organizerId: organizer,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      },
    },
    member,
  );
  eventId = res.data!.createEvent.id;
});
afterAll(() => t?.stop());

let seq = 0;
async function post(caller: string, query: string, input: Record<string, unknown>, token?: string) {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': caller,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables: { input } }),
  });
  const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
  return body.errors?.[0]?.extensions?.code ?? 'ok';
}
const register = (caller: string, extra: Record<string, unknown> = {}) =>
  post(caller, REGISTER, {
    eventId,
    name: 'Gast',
    email: `gast.${++seq}@example.org`,
    consent: true,
    ...extra,
  });
const stored = () =>
  withPg(t, async (c) => {
    const { rows } = await c.query(
      `SELECT (SELECT count(*)::int FROM event_registration) AS regs,
              (SELECT count(*)::int FROM mail_outbox WHERE kind LIKE 'registration-%') AS mails`,
    );
    return rows[0] as { regs: number; mails: number };
  });

it('limits private registrations per caller, storing and mailing nothing when refused', async () => {
  expect(await register('203.0.113.1')).toBe('ok');
  expect(await register('203.0.113.1', { consent: false })).toBe('BAD_USER_INPUT'); // not counted
  expect(await register('203.0.113.1')).toBe('ok');
  const before = await stored();
  expect(await register('203.0.113.1')).toBe('RATE_LIMITED');
  expect(await stored()).toEqual(before);
  // Another caller, the same caller volunteering, and an actor's registration still pass.
  expect(await register('203.0.113.2')).toBe('ok');
  const need = await openNeed(t, organizer);
  expect(
    await post('203.0.113.1', VOLUNTEER, {
      needId: need.id,
      name: 'Gast',
      email: 'hilft@example.org',
      consent: true,
    }),
  ).toBe('ok');
  expect(await post('203.0.113.1', REGISTER, { eventId, actorId: organizer }, member)).toBe('ok');
});
