// Issue 23 item 4: SSE subscriptions and subscriptions resuming with `after` were not shared
// (50 SSE subscribers on one heavy selection took 35 to 45 s for 300 updates; 2,800 resuming
// subscribers pushed delivery p99 to 5.7 s). Executions are now shared on every transport, a
// resuming subscriber joins its group once its own replay caught up, replays run a bounded
// number at a time per instance, and a subscriber that does not keep up is dropped.
import { ExecutionArgs, ExecutionResult, parse } from 'graphql';
import { createContext } from '../../src/graphql/context';
import { publicViewer } from '../../src/graphql/viewer';
import { endingErrorOf } from '../../src/server/subscription-member';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { subscribeOver, Subscriber, TRANSPORTS } from '../helpers/subscribers';
import { waitFor } from '../helpers/wait-for';
import { demoIds } from '../modules/actors/demo-ids';
import { openNeed } from '../modules/needs/need-fixtures';

let t: TestHub;
let ids: Awaited<ReturnType<typeof demoIds>>;

beforeAll(async () => {
  t = await startTestHub({ seed: true, env: { HUB_SWEEP_INTERVAL_MS: '86400000' } });
  ids = await demoIds(t);
});
afterAll(() => t?.stop());

const shared = () => t.hub.services.sharedSubscriptions;

const EVENTS = `subscription Watch($text: String!, $after: String) {
  needEvents(filter: { text: $text }, after: $after) {
    cursor type need { title remainingQuantity actor { name region { name } } } } }`;

type Event = { needEvents: { cursor: string; need: { title: string } } };
const titles = (s: Subscriber) =>
  s.results.map((r) => (r.data as Event | undefined)?.needEvents.need.title ?? 'error');
const cursors = (s: Subscriber) => s.results.map((r) => (r.data as Event).needEvents.cursor);

async function allSubscribed(count: number) {
  await waitFor(`${count} members`, async () => (shared().members >= count ? true : undefined));
}

describe('shared executions on every transport', () => {
  it('runs one execution per event for WebSocket, SSE and multipart subscribers alike', async () => {
    const variables = { text: 'Alle Wege' };
    const subs = TRANSPORTS.flatMap((transport) =>
      Array.from({ length: 4 }, () =>
        subscribeOver(transport, t.url, { query: EVENTS, variables }),
      ),
    );
    await allSubscribed(12);
    expect(shared().groupCount).toBe(1);
    const executed = shared().executions;
    for (const n of ['eins', 'zwei', 'drei']) {
      await openNeed(t, ids.actor('Sportverein Büsum'), { title: `Alle Wege ${n}` });
    }
    await waitFor('three events everywhere', async () =>
      subs.every((s) => s.results.length === 3) ? true : undefined,
    );
    for (const s of subs) {
      expect({ transport: s.transport, titles: titles(s) }).toEqual({
        transport: s.transport,
        titles: ['Alle Wege eins', 'Alle Wege zwei', 'Alle Wege drei'],
      });
    }
    expect(shared().executions - executed).toBe(3);
    for (const s of subs) s.dispose();
    await waitFor('the group to close', async () => (shared().groupCount === 0 ? true : undefined));
    expect(shared().members).toBe(0);
  });
});

