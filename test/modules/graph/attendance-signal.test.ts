// Attendance is a network signal (issue 16): actors the organizer marked ATTENDED at the same
// PUBLIC event are suggested to each other, and the reason says where they met ("Beide beim
// Ehrenamtsstammtisch im März"). A NO_SHOW, or an event visible to the network only, adds nothing.
import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { withPg } from '../needs/need-fixtures';

const MONTHS = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];

describe('attendance as a suggestion signal', () => {
  let t: TestHub;
  let admin: string;
  let networker: string;
  let ids: Awaited<ReturnType<typeof demoIds>>;

  const gql = async <T>(query: string, variables: Record<string, unknown>, token = admin) => {
    const res = await t.gql<T>(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };

  /** An event of `organizer` both actors attend (or one of them misses), held an hour ago. */
  async function heldEvent(
    title: string,
    organizer: string,
    attendees: Array<[string, boolean]>,
    visibility = 'PUBLIC',
  ) {
    const startsAt = new Date(Date.now() + 86400_000);
    const { createEvent } = await gql<{ createEvent: { id: string } }>(
      'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
      {
        input: {
          kind: 'STAMMTISCH',
          title,
          organizerId: organizer,
          visibility,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 7200_000).toISOString(),
        },
      },
    );
    const regs: Array<[string, boolean]> = [];
    for (const [actorId, attended] of attendees) {
      const { registerForEvent } = await gql<{ registerForEvent: { id: string; status: string } }>(
        'mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) { id status } }',
        { input: { eventId: createEvent.id, actorId } },
      );
      expect(registerForEvent.status).toBe('CONFIRMED');
      regs.push([registerForEvent.id, attended]);
    }
    // The event took place: moved into the past, as if a day had gone by.
    const id = Number(Buffer.from(createEvent.id, 'base64url').toString().split(':')[1]);
    const held = await withPg(t, (c) =>
      c.query(
        `UPDATE event SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour'
          WHERE id = $1 RETURNING starts_at`,
        [id],
      ),
    );
    for (const [regId, attended] of regs) {
      await gql(
        'mutation($id: ID!, $a: Boolean!) { markAttendance(registrationId: $id, attended: $a) { status } }',
        { id: regId, a: attended },
      );
    }
    const month = new Intl.DateTimeFormat('de-DE', {
      timeZone: 'Europe/Berlin',
      month: 'numeric',
    }).format(held.rows[0].starts_at as Date);
    return MONTHS[Number(month) - 1];
  }

  const suggestions = async (actorId: string) =>
    (
      await gql<{ cooperationSuggestions: Array<{ actor: { name: string }; reasons: string[] }> }>(
        'query($id: ID!) { cooperationSuggestions(actorId: $id, first: 50) { actor { name } reasons } }',
        { id: actorId },
        networker,
      )
    ).cooperationSuggestions;

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    admin = await t.token(Role.ADMIN);
    ids = await demoIds(t);
    networker = await t.token(Role.NETWORKER, { regionIds: [ids.region('Amt Büsum-Wesselburen')] });
  }, 60_000);
  afterAll(() => t?.stop());

  it('suggests actors that attended the same public event to each other, saying where they met', async () => {
    const a = ids.actor('Shanty-Chor Büsum');
    const b = ids.actor('Lernhilfe Wesselburen');
    const before = (await suggestions(a)).find((s) => s.actor.name === 'Lernhilfe Wesselburen');
    const month = await heldEvent('Ehrenamtsstammtisch', ids.actor('Sportverein Büsum'), [
      [a, true],
      [b, true],
    ]);
    const after = (await suggestions(a)).find((s) => s.actor.name === 'Lernhilfe Wesselburen');
    expect(after).toBeDefined();
    expect(after!.reasons).toContain(`Beide beim Ehrenamtsstammtisch im ${month}`);
    expect(before?.reasons ?? []).not.toContain(`Beide beim Ehrenamtsstammtisch im ${month}`);
    // And the other way round.
    const back = (await suggestions(b)).find((s) => s.actor.name === 'Shanty-Chor Büsum');
    expect(back!.reasons).toContain(`Beide beim Ehrenamtsstammtisch im ${month}`);

    // A second shared event is counted in the reason, naming the latest.
    const m2 = await heldEvent('Workshop Vereinsrecht', ids.actor('Sportverein Büsum'), [
      [a, true],
      [b, true],
    ]);
    const twice = (await suggestions(a)).find((s) => s.actor.name === 'Lernhilfe Wesselburen');
    expect(twice!.reasons).toContain(
      `Beide beim Workshop Vereinsrecht im ${m2} und bei einer weiteren Veranstaltung`,
    );
  });

  it('adds nothing for a NO_SHOW or for an event the network only sees', async () => {
    const a = ids.actor('Heimatverein Büsum');
    const b = ids.actor('Kulturkreis Wesselburen');
    await heldEvent('Dorffest-Planung', ids.actor('Sportverein Büsum'), [
      [a, true],
      [b, false],
    ]);
    await heldEvent(
      'Internes Treffen',
      ids.actor('Sportverein Büsum'),
      [
        [a, true],
        [b, true],
      ],
      'NETWORK',
    );
    const found = (await suggestions(a)).find((s) => s.actor.name === 'Kulturkreis Wesselburen');
    for (const reason of found?.reasons ?? []) expect(reason).not.toMatch(/^Beide beim/);
  });
});
