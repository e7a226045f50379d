// Issue 11.3: a cursor beyond the end of the event log (`needEvents(after: <position 999999>)`)
// was accepted and then never delivered the next live event. A position the log never reached
// is refused with CURSOR_INVALID, on WebSocket, SSE and multipart alike; a cursor at the head
// still resumes, and one whose events the retention sweep removed is still CURSOR_EXPIRED.
import { encodeEventCursor } from '../../src/events/need-event.store';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { Received, subscribeOver, Subscriber, TRANSPORTS } from '../helpers/subscribers';
import { waitFor } from '../helpers/wait-for';
import { demoIds } from '../modules/actors/demo-ids';
import { openNeed, withPg } from '../modules/needs/need-fixtures';

const EVENTS = `subscription($after: String, $text: String) {
  needEvents(after: $after, filter: { text: $text }) { cursor type need { title } } }`;

let t: TestHub;
let actorId: string;

beforeAll(async () => {
  t = await startTestHub({ seed: true, env: { HUB_SWEEP_INTERVAL_MS: '86400000' } });
  actorId = (await demoIds(t)).actor('Sportverein Büsum');
});
afterAll(() => t?.stop());

/** The first error a subscriber got, as a result or as how it ended. */
function firstError(s: Subscriber): NonNullable<Received['errors']>[number] | undefined {
  const inResult = s.results.find((r) => r.errors?.length)?.errors?.[0];
  return inResult ?? (Array.isArray(s.endedWith) ? s.endedWith[0] : undefined);
}

async function refusal(s: Subscriber) {
  await waitFor('a refusal', async () => firstError(s) ?? undefined);
  return firstError(s)!;
}

/** What the log's sequence has handed out (what the need_event rows may be missing). */
const sequenceHead = () =>
  withPg(t, async (c) =>
    Number(
      (
        await c.query(
          `SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('need_event', 'position')::regclass), 0) AS v`,
        )
      ).rows[0].v,
    ),
  );

describe.each(TRANSPORTS)('needEvents(after:) over %s', (transport) => {
  it.each([
    ['position 999999', async () => 999_999],
    ['the position right after the head', async () => (await sequenceHead()) + 1],
  ])('refuses a cursor of %s with CURSOR_INVALID, delivering nothing', async (_what, position) => {
    await openNeed(t, actorId, { title: `Cursorprobe ${transport}` });
    const s = subscribeOver(transport, t.url, {
      query: EVENTS,
      variables: { after: encodeEventCursor(await position()) },
    });
    try {
      const e = await refusal(s);
      expect(e.extensions).toMatchObject({ code: 'CURSOR_INVALID', field: 'after' });
      expect(e.message).toMatch(/beyond the end of the event log/);
      expect(s.results.filter((r) => r.data)).toEqual([]);
    } finally {
      s.dispose();
    }
  });

  it('resumes from a cursor at the head and delivers the next live event', async () => {
    const title = `Kopfcursor ${transport}`;
    await openNeed(t, actorId, { title: `${title} vorher` });
    const head = await withPg(t, async (c) =>
      Number((await c.query('SELECT max(position) AS p FROM need_event')).rows[0].p),
    );
    const s = subscribeOver(transport, t.url, {
      query: EVENTS,
      variables: { after: encodeEventCursor(head), text: title },
    });
    try {
      // Whether it arrives by replay or live, it must arrive: its position is after the cursor.
      await openNeed(t, actorId, { title: `${title} danach` });
      await waitFor('the live event', async () => (s.results.length > 0 ? true : undefined));
      expect(s.results[0].errors).toBeUndefined();
      expect(s.results[0].data).toMatchObject({
        needEvents: { type: 'OPENED', need: { title: `${title} danach` } },
      });
    } finally {
      s.dispose();
    }
  });
});

it('keeps CURSOR_EXPIRED for a cursor whose events the retention sweep removed', async () => {
  await openNeed(t, actorId, { title: 'Alte Meldung' });
  const last = await withPg(t, async (c) =>
    Number((await c.query('SELECT max(position) AS p FROM need_event')).rows[0].p),
  );
  await withPg(t, (c) => c.query(`UPDATE need_event SET occurred_at = now() - interval '8 days'`));
  const swept = await t.hub.services.needSweeper.run();
  expect(swept.deletedEvents).toBeGreaterThan(0);
  // The log is empty now: its newest row says nothing about which positions were handed out.
  const s = subscribeOver('ws', t.url, {
    query: EVENTS,
    variables: { after: encodeEventCursor(last) },
  });
  try {
    expect((await refusal(s)).extensions?.code).toBe('CURSOR_EXPIRED');
  } finally {
    s.dispose();
  }
});