describe('subscribers resuming with after', () => {
  it('replay what they missed, then join the live group: no gap, no duplicate', async () => {
    shared().limits.replaySlots = 2;
    const variables = { text: 'Wiederkehr' };
    const actor = ids.actor('Sportverein Büsum');
    const live = subscribeOver('ws', t.url, { query: EVENTS, variables });
    await allSubscribed(1);
    for (const n of [1, 2, 3]) await openNeed(t, actor, { title: `Wiederkehr ${n}` });
    await waitFor('three live events', async () => (live.results.length === 3 ? true : undefined));
    const [first] = cursors(live);

    // A mass reconnect: 21 subscribers on every transport resume from the first cursor.
    const resumed = TRANSPORTS.flatMap((transport) =>
      Array.from({ length: 7 }, () =>
        subscribeOver(transport, t.url, {
          query: EVENTS,
          variables: { ...variables, after: first },
        }),
      ),
    );
    await openNeed(t, actor, { title: 'Wiederkehr 4' });
    await allSubscribed(22);
    await openNeed(t, actor, { title: 'Wiederkehr 5' });
    const expected = ['Wiederkehr 2', 'Wiederkehr 3', 'Wiederkehr 4', 'Wiederkehr 5'];
    await waitFor('every resumed subscriber to reach the last event', async () =>
      resumed.every((s) => s.results.length >= 4) && live.results.length === 5 ? true : undefined,
    );
    for (const s of resumed) {
      expect({ transport: s.transport, titles: titles(s) }).toEqual({
        transport: s.transport,
        titles: expected,
      });
    }
    // All of them in the live subscriber's group, their replays at most two at a time.
    expect(shared().groupCount).toBe(1);
    expect(shared().members).toBe(22);
    expect(shared().replaysPeak).toBeLessThanOrEqual(2);
    expect(shared().replaysPeak).toBeGreaterThan(0);
    expect(shared().replayExecutions).toBeGreaterThanOrEqual(21 * 2);

    // From here on one execution per event serves all 22.
    const executed = shared().executions;
    await openNeed(t, actor, { title: 'Wiederkehr 6' });
    await waitFor('the sixth everywhere', async () =>
      [live, ...resumed].every((s) => titles(s).includes('Wiederkehr 6')) ? true : undefined,
    );
    expect(shared().executions - executed).toBe(1);
    for (const s of [live, ...resumed]) s.dispose();
    await waitFor('the group to close', async () => (shared().groupCount === 0 ? true : undefined));
    shared().limits.replaySlots = 4;
  });

  it('still refuse an expired or malformed cursor with their own error', async () => {
    const bad = subscribeOver('ws', t.url, {
      query: EVENTS,
      variables: { text: 'x', after: 'bogus' },
    });
    await waitFor('the refusal', async () => (bad.results.length > 0 ? true : undefined));
    expect(bad.results[0].errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    bad.dispose();
  });
});

describe('a subscriber that does not keep up', () => {
  /** Subscribes in-process: the test decides when (and whether) results are read. */
  async function subscribeInProcess(text: string) {
    const args: ExecutionArgs = {
      schema: t.hub.schema,
      document: parse(EVENTS),
      variableValues: { text },
      contextValue: createContext(t.hub.services, publicViewer('127.0.0.1')),
    };
    const result = await shared().subscribe(args);
    if (!(Symbol.asyncIterator in result)) throw new Error('not a stream');
    return result;
  }

  it('is dropped with SUBSCRIBER_TOO_SLOW once its queue is full; the others go on', async () => {
    shared().limits.maxQueued = 3;
    try {
      const reader = await subscribeInProcess('Langsam');
      const sleeper = await subscribeInProcess('Langsam');
      expect(shared().groupCount).toBe(1);
      const read: ExecutionResult[] = [];
      const reading = (async () => {
        for await (const r of reader) {
          read.push(r);
          if (read.length === 7) break;
        }
      })();
      for (let i = 1; i <= 6; i++)
        await openNeed(t, ids.actor('Sportverein Büsum'), { title: `Langsam ${i}` });
      await waitFor('the reader to have six', async () => (read.length === 6 ? true : undefined));
      // The sleeper's queue overflowed at the fourth: it left the group and holds one result.
      expect(shared().members).toBe(1);
      const last = await sleeper.next();
      expect(last.done).toBe(false);
      const error = endingErrorOf(last.value as ExecutionResult) as { code?: string };
      expect(error?.code).toBe('SUBSCRIBER_TOO_SLOW');
      expect((last.value as ExecutionResult).errors?.[0].message).toMatch(/after/);
      expect((await sleeper.next()).done).toBe(true);
      // The reader is unaffected.
      await openNeed(t, ids.actor('Sportverein Büsum'), { title: 'Langsam 7' });
      await reading;
      expect(read.map((r) => (r.data as Event).needEvents.need.title)).toEqual(
        [1, 2, 3, 4, 5, 6, 7].map((i) => `Langsam ${i}`),
      );
      await waitFor('the group to close', async () =>
        shared().groupCount === 0 ? true : undefined,
      );
    } finally {
      shared().limits.maxQueued = 1000;
    }
  });
});
