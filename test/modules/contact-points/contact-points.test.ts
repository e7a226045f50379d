// Contact points through the real schema: who may write them, office hours as RRULE plus
// Berlin wall-clock span across both daylight-saving changes, exceptions, bad rules, the
// open-at filter, openings of a region, and the iCalendar feed read back with ical.js.
import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { withPg } from '../needs/need-fixtures';
import { parseFeed, startTzid, vtimezoneIds } from './ical-parser';

type Err = { extensions?: Record<string, unknown> };
const code = (res: { errors?: Err[] }) => res.errors?.[0]?.extensions?.code;
const field = (res: { errors?: Err[] }) => res.errors?.[0]?.extensions?.field;

const CREATE = `mutation($input: CreateContactPointInput!) { createContactPoint(input: $input) {
  id kind name icalUrl visibility hostedBy { name } staffedBy { name } region { name }
  hours { rrule opensAt closesAt validFrom validUntil note } exceptions { date closed opensAt closesAt note } } }`;
const OPENINGS = `query($id: ID!, $from: DateTime, $until: DateTime, $first: Int) { node(id: $id) {
  ... on ContactPoint { openNow openings(from: $from, until: $until, first: $first) { startsAt endsAt note contactPoint { id } } } } }`;

describe('contact points', () => {
  let t: TestHub;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let admin: string;
  let coordBuesum: string;
  let buesum: string;
  const count = () =>
    withPg(t, async (c) =>
      Number((await c.query('SELECT count(*) FROM contact_point')).rows[0].count),
    );

  const input = (overrides: Record<string, unknown> = {}) => ({
    kind: 'BRANCH_OFFICE',
    name: 'Sprechstunde im Dorfgemeinschaftshaus',
    regionId: buesum,
    address: 'Dorfstraße 1, 25761 Büsum',
    hours: [{ rrule: 'FREQ=WEEKLY;BYDAY=SU', opensAt: '16:00', closesAt: '18:00' }],
    ...overrides,
  });
  const create = async (overrides: Record<string, unknown> = {}, token = coordBuesum) => {
    const res = await t.gql<{ createContactPoint: { id: string; icalUrl: string } }>(
      CREATE,
      { input: input(overrides) },
      token,
    );
    if (!res.data?.createContactPoint) throw new Error(JSON.stringify(res.errors));
    return res.data.createContactPoint;
  };
  const openings = async (id: string, from: string, until: string, first = 50, token?: string) => {
    const res = await t.gql<{
      node: {
        openNow: boolean;
        openings: Array<{ startsAt: string; endsAt: string; note: string | null }>;
      };
    }>(OPENINGS, { id, from, until, first }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.node;
  };

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    ids = await demoIds(t);
    admin = await t.token(Role.ADMIN);
    buesum = ids.region('Büsum');
    coordBuesum = await t.token(Role.COORDINATOR, { regionIds: [buesum] });
  });
  afterAll(() => t.stop());

  describe('createContactPoint', () => {
    it('refuses PUBLIC, members and coordinators elsewhere, writing nothing', async () => {
      const before = await count();
      expect(code(await t.gql(CREATE, { input: input() }))).toBe('UNAUTHENTICATED');
      const member = await t.token(Role.MEMBER, { actorIds: [ids.actor('Sportverein Büsum')] });
      expect(code(await t.gql(CREATE, { input: input() }, member))).toBe('FORBIDDEN');
      const elsewhere = await t.token(Role.COORDINATOR, { regionIds: [ids.region('Wesselburen')] });
      expect(code(await t.gql(CREATE, { input: input() }, elsewhere))).toBe('FORBIDDEN');
      expect(await count()).toBe(before);
    });

    it("lets the region's coordinator create one with host, staff and hours", async () => {
      const host = ids.actor('Sportverein Büsum');
      const res = await t.gql<{ createContactPoint: Record<string, unknown> }>(
        CREATE,
        {
          input: input({
            hostedById: host,
            staffedByIds: [host],
            hours: [
              {
                rrule: 'RRULE:FREQ=MONTHLY;BYDAY=1WE',
                opensAt: '16:00',
                closesAt: '18:00',
                note: ' Raum 2 ',
              },
            ],
            exceptions: [{ date: '2027-01-06', closed: true, note: 'Heilige Drei Könige' }],
          }),
        },
        coordBuesum,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.createContactPoint).toMatchObject({
        kind: 'BRANCH_OFFICE',
        visibility: 'PUBLIC',
        hostedBy: { name: 'Sportverein Büsum' },
        staffedBy: [{ name: 'Sportverein Büsum' }],
        region: { name: 'Büsum' },
        hours: [
          { rrule: 'FREQ=MONTHLY;BYDAY=1WE', opensAt: '16:00', closesAt: '18:00', note: 'Raum 2' },
        ],
        exceptions: [
          { date: '2027-01-06', closed: true, opensAt: null, note: 'Heilige Drei Könige' },
        ],
      });
      // Where the hub listens (HUB_PUBLIC_URL is not set here), as links in mails.
      const base = t.url.replace(/\/graphql$/, '');
      const icalUrl = res.data?.createContactPoint.icalUrl as string;
      expect(icalUrl.startsWith(`${base}/ical/contact-points/`)).toBe(true);
      expect(icalUrl).toMatch(/\/ical\/contact-points\/[\w-]+\.ics$/);
    });

    it.each([
      [
        'an unparsable rule',
        { rrule: 'FREQ=SOMETIMES', opensAt: '09:00', closesAt: '12:00' },
        'hours[0].rrule',
      ],
      [
        'FREQ=SECONDLY',
        { rrule: 'FREQ=SECONDLY', opensAt: '09:00', closesAt: '12:00' },
        'hours[0].rrule',
      ],
      [
        'a DTSTART of its own',
        { rrule: 'DTSTART:20270101T000000Z;FREQ=DAILY', opensAt: '09:00', closesAt: '12:00' },
        'hours[0].rrule',
      ],
      [
        'closesAt before opensAt',
        { rrule: 'FREQ=WEEKLY;BYDAY=TU', opensAt: '12:00', closesAt: '09:00' },
        'hours[0].closesAt',
      ],
      [
        'a time that is none',
        { rrule: 'FREQ=WEEKLY;BYDAY=TU', opensAt: '9 Uhr', closesAt: '12:00' },
        'hours[0].opensAt',
      ],
    ])('refuses %s as BAD_USER_INPUT naming the field', async (_what, rule, name) => {
      const before = await count();
      const res = await t.gql(CREATE, { input: input({ hours: [rule] }) }, coordBuesum);
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(field(res)).toBe(name);
      expect(await count()).toBe(before);
    });

    it('refuses more than 20 rules', async () => {
      const rule = { rrule: 'FREQ=WEEKLY;BYDAY=MO', opensAt: '09:00', closesAt: '10:00' };
      const res = await t.gql(
        CREATE,
        { input: input({ hours: Array(21).fill(rule) }) },
        coordBuesum,
      );
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(field(res)).toBe('hours');
    });

    it('refuses an extra opening without times', async () => {
      const res = await t.gql(
        CREATE,
        { input: input({ exceptions: [{ date: '2027-03-02', closed: false }] }) },
        coordBuesum,
      );
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(field(res)).toBe('exceptions[0].opensAt');
    });
  });

  describe('openings', () => {
    it('keeps 16:00 Berlin time across the change to summer time in March', async () => {
      const cp = await create();
      const o = await openings(cp.id, '2027-03-20T00:00:00Z', '2027-04-05T00:00:00Z');
      expect(o.openings.map((x) => [x.startsAt, x.endsAt])).toEqual([
        ['2027-03-21T15:00:00.000Z', '2027-03-21T17:00:00.000Z'], // CET, UTC+1
        ['2027-03-28T14:00:00.000Z', '2027-03-28T16:00:00.000Z'], // the change day, CEST
        ['2027-04-04T14:00:00.000Z', '2027-04-04T16:00:00.000Z'],
      ]);
    });

    it('keeps 16:00 Berlin time across the change back in October', async () => {
      const cp = await create();
      const o = await openings(cp.id, '2027-10-20T00:00:00Z', '2027-11-08T00:00:00Z');
      expect(o.openings.map((x) => x.startsAt)).toEqual([
        '2027-10-24T14:00:00.000Z', // CEST, UTC+2
        '2027-10-31T15:00:00.000Z', // the change day, CET
        '2027-11-07T15:00:00.000Z',
      ]);
    });

    it('applies exceptions: a closed day, a day at other times, an extra day', async () => {
      const cp = await create({
        hours: [{ rrule: 'FREQ=WEEKLY;BYDAY=TU', opensAt: '09:00', closesAt: '12:00' }],
        exceptions: [
          { date: '2027-03-02', closed: true, note: 'Krank' },
          { date: '2027-03-09', closed: false, opensAt: '14:00', closesAt: '15:30' },
          {
            date: '2027-03-11',
            closed: false,
            opensAt: '10:00',
            closesAt: '11:00',
            note: 'Zusatztermin',
          },
        ],
      });
      const o = await openings(cp.id, '2027-03-01T00:00:00Z', '2027-03-17T00:00:00Z');
      expect(o.openings).toEqual([
        {
          startsAt: '2027-03-09T13:00:00.000Z',
          endsAt: '2027-03-09T14:30:00.000Z',
          note: null,
          contactPoint: { id: cp.id },
        },
        {
          startsAt: '2027-03-11T09:00:00.000Z',
          endsAt: '2027-03-11T10:00:00.000Z',
          note: 'Zusatztermin',
          contactPoint: { id: cp.id },
        },
        {
          startsAt: '2027-03-16T08:00:00.000Z',
          endsAt: '2027-03-16T11:00:00.000Z',
          note: null,
          contactPoint: { id: cp.id },
        },
      ]);
    });

    it('expands the first Wednesday of the month within validFrom..validUntil', async () => {
      const cp = await create({
        hours: [
          {
            rrule: 'FREQ=MONTHLY;BYDAY=1WE',
            opensAt: '16:00',
            closesAt: '18:00',
            validFrom: '2027-02-01',
            validUntil: '2027-05-31',
          },
        ],
      });
      const o = await openings(cp.id, '2027-01-01T00:00:00Z', '2027-12-31T00:00:00Z');
      expect(o.openings.map((x) => x.startsAt)).toEqual([
        '2027-02-03T15:00:00.000Z',
        '2027-03-03T15:00:00.000Z',
        '2027-04-07T14:00:00.000Z',
        '2027-05-05T14:00:00.000Z',
      ]);
    });

    it('bounds the expansion: first at most 500, a year ahead at most', async () => {
      const cp = await create({
        hours: [{ rrule: 'FREQ=DAILY', opensAt: '08:00', closesAt: '09:00' }],
      });
      const o = await openings(cp.id, '2027-01-01T00:00:00Z', '2030-01-01T00:00:00Z', 500);
      expect(o.openings.length).toBeLessThanOrEqual(367);
      expect(o.openings.length).toBeGreaterThanOrEqual(365);
      const res = await t.gql(OPENINGS, { id: cp.id, first: 501 });
      expect(code(res)).toBe('BAD_USER_INPUT');
    });

    it('says openNow and filters contactPoints by openAt', async () => {
      const open = await create({
        name: 'Immer offen',
        hours: [{ rrule: 'FREQ=DAILY', opensAt: '00:00', closesAt: '23:59' }],
      });
      const closed = await create({
        name: 'Nie offen',
        hours: [
          { rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', opensAt: '09:00', closesAt: '09:01' },
        ],
      });
      // A minute before midnight Berlin time nothing of the daily rule is open.
      const now = new Date();
      const berlinMinute = Number(
        new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Europe/Berlin',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        })
          .format(now)
          .replace(':', ''),
      );
      if (berlinMinute < 2358)
        expect((await openings(open.id, now.toISOString(), now.toISOString())).openNow).toBe(true);
      expect((await openings(closed.id, now.toISOString(), now.toISOString())).openNow).toBe(false);
      const res = await t.gql<{ contactPoints: { nodes: { id: string }[] } }>(
        `query($f: ContactPointFilter) { contactPoints(filter: $f, first: 100) { nodes { id } } }`,
        { f: { regionId: buesum, openAt: '2027-06-01T10:00:00+02:00' } },
      );
      const found = res.data!.contactPoints.nodes.map((n) => n.id);
      expect(found).toContain(open.id);
      expect(found).not.toContain(closed.id);
    });

    it('lists the openings of a region in start order; NETWORK points only for partners', async () => {
      const region = ids.region('Wesselburen');
      const coord = await t.token(Role.COORDINATOR, { regionIds: [region] });
      const a = await create(
        {
          regionId: region,
          hours: [{ rrule: 'FREQ=WEEKLY;BYDAY=MO', opensAt: '09:00', closesAt: '10:00' }],
        },
        coord,
      );
      const b = await create(
        {
          regionId: region,
          visibility: 'NETWORK',
          hours: [{ rrule: 'FREQ=WEEKLY;BYDAY=MO', opensAt: '08:00', closesAt: '09:00' }],
        },
        coord,
      );
      const Q = `query($r: ID!) { openings(regionId: $r, from: "2027-03-01T00:00:00Z", until: "2027-03-09T00:00:00Z") { startsAt contactPoint { id } } }`;
      const partner = await t.gql<{
        openings: { startsAt: string; contactPoint: { id: string } }[];
      }>(Q, { r: region }, admin);
      expect(partner.data!.openings.map((o) => [o.startsAt, o.contactPoint.id])).toEqual([
        ['2027-03-01T07:00:00.000Z', b.id],
        ['2027-03-01T08:00:00.000Z', a.id],
        ['2027-03-08T07:00:00.000Z', b.id],
        ['2027-03-08T08:00:00.000Z', a.id],
      ]);
      const anon = await t.gql<{ openings: { contactPoint: { id: string } }[] }>(Q, { r: region });
      expect(anon.data!.openings.map((o) => o.contactPoint.id)).toEqual([a.id, a.id]);
      expect(
        (await t.gql<{ node: unknown }>('query($id: ID!) { node(id: $id) { id } }', { id: b.id }))
          .data?.node,
      ).toBeNull();
    });
  });

  describe('updateContactPoint and deleteContactPoint', () => {
    it('replaces the hours for the coordinator; refuses others', async () => {
      const cp = await create();
      const UPDATE = `mutation($id: ID!, $input: UpdateContactPointInput!) { updateContactPoint(id: $id, input: $input) { name hours { rrule } } }`;
      const change = {
        name: 'Neu',
        hours: [{ rrule: 'FREQ=WEEKLY;BYDAY=FR', opensAt: '10:00', closesAt: '11:00' }],
      };
      const elsewhere = await t.token(Role.COORDINATOR, { regionIds: [ids.region('Wesselburen')] });
      expect(code(await t.gql(UPDATE, { id: cp.id, input: change }, elsewhere))).toBe('FORBIDDEN');
      const bad = await t.gql(
        UPDATE,
        {
          id: cp.id,
          input: { hours: [{ rrule: 'FREQ=HOURLY', opensAt: '10:00', closesAt: '11:00' }] },
        },
        coordBuesum,
      );
      expect(field(bad)).toBe('hours[0].rrule');
      const res = await t.gql(UPDATE, { id: cp.id, input: change }, coordBuesum);
      expect(res.data).toEqual({
        updateContactPoint: { name: 'Neu', hours: [{ rrule: 'FREQ=WEEKLY;BYDAY=FR' }] },
      });
      const DELETE = `mutation($id: ID!) { deleteContactPoint(id: $id) }`;
      expect(code(await t.gql(DELETE, { id: cp.id }, elsewhere))).toBe('FORBIDDEN');
      expect((await t.gql(DELETE, { id: cp.id }, coordBuesum)).data).toEqual({
        deleteContactPoint: cp.id,
      });
      expect(
        (
          await t.gql<{ node: unknown }>(
            'query($id: ID!) { node(id: $id) { id } }',
            { id: cp.id },
            admin,
          )
        ).data?.node,
      ).toBeNull();
    });
  });

  describe('iCalendar feed', () => {
    it('parses with ical.js and names the same instants as the API, with an ETag', async () => {
      const cp = await create({
        hours: [{ rrule: 'FREQ=WEEKLY;BYDAY=TU', opensAt: '16:00', closesAt: '18:00' }],
        exceptions: [
          { date: new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10), closed: true },
        ],
      });
      const url = `${t.hub.url}${new URL(cp.icalUrl).pathname}`;
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
      const body = await res.text();
      const { calendar, events } = parseFeed(body);
      // Wall-clock times in Europe/Berlin, read by the feed's own VTIMEZONE.
      expect(vtimezoneIds(calendar)).toEqual(['Europe/Berlin']);
      expect(new Set(events.map(startTzid))).toEqual(new Set(['Europe/Berlin']));
      const starts = body.match(/^DTSTART;TZID=Europe\/Berlin:\d{8}T\d{6}\r?$/gm) ?? [];
      expect(starts.length).toBe(events.length);
      expect(starts.every((l) => /T160000\r?$/.test(l))).toBe(true);
      const now = new Date();
      const from = new Date(now.getTime() - 31 * 86400000).toISOString();
      const until = new Date(now.getTime() + 335 * 86400000).toISOString();
      const api = await openings(cp.id, from, until, 500);
      const inWindow = events
        .map((e) => [e.startDate.toJSDate().toISOString(), e.endDate.toJSDate().toISOString()])
        .filter(([s]) => s < until);
      expect(inWindow).toEqual(api.openings.map((o) => [o.startsAt, o.endsAt]));
      expect(inWindow.length).toBeGreaterThan(40);
      // The window is a year long, so it spans both changes: the same 16:00 in Berlin is 15:00Z
      // in winter and 14:00Z in summer, read from the feed's TZID times and its VTIMEZONE.
      expect(new Set(inWindow.map(([s]) => new Date(s).getUTCHours()))).toEqual(new Set([14, 15]));
      expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
      // The same feed again has the same UIDs, and a conditional GET is answered with 304.
      const again = parseFeed(await (await fetch(url)).text());
      expect(again.events.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
      const etag = res.headers.get('etag')!;
      expect(etag).toBeTruthy();
      expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
    });

    it('answers 404 for a NETWORK point without a token and for ids that are none', async () => {
      const cp = await create({ visibility: 'NETWORK' });
      const url = `${t.hub.url}${new URL(cp.icalUrl).pathname}`;
      expect((await fetch(url)).status).toBe(404);
      const ok = await fetch(url, { headers: { authorization: `Bearer ${admin}` } });
      expect(ok.status).toBe(200);
      expect((await fetch(`${t.hub.url}/ical/contact-points/nonsense.ics`)).status).toBe(404);
    });
  });
});
