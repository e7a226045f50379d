// GET /events/<region id>: the public events page of a region, with schema.org JSON-LD whose
// structure is checked here (types, startDate ISO with the Berlin offset, location as Place),
// only PUBLIC events, cancelled ones marked, and no registrant's data anywhere on it.
import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';

const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id startsAt endsAt } }`;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

type Ld = Record<string, unknown> & {
  location: Record<string, unknown>;
  offers?: Record<string, unknown>;
};

/** The JSON-LD of the page's head, parsed; fails when there is none or it is no JSON. */
function jsonLd(html: string): Ld[] {
  const m = /<head>[\s\S]*?<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]) as Ld[];
}

/** The next date (UTC) in the given month (0-based) at least a week ahead, at hourUtc. */
function nextIn(month: number, day: number, hourUtc: number): Date {
  const now = new Date();
  let d = new Date(Date.UTC(now.getUTCFullYear(), month, day, hourUtc));
  if (d.getTime() < now.getTime() + 7 * 86400000) {
    d = new Date(Date.UTC(now.getUTCFullYear() + 1, month, day, hourUtc));
  }
  return d;
}

describe('GET /events/<region id>', () => {
  let t: TestHub;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let member: string;
  let organizer: string;
  const made: Record<string, { id: string; startsAt: string; endsAt: string }> = {};

  const create = async (key: string, input: Record<string, unknown>) => {
    const res = await t.gql<{ createEvent: { id: string; startsAt: string; endsAt: string } }>(
      CREATE,
      { input: { kind: 'STAMMTISCH', organizerId: organizer, ...input } },
      member,
    );
    if (!res.data?.createEvent) throw new Error(JSON.stringify(res.errors));
    made[key] = res.data.createEvent;
  };

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    ids = await demoIds(t);
    organizer = ids.actor('Sportverein Büsum');
    member = await t.token(Role.MEMBER, { actorIds: [organizer], sub: 'member-page' });
    // 17:00Z is 19:00 in Büsum in summer (CEST, +02:00) and 18:00 in winter (CET, +01:00).
    const summer = nextIn(6, 15, 17);
    const winter = nextIn(0, 20, 17);
    const h2 = (d: Date) => new Date(d.getTime() + 2 * 3600000).toISOString();
    await create('summer', {
      title: 'Sommerstammtisch </script><b>am Hafen</b>',
      startsAt: summer.toISOString(),
      endsAt: h2(summer),
      venue: 'Museumshafen Büsum',
      capacity: 2,
      location: { latitude: 54.13, longitude: 8.86 },
    });
    await create('winter', {
      kind: 'INFO_EVENT',
      title: 'Infoabend Ehrenamtskarte',
      startsAt: winter.toISOString(),
      endsAt: h2(winter),
    });
    await create('network', {
      title: 'Internes Netzwerktreffen',
      visibility: 'NETWORK',
      startsAt: winter.toISOString(),
      endsAt: h2(winter),
    });
    await create('cancelled', {
      title: 'Workshop Vereinsrecht',
      kind: 'WORKSHOP',
      startsAt: winter.toISOString(),
      endsAt: h2(winter),
    });
    await t.gql(
      'mutation($id: ID!) { cancelEvent(id: $id) { status } }',
      { id: made.cancelled.id },
      member,
    );
    const reg = await t.gql(
      `mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) { id } }`,
      {
        input: {
          eventId: made.summer.id,
          name: 'Kanarienvogel Registrantin',
          email: 'kanarienvogel@example.org',
          consent: true,
        },
      },
    );
    expect(reg.errors).toBeUndefined();
  });
  afterAll(() => t.stop());

  const get = (path: string) => fetch(`${t.hub.url}${path}`);

  it('answers 404 in German for ids that are no region', async () => {
    for (const p of ['/events/nonsense', `/events/${made.summer.id}`, '/events/UmVnaW9uOjk5OTk5']) {
      const res = await get(p);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('Diese Region gibt es nicht');
    }
  });

  it('lists the PUBLIC upcoming events as HTML and as schema.org Event JSON-LD', async () => {
    const region = ids.region('Büsum');
    const res = await get(`/events/${region}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const html = await res.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('Termine in Büsum');
    // Markup in a title stays text, in the HTML and in the JSON-LD.
    expect(html).not.toContain('<b>am Hafen</b>');
    expect(html.match(/<\/script>/g)?.length).toBe(2); // the JSON-LD's own and widget.js's
    const ld = jsonLd(html);
    // In start order; which of summer and winter comes first depends on today's date.
    const starts = ld.map((e) => Date.parse(String(e.startDate)));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const byName = (n: string) => ld.find((e) => e.name === n)!;
    const summer = byName('Sommerstammtisch </script><b>am Hafen</b>');
    const winter = byName('Infoabend Ehrenamtskarte');
    const cancelled = byName('Workshop Vereinsrecht');
    expect(ld).toHaveLength(3);
    expect([summer, winter, cancelled].every(Boolean)).toBe(true);
    for (const e of ld) {
      expect(e['@context']).toBe('https://schema.org');
      expect(e['@type']).toBe('Event');
      expect(e.startDate).toMatch(ISO_WITH_OFFSET);
      expect(e.endDate).toMatch(ISO_WITH_OFFSET);
      expect(e.location['@type']).toBe('Place');
      expect(typeof e.location.name).toBe('string');
      expect(typeof e.location.address).toBe('string');
      expect((e.organizer as Record<string, unknown>).name).toBe('Sportverein Büsum');
      expect(String(e['@id'])).toMatch(new RegExp(`/events/${region}#`));
    }
    // Same instants as the API, written on the Berlin clock with its offset.
    expect(new Date(String(summer.startDate)).toISOString()).toBe(made.summer.startsAt);
    expect(new Date(String(winter.endDate)).toISOString()).toBe(made.winter.endsAt);
    expect(summer.startDate).toMatch(/T19:00:00\+02:00$/);
    expect(winter.startDate).toMatch(/T18:00:00\+01:00$/);
    expect(summer.location).toEqual({
      '@type': 'Place',
      name: 'Museumshafen Büsum',
      address: 'Museumshafen Büsum',
      geo: { '@type': 'GeoCoordinates', latitude: 54.13, longitude: 8.86 },
    });
    expect([summer.maximumAttendeeCapacity, summer.remainingAttendeeCapacity]).toEqual([2, 1]);
    expect(summer.offers?.availability).toBe('https://schema.org/InStock');
    expect(summer.eventStatus).toBe('https://schema.org/EventScheduled');
    expect(cancelled.eventStatus).toBe('https://schema.org/EventCancelled');
    expect(cancelled.offers).toBeUndefined();
    expect(html).toContain('Abgesagt');
    expect(html).toContain('Noch 1 Platz von 2 frei');
    // NETWORK events and registrants' data are not on a public page.
    expect(html).not.toContain('Internes Netzwerktreffen');
    expect(html).not.toMatch(/Kanarienvogel|kanarienvogel/);
    // The list is the live widget where scripts run, and links the feeds.
    expect(html).toContain(`<engagement-needs view="events" region="${region}" limit="50">`);
    expect(html).toContain(`/ical/regions/${region}.ics`);
    expect(html).toContain(`/ical/events/${made.summer.id}.ics`);
  });

  it('includes the events of every region below, even with a token sent along', async () => {
    const res = await fetch(`${t.hub.url}/events/${ids.region('Amt Büsum-Wesselburen')}`, {
      headers: { authorization: `Bearer ${member}` },
    });
    expect(res.status).toBe(200);
    const names = jsonLd(await res.text()).map((e) => e.name);
    expect(names).toContain('Infoabend Ehrenamtskarte');
    expect(names).not.toContain('Internes Netzwerktreffen');
  });
});
