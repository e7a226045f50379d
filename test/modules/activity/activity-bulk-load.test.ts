// The demo seed and the CSV import load data in bulk and write no activities: a fresh install
// or a network's list of 500 clubs is not news, so neither floods the feed nor the webhooks.
// What happens afterwards through the API is in the log as always (the check that this test
// can fail: the same webhook does receive the next need opened).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Role } from '../../../src/graphql/viewer';
import { importActors } from '../../../src/modules/import/actor-import';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { waitFor } from '../../helpers/wait-for';
import { demoIds } from '../actors/demo-ids';
import { openNeed, withPg } from '../needs/need-fixtures';

const ALL_TYPES = `{ __type(name: "ActivityType") { enumValues { name } } }`;

describe('seed and CSV import', () => {
  let t: TestHub;
  const got: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      got.push(body);
      res.statusCode = 204;
      res.end();
    });
  });
  const activities = () =>
    withPg(t, async (pg) => {
      const { rows } = await pg.query('SELECT count(*)::int AS n FROM activity');
      return rows[0].n as number;
    });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t = await startTestHub({ seed: true, env: { HUB_WEBHOOK_ALLOW_PRIVATE: 'true' } });
  });
  afterAll(async () => {
    await t?.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('the seed writes no activity, while the demo data is there', async () => {
    expect(await activities()).toBe(0);
    const counts = await withPg(t, (pg) =>
      pg.query(`SELECT (SELECT count(*) FROM actor)::int AS actors,
                       (SELECT count(*) FROM need)::int AS needs,
                       (SELECT count(*) FROM cooperation)::int AS cooperations`),
    );
    expect(counts.rows[0].actors).toBeGreaterThan(10);
    expect(counts.rows[0].needs).toBeGreaterThan(5);
    expect(counts.rows[0].cooperations).toBeGreaterThan(1);
    const admin = await t.token(Role.ADMIN);
    const feed = await t.gql<{ activity: { nodes: unknown[] } }>(
      `query($r: ID!) { activity(regionId: $r, first: 100) { nodes { type } } }`,
      { r: (await demoIds(t)).region('Schleswig-Holstein') },
      admin,
    );
    expect(feed.data?.activity.nodes).toEqual([]);
  });

  it('a CSV import writes no activity and sends no webhook; the next change through the API does', async () => {
    const ids = await demoIds(t);
    const admin = await t.token(Role.ADMIN);
    const types = (
      await t.gql<{ __type: { enumValues: { name: string }[] } }>(ALL_TYPES)
    ).data!.__type.enumValues.map((v) => v.name);
    const created = await t.gql(
      `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } } }`,
      {
        input: {
          url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/alles`,
          regionId: ids.region('Schleswig-Holstein'),
          types,
        },
      },
      admin,
    );
    expect(created.errors).toBeUndefined();

    const csv = [
      'kind,name,municipality,topics,website,email,phone,address,latitude,longitude',
      'CLUB,Importierter Shantychor,Büsum,musik,,,,,,',
      'CLUB,Importierter Boßelverein,Wesselburen,sport,,,,,,',
      'INITIATIVE,Importierte Heimatinitiative,Büsum,heimat,,,,,,',
    ].join('\n');
    const { services } = t.hub;
    const result = await importActors(services.db, services.audit, csv);
    expect(result.rejected).toEqual([]);
    expect(await activities()).toBe(0);
    await services.webhooks.wakeAll();
    await t.runJobsUntilIdle();
    expect(got).toEqual([]);

    const imported = (await demoIds(t)).actor('Importierter Shantychor');
    const need = await openNeed(t, imported, {
      title: 'Sänger gesucht',
    });
    await waitFor('the need opened at the webhook', async () => got.length >= 1, {
      timeoutMs: 15_000,
    });
    await t.runJobsUntilIdle();
    expect(got.map((b) => [JSON.parse(b).type, JSON.parse(b).subject.id])).toEqual([
      ['NEED_OPENED', need.id],
    ]);
    expect(await activities()).toBe(1);
  });
});
