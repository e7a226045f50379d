// Subscription.activity over graphql-ws with two hub instances on one database: live in log
// order, only what the subscriber may see, resumable with `after` (no gap or duplicate),
// CURSOR_EXPIRED past retention, nothing lost when the LISTEN connection drops, and identical
// subscriptions share one execution per activity.
import type { Client as WsClient } from 'graphql-ws';
import { LISTENER_APPLICATION_NAME } from '../../../src/events/log-listener';
import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { waitFor } from '../../helpers/wait-for';
import { wsClient } from '../../helpers/ws-client';
import { demoIds } from '../actors/demo-ids';
import { openNeed, PLEDGE, withPg } from '../needs/need-fixtures';

const SUB = `subscription($regionId: ID!, $types: [ActivityType!], $after: String) {
  activity(regionId: $regionId, types: $types, after: $after) {
    cursor type summary subject { id __typename ... on Need { pledgedQuantity } }
  }
}`;

interface Item {
  cursor: string;
  type: string;
  summary: string;
  subject: { id: string; __typename: string; pledgedQuantity?: number };
}
interface Collector {
  items: Item[];
  errors: Array<{ message: string; extensions?: Record<string, unknown> }>;
  dispose: () => void;
}

const position = (cursor: string) =>
  Number(Buffer.from(cursor, 'base64url').toString('utf8').split(':')[1]);

