// Events through the real schema: who may create them, series across the daylight-saving
// change, seats under hundreds of concurrent registrations, the waitlist moving up in order,
// capacity changes, lapsing unconfirmed seats, cancellation, attendance, topic votes, the
// privacy of registrants, and the iCalendar feeds read back with ical.js.
import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { parseFeed, startTzid, vtimezoneIds } from '../contact-points/ical-parser';
import { dbId, withPg } from '../needs/need-fixtures';

type Err = { extensions?: Record<string, unknown> };
const code = (res: { errors?: Err[] }) => res.errors?.[0]?.extensions?.code;
const field = (res: { errors?: Err[] }) => res.errors?.[0]?.extensions?.field;

const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) {
  id seriesId startsAt endsAt capacity registeredSeats remainingSeats waitlistedSeats status icalUrl
  organizer { name } region { name } } }`;
const REGISTER = `mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) {
  id status seats name email waitlistPosition actor { name } event { registeredSeats waitlistedSeats remainingSeats } } }`;
const EVENT = `query($id: ID!) { node(id: $id) { ... on Event { id status capacity registeredSeats waitlistedSeats remainingSeats
  registrations { id status seats name email waitlistPosition } topicProposals { title votes } } } }`;
const CANCEL_REG = `mutation($id: ID!) { cancelRegistration(id: $id) { id status } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { capacity registeredSeats waitlistedSeats } }`;

const DAY = 24 * 3600 * 1000;
const inDays = (d: number, hourUtc = 17) => {
  const x = new Date(Date.now() + d * DAY);
  x.setUTCHours(hourUtc, 0, 0, 0);
  return x;
};

interface Reg {
  id: string;
  status: string;
  seats: number;
  name: string | null;
  email: string | null;
  waitlistPosition: number | null;
}
interface Ev {
  id: string;
  capacity: number | null;
  registeredSeats: number;
  waitlistedSeats: number;
  remainingSeats: number | null;
  registrations: Reg[];
  topicProposals: { title: string; votes: number }[];
  status: string;
}

describe('events', () => {
  let t: TestHub;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let admin: string;
  let organizer: string;
  let memberOrg: string;
  let memberOther: string;
  let other: string;

  const create = async (overrides: Record<string, unknown> = {}, token = memberOrg) => {
    const res = await t.gql<{
      createEvent: { id: string; icalUrl: string; seriesId: string | null };
    }>(
      CREATE,
      {
        input: {
          kind: 'STAMMTISCH',
          title: 'Ehrenamtsstammtisch',
          organizerId: organizer,
          startsAt: inDays(10).toISOString(),
          endsAt: new Date(inDays(10).getTime() + 2 * 3600 * 1000).toISOString(),
          ...overrides,
        },
      },
      token,
    );
    if (!res.data?.createEvent) throw new Error(JSON.stringify(res.errors));
    return res.data.createEvent;
  };
  const register = (input: Record<string, unknown>, token?: string) =>
    t.gql<{ registerForEvent: Reg & { event: Ev } }>(REGISTER, { input }, token);
  const person = (eventId: string, n: number, extra: Record<string, unknown> = {}) => ({
    eventId,
    name: `Person ${n}`,
    email: `person${n}@example.org`,
    consent: true,
    ...extra,
  });
  const event = async (id: string, token = admin): Promise<Ev> => {
    const res = await t.gql<{ node: Ev }>(EVENT, { id }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.node;
  };

  beforeAll(async () => {
    // Hundreds of concurrent registrations queue for one row lock and 20 pool connections.
    t = await startTestHub({
      seed: true,
      env: { DB_CONNECT_TIMEOUT_MS: '30000', DB_STATEMENT_TIMEOUT_MS: '30000' },
    });
    ids = await demoIds(t);
    admin = await t.token(Role.ADMIN);
    organizer = ids.actor('Sportverein Büsum');
    other = ids.actor('Sportverein Wesselburen');
    memberOrg = await t.token(Role.MEMBER, { actorIds: [organizer], sub: 'member-org' });
    memberOther = await t.token(Role.MEMBER, { actorIds: [other], sub: 'member-other' });
  });
  afterAll(() => t.stop());

  describe('createEvent', () => {
    it("refuses PUBLIC, NETWORKERs and other actors' members, writing nothing", async () => {
      const input = {
        kind: 'WORKSHOP',
        title: 'Workshop Vereinsrecht',
        organizerId: organizer,
        startsAt: inDays(5).toISOString(),
        endsAt: inDays(5, 19).toISOString(),
      };
      const count = () =>
        withPg(t, async (c) => Number((await c.query('SELECT count(*) FROM event')).rows[0].count));
      const before = await count();
      expect(code(await t.gql(CREATE, { input }))).toBe('UNAUTHENTICATED');
      const networker = await t.token(Role.NETWORKER, { actorIds: [organizer] });
      expect(code(await t.gql(CREATE, { input }, networker))).toBe('FORBIDDEN');
      expect(code(await t.gql(CREATE, { input }, memberOther))).toBe('FORBIDDEN');
      expect(
        code(
          await t.gql(CREATE, { input: { ...input, endsAt: inDays(4).toISOString() } }, memberOrg),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        field(await t.gql(CREATE, { input: { ...input, recurrence: 'FREQ=SECONDLY' } }, memberOrg)),
      ).toBe('recurrence');
      expect(await count()).toBe(before);
    });

    it('creates a monthly series at 19:00 Berlin time, summer and winter alike', async () => {
      // The first Tuesday of March 2027 at 19:00 CET, monthly for a year.
      const res = await t.gql<{ createEvent: { id: string; seriesId: string } }>(
        CREATE,
        {
          input: {
            kind: 'STAMMTISCH',
            title: 'Ehrenamtsstammtisch',
            organizerId: organizer,
            startsAt: '2027-03-02T19:00:00+01:00',
            endsAt: '2027-03-02T21:00:00+01:00',
            capacity: 30,
            recurrence: 'FREQ=MONTHLY;BYDAY=1TU',
          },
        },
        memberOrg,
      );
      expect(res.errors).toBeUndefined();
      const first = res.data!.createEvent;
      expect(first.seriesId).toBe(first.id);
      const list = await t.gql<{
        events: {
          nodes: { seriesId: string; startsAt: string; endsAt: string; capacity: number }[];
        };
      }>(
        `query { events(filter: { from: "2027-01-01T00:00:00Z", until: "2028-06-01T00:00:00Z" }, first: 100) {
          nodes { seriesId startsAt endsAt capacity } } }`,
      );
      const series = list.data!.events.nodes.filter((n) => n.seriesId === first.id);
      expect(series.map((s) => s.startsAt)).toEqual([
        '2027-03-02T18:00:00.000Z',
        '2027-04-06T17:00:00.000Z', // summer time: still 19:00 in Büsum
        '2027-05-04T17:00:00.000Z',
        '2027-06-01T17:00:00.000Z',
        '2027-07-06T17:00:00.000Z',
        '2027-08-03T17:00:00.000Z',
        '2027-09-07T17:00:00.000Z',
        '2027-10-05T17:00:00.000Z',
        '2027-11-02T18:00:00.000Z', // winter time again
        '2027-12-07T18:00:00.000Z',
        '2028-01-04T18:00:00.000Z',
        '2028-02-01T18:00:00.000Z',
      ]);
      expect(
        series.every(
          (s) => new Date(s.endsAt).getTime() - new Date(s.startsAt).getTime() === 2 * 3600 * 1000,
        ),
      ).toBe(true);
      expect(series.every((s) => s.capacity === 30)).toBe(true);
    });
  });

  describe('registerForEvent', () => {
    it('holds exactly the capacity under 500 concurrent registrations; the rest wait in arrival order', async () => {
      const e = await create({ capacity: 40 });
      const results = await Promise.all(
        Array.from({ length: 500 }, (_, i) => register(person(e.id, 1000 + i), admin)),
      );
      expect(results.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
      const regs = results.map((r) => r.data!.registerForEvent);
      const seated = regs.filter((r) => r.status === 'UNCONFIRMED');
      const waiting = regs.filter((r) => r.status === 'WAITLISTED');
      expect(seated).toHaveLength(40);
      expect(waiting).toHaveLength(460);
      const after = await event(e.id);
      expect([after.registeredSeats, after.waitlistedSeats, after.remainingSeats]).toEqual([
        40, 460, 0,
      ]);
      // Arrival order at the seats: every seated registration came before every waiting one,
      // and the waitlist places are 1..460 in that order.
      const num = (r: Reg) => dbId(r.id);
      expect(Math.max(...seated.map(num))).toBeLessThan(Math.min(...waiting.map(num)));
      const byId = [...after.registrations]
        .filter((r) => r.status === 'WAITLISTED')
        .sort((a, b) => dbId(a.id) - dbId(b.id));
      expect(byId.map((r) => r.waitlistPosition)).toEqual(
        Array.from({ length: 460 }, (_, i) => i + 1),
      );
      const held = await withPg(t, async (c) =>
        Number(
          (
            await c.query(
              `SELECT coalesce(sum(seats), 0) AS s FROM event_registration WHERE event_id = $1 AND status IN ('UNCONFIRMED', 'CONFIRMED', 'ATTENDED')`,
              [dbId(e.id)],
            )
          ).rows[0].s,
        ),
      );
      expect(held).toBe(40);
    });

    it('refuses with CONFLICT when full and joinWaitlist is false; bad input is BAD_USER_INPUT', async () => {
      const e = await create({ capacity: 1 });
      expect((await register(person(e.id, 1))).data?.registerForEvent.status).toBe('UNCONFIRMED');
      const full = await register(person(e.id, 2, { joinWaitlist: false }));
      expect(code(full)).toBe('CONFLICT');
      expect(field(await register(person(e.id, 3, { consent: false })))).toBe('consent');
      expect(field(await register(person(e.id, 3, { email: 'keine-adresse' })))).toBe('email');
      expect(field(await register(person(e.id, 3, { seats: 11 })))).toBe('seats');
      // The same e-mail again answers like a new registration (waitlisted) and stores nothing:
      // nobody learns from the answer whether an address registered.
      const again = await register(person(e.id, 1));
      expect(again.errors).toBeUndefined();
      expect(again.data?.registerForEvent).toMatchObject({
        status: 'WAITLISTED',
        waitlistPosition: 1,
      });
      expect(code(await register({ eventId: e.id, actorId: other }))).toBe('FORBIDDEN');
      expect(code(await register({ eventId: e.id, actorId: other }, memberOrg))).toBe('FORBIDDEN');
      const ev = await event(e.id);
      expect([ev.registeredSeats, ev.waitlistedSeats, ev.registrations.length]).toEqual([1, 0, 1]);
    });

    it("shows names and e-mails to the organizer's editors and coordinators only", async () => {
      const e = await create({ capacity: 5 });
      const canary = { name: 'Kanarienvogel Registrant', email: 'canary-registrant@example.org' };
      const res = await register({ eventId: e.id, ...canary, consent: true });
      // The caller sees what they typed.
      expect(res.data?.registerForEvent).toMatchObject({ ...canary, status: 'UNCONFIRMED' });
      const regId = res.data!.registerForEvent.id;
      const coord = await t.token(Role.COORDINATOR, { regionIds: [ids.region('Büsum')] });
      for (const token of [memberOrg, coord, admin]) {
        expect((await event(e.id, token)).registrations).toEqual([
          expect.objectContaining({ id: regId, ...canary }),
        ]);
      }
      const networker = await t.token(Role.NETWORKER);
      for (const token of [undefined, memberOther, networker]) {
        const res2 = await t.gql(EVENT, { id: e.id }, token);
        expect(JSON.stringify(res2)).not.toMatch(/Kanarienvogel|canary-registrant/);
        expect((res2.data as { node: Ev }).node.registeredSeats).toBe(1);
        const node = await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: regId }, token);
        expect((node.data as { node: unknown }).node).toBeNull();
      }
    });
  });

  describe('cancelRegistration and capacity', () => {
    it('frees the seats and moves the waitlist up in order', async () => {
      const e = await create({ capacity: 2 });
      const a = (await register({ eventId: e.id, actorId: organizer, seats: 2 }, memberOrg)).data!
        .registerForEvent;
      expect(a.status).toBe('CONFIRMED');
      const w1 = (await register(person(e.id, 1))).data!.registerForEvent;
      const w2 = (await register({ eventId: e.id, actorId: other }, memberOther)).data!
        .registerForEvent;
      expect([w1.status, w1.waitlistPosition, w2.status, w2.waitlistPosition]).toEqual([
        'WAITLISTED',
        1,
        'WAITLISTED',
        2,
      ]);
      expect(code(await t.gql(CANCEL_REG, { id: a.id }))).toBe('UNAUTHENTICATED');
      expect(code(await t.gql(CANCEL_REG, { id: a.id }, memberOther))).toBe('FORBIDDEN');
      expect((await t.gql(CANCEL_REG, { id: a.id }, memberOrg)).data).toEqual({
        cancelRegistration: { id: a.id, status: 'CANCELLED' },
      });
      const ev = await event(e.id);
      const status = new Map(ev.registrations.map((r) => [r.id, [r.status, r.waitlistPosition]]));
      // The private person moves up unconfirmed (holding the seat for 48 hours), then the actor.
      expect(status.get(w1.id)).toEqual(['UNCONFIRMED', null]);
      expect(status.get(w2.id)).toEqual(['CONFIRMED', null]);
      expect([ev.registeredSeats, ev.waitlistedSeats]).toEqual([2, 0]);
    });

    it('keeps strict order: a small request waits behind a larger first one', async () => {
      const e = await create({ capacity: 3 });
      await register(person(e.id, 1, { seats: 3 }));
      const big = (await register(person(e.id, 2, { seats: 2 }))).data!.registerForEvent;
      const small = (await register(person(e.id, 3, { seats: 1 }))).data!.registerForEvent;
      expect([big.status, small.status]).toEqual(['WAITLISTED', 'WAITLISTED']);
      // One seat frees: the first in line wants two, so nobody moves yet.
      const res = await t.gql(UPDATE, { id: e.id, input: { capacity: 4 } }, memberOrg);
      expect(res.data).toEqual({
        updateEvent: { capacity: 4, registeredSeats: 3, waitlistedSeats: 3 },
      });
      // Raising the capacity to 6 seats both, in order.
      const raised = await t.gql(UPDATE, { id: e.id, input: { capacity: 6 } }, memberOrg);
      expect(raised.data).toEqual({
        updateEvent: { capacity: 6, registeredSeats: 6, waitlistedSeats: 0 },
      });
      // Lowering below the seats held is a CONFLICT and changes nothing.
      expect(code(await t.gql(UPDATE, { id: e.id, input: { capacity: 5 } }, memberOrg))).toBe(
        'CONFLICT',
      );
      expect(code(await t.gql(UPDATE, { id: e.id, input: { capacity: 10 } }, memberOther))).toBe(
        'FORBIDDEN',
      );
      expect((await event(e.id)).capacity).toBe(6);
    });

    it('lets unconfirmed seats lapse after 48 hours and moves the waitlist up', async () => {
      const e = await create({ capacity: 1 });
      const u = (await register(person(e.id, 1))).data!.registerForEvent;
      const w = (await register({ eventId: e.id, actorId: other }, memberOther)).data!
        .registerForEvent;
      expect(await t.hub.services.eventRegistrations.lapseUnconfirmed()).toEqual([]);
      const lapsed = await t.hub.services.eventRegistrations.lapseUnconfirmed(
        new Date(Date.now() + 48 * 3600 * 1000 + 1000),
      );
      expect(lapsed).toContain(dbId(u.id));
      const ev = await event(e.id);
      expect(ev.registrations.map((r) => [r.id, r.status])).toEqual([[w.id, 'CONFIRMED']]);
      expect([ev.registeredSeats, ev.waitlistedSeats]).toEqual([1, 0]);
    });
  });

  describe('cancelEvent and markAttendance', () => {
    it('cancels for the organizer only; registrations are closed then', async () => {
      const e = await create({ capacity: 10 });
      const C = `mutation($id: ID!) { cancelEvent(id: $id, reason: "Krankheit") { status } }`;
      expect(code(await t.gql(C, { id: e.id }, memberOther))).toBe('FORBIDDEN');
      expect((await t.gql(C, { id: e.id }, memberOrg)).data).toEqual({
        cancelEvent: { status: 'CANCELLED' },
      });
      expect(code(await register(person(e.id, 1)))).toBe('CONFLICT');
      const list = await t.gql<{ events: { nodes: { id: string }[] } }>(
        'query($f: EventFilter) { events(filter: $f, first: 100) { nodes { id } } }',
        { f: { organizerId: organizer } },
      );
      expect(list.data!.events.nodes.map((n) => n.id)).not.toContain(e.id);
      const all = await t.gql<{ events: { nodes: { id: string }[] } }>(
        'query($f: EventFilter) { events(filter: $f, first: 100) { nodes { id } } }',
        { f: { organizerId: organizer, includeCancelled: true } },
      );
      expect(all.data!.events.nodes.map((n) => n.id)).toContain(e.id);
    });

    it('marks attendance after the start, for the organizer only', async () => {
      const e = await create({ capacity: 3 });
      const r = (await register({ eventId: e.id, actorId: other }, memberOther)).data!
        .registerForEvent;
      const M = `mutation($id: ID!, $a: Boolean!) { markAttendance(registrationId: $id, attended: $a) { status } }`;
      expect(code(await t.gql(M, { id: r.id, a: true }, memberOrg))).toBe('CONFLICT'); // not started
      await withPg(t, (c) =>
        c.query(
          `UPDATE event SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
          [dbId(e.id)],
        ),
      );
      expect(code(await t.gql(M, { id: r.id, a: true }, memberOther))).toBe('FORBIDDEN');
      expect((await t.gql(M, { id: r.id, a: true }, memberOrg)).data).toEqual({
        markAttendance: { status: 'ATTENDED' },
      });
      expect((await event(e.id)).registeredSeats).toBe(1);
      expect((await t.gql(M, { id: r.id, a: false }, memberOrg)).data).toEqual({
        markAttendance: { status: 'NO_SHOW' },
      });
      expect((await event(e.id)).registeredSeats).toBe(0);
    });
  });

  describe('topics', () => {
    it('takes one vote per actor and per account, most votes first', async () => {
      const e = await create();
      const P = `mutation($input: ProposeTopicInput!) { proposeTopic(input: $input) { id title votes proposedBy { name } } }`;
      const V = `mutation($id: ID!, $actorId: ID) { voteTopic(id: $id, actorId: $actorId) { votes } }`;
      expect(code(await t.gql(P, { input: { eventId: e.id, title: 'Datenschutz' } }))).toBe(
        'UNAUTHENTICATED',
      );
      expect(
        code(await t.gql(P, { input: { eventId: e.id, title: 'X', actorId: other } }, memberOrg)),
      ).toBe('FORBIDDEN');
      const a = (
        await t.gql<{ proposeTopic: { id: string } }>(
          P,
          { input: { eventId: e.id, title: 'Datenschutz im Verein' } },
          memberOrg,
        )
      ).data!.proposeTopic;
      const b = (
        await t.gql<{ proposeTopic: { id: string; proposedBy: { name: string } } }>(
          P,
          { input: { eventId: e.id, title: 'Fördermittel', actorId: other } },
          memberOther,
        )
      ).data!.proposeTopic;
      expect(b.proposedBy.name).toBe('Sportverein Wesselburen');
      expect((await t.gql(V, { id: b.id }, memberOrg)).data).toEqual({ voteTopic: { votes: 1 } });
      expect(code(await t.gql(V, { id: b.id }, memberOrg))).toBe('CONFLICT'); // the same account again
      expect((await t.gql(V, { id: b.id, actorId: organizer }, memberOrg)).data).toEqual({
        voteTopic: { votes: 2 },
      });
      expect(code(await t.gql(V, { id: b.id, actorId: organizer }, admin))).toBe('CONFLICT'); // that actor again
      expect(code(await t.gql(V, { id: b.id, actorId: other }, memberOrg))).toBe('FORBIDDEN');
      expect((await t.gql(V, { id: a.id }, memberOther)).data).toEqual({ voteTopic: { votes: 1 } });
      expect((await event(e.id, memberOther)).topicProposals).toEqual([
        { title: 'Fördermittel', votes: 2 },
        { title: 'Datenschutz im Verein', votes: 1 },
      ]);
    });
  });

  describe('iCalendar feeds', () => {
    it('serves an event, then as STATUS:CANCELLED, and the region with events and office hours', async () => {
      const e = await create({ title: 'Infoabend Ehrenamtskarte', kind: 'INFO_EVENT' });
      const path = new URL(e.icalUrl).pathname;
      const parse = async (p: string, status = 200) => {
        const res = await fetch(`${t.hub.url}${p}`);
        expect(res.status).toBe(status);
        const { calendar, events } = parseFeed(await res.text());
        expect(vtimezoneIds(calendar)).toEqual(['Europe/Berlin']);
        expect(new Set(events.map(startTzid))).toEqual(new Set(['Europe/Berlin']));
        return events;
      };
      const [one] = await parse(path);
      const api = (
        await t.gql<{ node: { startsAt: string; endsAt: string } }>(
          'query($id: ID!) { node(id: $id) { ... on Event { startsAt endsAt } } }',
          { id: e.id },
        )
      ).data!.node;
      expect([
        one.summary,
        one.startDate.toJSDate().toISOString(),
        one.endDate.toJSDate().toISOString(),
      ]).toEqual(['Infoabend Ehrenamtskarte', api.startsAt, api.endsAt]);
      expect(one.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
      await t.gql(
        'mutation($id: ID!) { cancelEvent(id: $id) { status } }',
        { id: e.id },
        memberOrg,
      );
      const [cancelled] = await parse(path);
      expect([cancelled.uid, cancelled.component.getFirstPropertyValue('status')]).toEqual([
        one.uid,
        'CANCELLED',
      ]);

      const region = ids.region('Büsum');
      const coord = await t.token(Role.COORDINATOR, { regionIds: [region] });
      await t.gql(
        'mutation($input: CreateContactPointInput!) { createContactPoint(input: $input) { id } }',
        {
          input: {
            kind: 'CENTRAL_OFFICE',
            name: 'Zentrale Anlaufstelle',
            regionId: region,
            hours: [{ rrule: 'FREQ=WEEKLY;BYDAY=TU', opensAt: '09:00', closesAt: '12:00' }],
          },
        },
        coord,
      );
      const regionUrl = (
        await t.gql<{ region: { icalUrl: string } }>(
          'query($id: ID!) { region(id: $id) { icalUrl } }',
          { id: region },
        )
      ).data!.region.icalUrl;
      const all = await parse(new URL(regionUrl).pathname);
      expect(all.some((x) => x.uid === one.uid)).toBe(true);
      expect(all.some((x) => x.summary === 'Sprechstunde: Zentrale Anlaufstelle')).toBe(true);
    });
  });
});
