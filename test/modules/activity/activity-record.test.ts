// services.activity.record: written in the caller's transaction, positions in commit order,
// NOTIFY only on commit, bad input writes nothing.
import { Client } from 'pg';
import { ActivityType } from '../../../src/modules/activity/activity-type';
import { Visibility } from '../../../src/modules/shared/visibility';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { waitFor } from '../../helpers/wait-for';
import { withPg } from '../needs/need-fixtures';

describe('services.activity.record', () => {
  let t: TestHub;
  let regionId: number;
  let actorId: number;
  let listener: Client;
  const notified: string[] = [];

  const input = (summary = 'Der Boßelverein Süderdeich ist jetzt im Netzwerk') => ({
    type: ActivityType.ACTOR_CREATED,
    regionId: String(regionId),
    subject: { type: 'Actor', id: String(actorId) },
    visibility: Visibility.PUBLIC,
    actorIds: [String(actorId)],
    summary,
    data: { kind: 'CLUB' },
  });
  const count = () =>
    withPg(t, async (c) => Number((await c.query('SELECT count(*) AS n FROM activity')).rows[0].n));

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    [regionId, actorId] = await withPg(t, async (c) => {
      const { rows } = await c.query('SELECT id, region_id FROM actor ORDER BY id LIMIT 1');
      return [Number(rows[0].region_id), Number(rows[0].id)];
    });
    listener = new Client({ connectionString: t.databaseUrl });
    await listener.connect();
    listener.on('notification', (m) => m.channel === 'activity' && notified.push(m.payload ?? ''));
    await listener.query('LISTEN activity');
  });

  afterAll(async () => {
    await listener?.end();
    await t?.stop();
  });

  it('writes nothing and announces nothing when the transaction rolls back', async () => {
    const before = await count();
    const heard = notified.length;
    await expect(
      t.hub.services.db.transaction(async (tx) => {
        await t.hub.services.activity.record(tx, input());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await count()).toBe(before);
    // A committed one afterwards is heard; the rolled back one never was.
    const position = await t.hub.services.db.transaction((tx) =>
      t.hub.services.activity.record(tx, input()),
    );
    await waitFor('the notification', async () => notified.length > heard);
    expect(notified.slice(heard)).toEqual([String(position)]);
  });

  it('stores the row with its region, subject, actors, summary and data', async () => {
    const position = await t.hub.services.db.transaction((tx) =>
      t.hub.services.activity.record(tx, input('Ein neuer Verein ist dabei')),
    );
    const row = await withPg(
      t,
      async (c) =>
        (await c.query('SELECT * FROM activity WHERE position = $1', [position])).rows[0],
    );
    expect(row).toMatchObject({
      type: 'ACTOR_CREATED',
      region_id: regionId,
      subject_type: 'Actor',
      subject_id: actorId,
      visibility: 'PUBLIC',
      actor_ids: [actorId],
      summary: 'Ein neuer Verein ist dabei',
      data: { kind: 'CLUB' },
    });
  });

  it('refuses a blank summary, an unknown type and a malformed subject id, writing nothing', async () => {
    const before = await count();
    for (const bad of [
      input('   '),
      { ...input(), type: 'NOT_A_TYPE' as ActivityType },
      { ...input(), subject: { type: 'Actor', id: 'x' } },
    ]) {
      await expect(
        t.hub.services.db.transaction((tx) => t.hub.services.activity.record(tx, bad)),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    }
    expect(await count()).toBe(before);
  });

  it('gives positions in commit order: a writer waits for an earlier uncommitted one', async () => {
    const first = new Client({ connectionString: t.databaseUrl });
    await first.connect();
    try {
      await first.query('BEGIN');
      const [p1] = await t.hub.services.activity.recordMany(first, [input('Zuerst begonnen')]);
      let secondDone = false;
      const second = t.hub.services.db
        .transaction((tx) => t.hub.services.activity.record(tx, input('Danach begonnen')))
        .then((p) => {
          secondDone = true;
          return p;
        });
      // The second writer is blocked on the log's lock while the first has not committed.
      await waitFor('the second writer to wait for the lock', () =>
        withPg(t, async (c) => {
          const { rows } = await c.query(
            `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
          );
          return Number(rows[0].n) > 0;
        }),
      );
      expect(secondDone).toBe(false);
      await first.query('COMMIT');
      const p2 = await second;
      expect(p2).toBeGreaterThan(p1);
    } finally {
      await first.end();
    }
  });
});
