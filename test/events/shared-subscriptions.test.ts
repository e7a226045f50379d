// Subscribers with the same document, variables and rights share one GraphQL execution per
// event: 1,000 widgets on one municipality cost one execution per event, not 1,000.
import { Role } from '../../src/graphql/viewer';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { waitFor } from '../helpers/wait-for';
import { demoIds } from '../modules/actors/demo-ids';
import { openNeed } from '../modules/needs/need-fixtures';
import { wsClient } from '../helpers/ws-client';

const QUERY = `subscription($filter: NeedFilter, $after: String) {
  needEvents(filter: $filter, after: $after) { cursor type need { title remainingQuantity } }
}`;

interface Sub {
  events: string[];
  cursors: string[];
  dispose: () => void;
}

let t: TestHub;
let ids: Awaited<ReturnType<typeof demoIds>>;

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${t.hub.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : NaN;
}

function subscribe(variables: Record<string, unknown>, token?: string): Sub {
  const sub: Sub = { events: [], cursors: [], dispose: () => undefined };
  const client = wsClient(t.url, token);
  const off = client.subscribe<{
    needEvents: { cursor: string; type: string; need: { title: string } };
  }>(
    { query: QUERY, variables },
    {
      next: (v) => {
        if (!v.data) return void sub.events.push('error');
        sub.events.push(`${v.data.needEvents.type} ${v.data.needEvents.need.title}`);
        sub.cursors.push(v.data.needEvents.cursor);
      },
      error: () => void sub.events.push('error'),
      complete: () => undefined,
    },
  );
  sub.dispose = () => {
    off();
    void client.dispose();
  };
  return sub;
}

beforeAll(async () => {
  t = await startTestHub({ seed: true, env: { HUB_SWEEP_INTERVAL_MS: '86400000' } });
  ids = await demoIds(t);
});
afterAll(() => t.stop());

describe('shared subscription execution', () => {
  it('executes each event once per group, and every member gets every event in order', async () => {
    const buesum = { filter: { regionId: ids.region('Büsum') } };
    const wesselburen = { filter: { regionId: ids.region('Wesselburen') } };
    const admin = await t.token(Role.ADMIN);
    const subsBefore = t.hub.services.needEventHub.size;
    const widgets = Array.from({ length: 6 }, () => subscribe(buesum));
    const other = subscribe(wesselburen);
    const coordinator = subscribe(buesum, admin);
    // Three groups: PUBLIC Büsum (6 sockets), PUBLIC Wesselburen, ADMIN Büsum.
    await waitFor('three source subscriptions', async () =>
      t.hub.services.needEventHub.size - subsBefore === 3 ? true : undefined,
    );
    expect(await metric('hub_subscription_groups')).toBe(3);
    expect(await metric('hub_subscriptions')).toBe(8);

    const executedBefore = await metric('hub_subscription_executions_total');
    const actor = ids.actor('Sportverein Büsum');
    for (const title of ['Geteilt eins', 'Geteilt zwei', 'Geteilt drei']) {
      await openNeed(t, actor, { title });
    }
    const expected = ['OPENED Geteilt eins', 'OPENED Geteilt zwei', 'OPENED Geteilt drei'];
    await waitFor('every Büsum subscriber to see three events', async () =>
      [...widgets, coordinator].every((s) => s.events.length >= 3) ? true : undefined,
    );
    for (const s of [...widgets, coordinator]) expect(s.events).toEqual(expected);
    expect(new Set(widgets.map((w) => w.cursors.join())).size).toBe(1);
    expect(other.events).toEqual([]);
    // Two Büsum groups executed three events each: 6 executions for 7 Büsum sockets.
    await waitFor('the executions to be counted', async () =>
      (await metric('hub_subscription_executions_total')) - executedBefore === 6 ? true : undefined,
    );

    // A member leaving keeps the group for the others; the last one closes it.
    for (const w of widgets.slice(0, 5)) w.dispose();
    await openNeed(t, actor, { title: 'Geteilt vier' });
    await waitFor('the remaining widget', async () =>
      widgets[5].events.length === 4 ? true : undefined,
    );
    expect(widgets[5].events[3]).toBe('OPENED Geteilt vier');
    for (const s of [widgets[5], other, coordinator]) s.dispose();
    await waitFor('all groups to close', async () =>
      (await metric('hub_subscription_groups')) === 0 ? true : undefined,
    );
    await waitFor('the subscription gauge to drop', async () =>
      (await metric('hub_subscriptions')) === 0 ? true : undefined,
    );
  });

  // A resuming subscriber replays on its own, then joins the live group (issue 23 item 4).
  it('shares a subscription that resumes from a cursor once its replay caught up', async () => {
    const buesum = { regionId: ids.region('Büsum') };
    const live = subscribe({ filter: buesum });
    await waitFor('the live group', async () =>
      (await metric('hub_subscription_groups')) === 1 ? true : undefined,
    );
    await openNeed(t, ids.actor('Sportverein Büsum'), { title: 'Vor dem Wiederaufnehmen' });
    await waitFor('the live event', async () => (live.cursors.length === 1 ? true : undefined));
    const resumed = subscribe({ filter: buesum, after: live.cursors[0] });
    await openNeed(t, ids.actor('Sportverein Büsum'), { title: 'Nach dem Wiederaufnehmen' });
    await waitFor('both to see the new event', async () =>
      live.events.length === 2 && resumed.events.length === 1 ? true : undefined,
    );
    expect(resumed.events).toEqual(['OPENED Nach dem Wiederaufnehmen']);
    expect(await metric('hub_subscription_groups')).toBe(1);
    expect(t.hub.services.sharedSubscriptions.members).toBe(2);
    live.dispose();
    resumed.dispose();
  });
});
