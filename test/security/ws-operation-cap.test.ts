// Issue 23 item 7: the 20-operations-per-WebSocket cap held only for operations sent one after
// another; a burst of subscribe messages all passed the count before any of them was added
// (39 of 100 accepted). The cap must hold for a burst.
import { MAX_SUBSCRIPTIONS_PER_CONNECTION } from '../../src/server/ws-server';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { waitFor } from '../helpers/wait-for';
import { openGraphqlSocket } from '../helpers/ws-client';

let t: TestHub;

beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t?.stop());

async function openSubscriptions(): Promise<number> {
  const text = await (await fetch(`${t.hub.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('hub_subscriptions '));
  return Number(line?.split(' ')[1]);
}

describe('operations per WebSocket', () => {
  it('accepts exactly 20 of a burst of 100 subscribe messages and refuses the rest', async () => {
    const { ws, closed } = await openGraphqlSocket(t.url);
    const refused: Array<{ id: string; code: unknown }> = [];
    ws.on('message', (raw) => {
      const msg = JSON.parse(raw.toString()) as {
        id: string;
        type: string;
        payload?: Array<{ extensions?: { code?: unknown } }>;
      };
      if (msg.type === 'error')
        refused.push({ id: msg.id, code: msg.payload?.[0]?.extensions?.code });
    });
    for (let i = 0; i < 100; i++) {
      // Distinct filters: each accepted one is a subscription of its own.
      const query = `subscription { needEvents(filter: { text: "Burst ${i}" }) { cursor } }`;
      ws.send(JSON.stringify({ id: `s${i}`, type: 'subscribe', payload: { query } }));
    }
    await waitFor('every subscribe message to be decided', async () =>
      refused.length + (await openSubscriptions()) === 100 ? true : undefined,
    );
    expect(await openSubscriptions()).toBe(MAX_SUBSCRIPTIONS_PER_CONNECTION);
    expect(refused).toHaveLength(100 - MAX_SUBSCRIPTIONS_PER_CONNECTION);
    expect(new Set(refused.map((r) => r.code))).toEqual(new Set(['RATE_LIMITED']));

    // A finished operation frees its place for the next one.
    ws.send(JSON.stringify({ id: 's0', type: 'complete' }));
    await waitFor('the completed one to be gone', async () =>
      (await openSubscriptions()) === MAX_SUBSCRIPTIONS_PER_CONNECTION - 1 ? true : undefined,
    );
    const query = 'subscription { needEvents(filter: { text: "Nachzügler" }) { cursor } }';
    ws.send(JSON.stringify({ id: 'late', type: 'subscribe', payload: { query } }));
    await waitFor('the late one to be accepted', async () =>
      (await openSubscriptions()) === MAX_SUBSCRIPTIONS_PER_CONNECTION ? true : undefined,
    );
    expect(refused.some((r) => r.id === 'late')).toBe(false);
    ws.close();
    await closed;
    await waitFor('the gauge to drop', async () =>
      (await openSubscriptions()) === 0 ? true : undefined,
    );
  });

  it('does not count a refused operation against the cap', async () => {
    const { ws, closed } = await openGraphqlSocket(t.url);
    const answers: string[] = [];
    ws.on('message', (raw) => {
      const msg = JSON.parse(raw.toString()) as { id: string; type: string };
      if (msg.type === 'error' || msg.type === 'complete') answers.push(msg.id);
    });
    for (let i = 0; i < 30; i++) {
      ws.send(JSON.stringify({ id: `bad${i}`, type: 'subscribe', payload: { query: '{ nope }' } }));
    }
    await waitFor('thirty refusals', async () => (answers.length === 30 ? true : undefined));
    ws.send(
      JSON.stringify({ id: 'good', type: 'subscribe', payload: { query: '{ __typename }' } }),
    );
    await waitFor('the good query to complete', async () => answers.includes('good'));
    ws.close();
    await closed;
  });
});