describe('Subscription.activity', () => {
  let t1: TestHub;
  let t2: TestHub;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let admin: string;
  let member: string;
  const clients: WsClient[] = [];
  const client = (t: TestHub, token?: string) => {
    const c = wsClient(t.url, token);
    clients.push(c);
    return c;
  };

  const collect = (c: WsClient, variables: Record<string, unknown>): Collector => {
    const col: Collector = { items: [], errors: [], dispose: () => undefined };
    col.dispose = c.subscribe<{ activity: Item }>(
      { query: SUB, variables },
      {
        next: (v) => {
          if (v.errors) col.errors.push(...(v.errors as Collector['errors']));
          else if (v.data) col.items.push(v.data.activity);
        },
        error: (e) => col.errors.push({ message: String((e as Error)?.message ?? e) }),
        complete: () => undefined,
      },
    );
    return col;
  };
  const registered = (t: TestHub) =>
    t.hub.services.activityHub.size + t.hub.services.sharedSubscriptions.members;
  const subscribed = async (t: TestHub, c: WsClient, variables: Record<string, unknown>) => {
    const before = registered(t);
    const col = collect(c, variables);
    await waitFor(
      'the subscription to register',
      async () => registered(t) > before || col.errors.length > 0,
    );
    return col;
  };
  const arrived = (c: Collector, n: number) =>
    waitFor(`${n} activities`, async () => c.items.length >= n || c.errors.length > 0, {
      timeoutMs: 15_000,
    }).then(() => {
      if (c.errors.length) throw new Error(`subscription failed: ${JSON.stringify(c.errors)}`);
    });
  const pledge = (needId: string, t = t1) =>
    t
      .gql(
        PLEDGE,
        { input: { needId, actorId: ids.actor('Stadt Wesselburen'), quantity: 1 } },
        admin,
      )
      .then((r) => {
        if (r.errors) throw new Error(JSON.stringify(r.errors));
      });

  beforeAll(async () => {
    t1 = await startTestHub({ seed: true });
    t2 = await startTestHub({ databaseUrl: t1.databaseUrl });
    ids = await demoIds(t1);
    admin = await t1.token(Role.ADMIN);
    member = await t1.token(Role.MEMBER, { actorIds: [ids.actor('Gemeinde Büsum')] });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t2.stop();
    await t1.stop();
  });

  it('delivers changes made through another instance in log order, only what the subscriber may see', async () => {
    const regionId = ids.region('Büsum');
    const anonymous = await subscribed(t2, client(t2), { regionId });
    const partner = await subscribed(t2, client(t2, member), { regionId });
    const open = await openNeed(t1, ids.actor('Gemeinde Büsum'), {
      title: 'Deichputz',
      quantity: 2,
    });
    const internal = await openNeed(t1, ids.actor('Gemeinde Büsum'), {
      title: 'Vorstandssitzung',
      visibility: 'NETWORK',
    });
    await pledge(open.id);
    await pledge(open.id);
    await arrived(partner, 5);
    await arrived(anonymous, 4);
    expect(partner.items.map((i) => [i.type, i.subject.id])).toEqual([
      ['NEED_OPENED', open.id],
      ['NEED_OPENED', internal.id],
      ['PLEDGE_MADE', open.id],
      ['PLEDGE_MADE', open.id],
      ['NEED_FILLED', open.id],
    ]);
    // Resolved after the change: the subject as it is now.
    expect(partner.items[2].subject.pledgedQuantity).toBe(1);
    expect(anonymous.items.map((i) => i.subject.id)).not.toContain(internal.id);
    expect(anonymous.items.map((i) => i.type)).toEqual([
      'NEED_OPENED',
      'PLEDGE_MADE',
      'PLEDGE_MADE',
      'NEED_FILLED',
    ]);
    const pos = partner.items.map((i) => position(i.cursor));
    expect([...pos].sort((a, b) => a - b)).toEqual(pos);
    anonymous.dispose();
    partner.dispose();
  });

  it('filters by type and leaves out regions beside the one asked for', async () => {
    const sub = await subscribed(t1, client(t1), {
      regionId: ids.region('Wesselburen'),
      types: ['PLEDGE_MADE'],
    });
    const beside = await openNeed(t1, ids.actor('Gemeinde Büsum'), { title: 'Nebenan' });
    await pledge(beside.id);
    const here = await openNeed(t1, ids.actor('Stadt Wesselburen'), { title: 'Hier' });
    await pledge(here.id);
    await arrived(sub, 1);
    expect(sub.items.map((i) => [i.type, i.subject.id])).toEqual([['PLEDGE_MADE', here.id]]);
    sub.dispose();
  });

  it('resumes from a cursor with exactly the missed activities, then live ones', async () => {
    const regionId = ids.region('Büsum');
    const need = await openNeed(t1, ids.actor('Gemeinde Büsum'), {
      title: 'Kutter',
      quantity: 100,
    });
    const c = client(t2);
    const first = await subscribed(t2, c, { regionId, types: ['PLEDGE_MADE'] });
    await pledge(need.id);
    await arrived(first, 1);
    first.dispose();
    for (let i = 0; i < 12; i++) await pledge(need.id, i % 2 ? t1 : t2);
    // Two resuming subscribers with the same document share the group's live results.
    const executions = t2.hub.services.sharedSubscriptions.executions;
    const resumed = collect(c, { regionId, types: ['PLEDGE_MADE'], after: first.items[0].cursor });
    const twin = collect(client(t2), {
      regionId,
      types: ['PLEDGE_MADE'],
      after: first.items[0].cursor,
    });
    await arrived(resumed, 12);
    await arrived(twin, 12);
    await pledge(need.id);
    await arrived(resumed, 13);
    await arrived(twin, 13);
    expect(new Set(resumed.items.map((i) => i.cursor)).size).toBe(13);
    expect(twin.items.map((i) => i.cursor)).toEqual(resumed.items.map((i) => i.cursor));
    const pos = resumed.items.map((i) => position(i.cursor));
    expect(pos[0]).toBeGreaterThan(position(first.items[0].cursor));
    expect([...pos].sort((a, b) => a - b)).toEqual(pos);
    // The live one was executed once for both.
    expect(t2.hub.services.sharedSubscriptions.executions - executions).toBe(1);
    resumed.dispose();
    twin.dispose();
  });

  it('loses nothing when the LISTEN connection is killed while changes are made', async () => {
    const need = await openNeed(t1, ids.actor('Gemeinde Büsum'), {
      title: 'Leitung',
      quantity: 100,
    });
    const sub = await subscribed(t1, client(t1), {
      regionId: ids.region('Büsum'),
      types: ['PLEDGE_MADE'],
    });
    const killed = await withPg(
      t1,
      async (pg) =>
        (
          await pg.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
            [LISTENER_APPLICATION_NAME],
          )
        ).rows.length,
    );
    expect(killed).toBe(2); // one LISTEN connection per instance, for every log
    for (let i = 0; i < 6; i++) await pledge(need.id, i % 2 ? t1 : t2);
    await arrived(sub, 6);
    expect(sub.items).toHaveLength(6);
    sub.dispose();
  });

  it('refuses a malformed cursor and an expired one (CURSOR_EXPIRED)', async () => {
    const c = client(t1);
    const bad = collect(c, { regionId: ids.region('Büsum'), after: 'not-a-cursor' });
    await waitFor('an error', async () => bad.errors.length > 0);
    expect(bad.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
    const [{ p }] = await withPg(t1, async (pg) => {
      await pg.query(`UPDATE activity SET occurred_at = now() - interval '91 days'`);
      return (await pg.query('SELECT max(position) AS p FROM activity')).rows;
    });
    const cursor = Buffer.from(`Activity:${p}`).toString('base64url');
    const expired = collect(c, { regionId: ids.region('Büsum'), after: cursor });
    await waitFor('an error', async () => expired.errors.length > 0);
    expect(expired.errors[0].extensions?.code).toBe('CURSOR_EXPIRED');
    expect(expired.items).toEqual([]);
  });
});
