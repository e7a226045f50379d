// Several instances starting at once on one empty database apply the migrations exactly once.
import { Client } from 'pg';
import { createEmptyDatabase } from '../helpers/test-database';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { getJson } from '../helpers/wait-for';

describe('three hubs starting at once on one empty database', () => {
  let database: { url: string; drop(): Promise<void> };
  let hubs: TestHub[] = [];

  beforeAll(async () => {
    database = await createEmptyDatabase();
  });
  afterAll(async () => {
    await Promise.all(hubs.map((h) => h.stop()));
    await database.drop();
  });

  it('apply each migration exactly once and all become ready', async () => {
    hubs = await Promise.all([1, 2, 3].map(() => startTestHub({ databaseUrl: database.url })));

    const c = new Client({ connectionString: database.url });
    await c.connect();
    try {
      const { rows } = await c.query<{ name: string; n: number }>(
        'SELECT name, count(*)::int AS n FROM migrations GROUP BY name ORDER BY name',
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((r) => r.n !== 1)).toEqual([]);
      const known = hubs[0].hub.services.db.dataSource.migrations.map((m) => m.name).sort();
      expect(rows.map((r) => r.name).sort()).toEqual(known);
      // The job queue's schema, migrated under the same lock, is there exactly once too.
      const queue = await c.query<{ id: number; n: number }>(
        'SELECT id, count(*)::int AS n FROM graphile_worker.migrations GROUP BY id',
      );
      expect(queue.rows.length).toBeGreaterThan(10);
      expect(queue.rows.filter((r) => r.n !== 1)).toEqual([]);
    } finally {
      await c.end();
    }
    for (const h of hubs) {
      expect(await getJson(`${h.hub.url}/readyz`)).toEqual({
        status: 200,
        body: { status: 'ready' },
      });
    }
  });
});
