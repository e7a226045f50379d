// Every relation loads through per-request DataLoaders: the number of SQL statements a nested
// networker query issues does not grow with the number of actors on the page.
import { isBackgroundClient } from '../../../src/db/statement-counter';
import { graphql } from 'graphql';
import { Client } from 'pg';
import { buildHubSchema } from '../../../src/graphql/build-schema';
import { createContext } from '../../../src/graphql/context';
import { Role, Viewer } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';

const QUERY = `query($first: Int!, $region: ID!) {
  actors(first: $first, filter: { regionId: $region }) { nodes { id name region { name }
    cooperations(first: 10) { nodes { id title status participants { id name region { name } } } } } }
}`;

type Result = { actors: { nodes: { cooperations: { nodes: { participants: unknown[] }[] } }[] } };

describe('statement count of a nested networker query', () => {
  let t: TestHub;
  let viewer: Viewer;
  let regionId: string;
  const original = Client.prototype.query;
  let counted = 0;

  beforeAll(async () => {
    t = await startTestHub();
    // The graph cost figures are measured once at start (two aggregates): let that finish, so
    // the counts below are the query's own.
    await t.hub.services.graphCosts.refresh();
    const c = new Client({ connectionString: t.databaseUrl });
    await c.connect();
    const [{ id }] = (
      await c.query(
        `INSERT INTO region (name, level, path) VALUES ('Testland', 'STATE', '/') RETURNING id`,
      )
    ).rows;
    await c.query(`UPDATE region SET path = '/' || id || '/' WHERE id = $1`, [id]);
    const actors = (
      await c.query(
        `INSERT INTO actor (kind, name, region_id) SELECT 'CLUB', 'Verein ' || lpad(g::text, 2, '0'), $1
           FROM generate_series(1, 50) g RETURNING id`,
        [id],
      )
    ).rows.map((r) => r.id as number);
    // ring-shaped network: actor i cooperates with the next 10 actors, so everyone has >= 10
    for (let i = 0; i < actors.length; i++) {
      for (let k = 1; k <= 10; k++) {
        const [{ id: coop }] = (
          await c.query(
            `INSERT INTO cooperation (kind, status, title) VALUES ('PARTNERSHIP', 'ACTIVE', $1) RETURNING id`,
            [`K ${i}-${k}`],
          )
        ).rows;
        await c.query(
          `INSERT INTO cooperation_participant (cooperation_id, actor_id, status) VALUES ($1, $2, 'ACTIVE'), ($1, $3, 'ACTIVE')`,
          [coop, actors[i], actors[(i + k) % actors.length]],
        );
      }
    }
    await c.end();
    regionId = Buffer.from(`Region:${id}`).toString('base64url');
    viewer = {
      role: Role.NETWORKER,
      sub: 'networker',
      actorIds: [],
      regionIds: [id],
      ip: '127.0.0.1',
    };
    // Count every statement at the driver, whichever pool or client sends it, except background
    // connections (the job runner polls for due jobs, the listeners reconnect under load).
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      if (!isBackgroundClient(this)) counted++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof Client.prototype.query;
  });
  afterAll(async () => {
    Client.prototype.query = original;
    await t.stop();
  });

  // Executed on the hub's schema with a fresh per-request context, as the HTTP handler does. Over
  // HTTP the operation cost limit refuses 50 x 10 x participants before any resolver runs.
  const run = async (first: number) =>
    graphql({
      schema: await buildHubSchema(),
      source: QUERY,
      variableValues: { first, region: regionId },
      contextValue: createContext(t.hub.services, viewer),
    }) as Promise<{ data?: Result; errors?: unknown }>;

  async function statementsFor(first: number): Promise<number> {
    await run(first); // warm-up
    counted = 0;
    const res = await run(first);
    const n = counted;
    expect(res.errors).toBeUndefined();
    expect(res.data?.actors.nodes).toHaveLength(first);
    for (const a of res.data?.actors.nodes ?? []) {
      expect(a.cooperations.nodes).toHaveLength(10);
      for (const c of a.cooperations.nodes) expect(c.participants).toHaveLength(2);
    }
    return n;
  }

  it('issues the same fixed number of statements for 5 actors as for 50', async () => {
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    // actors page, their regions, the cooperation pages, the participants (whose regions are
    // already in the same request's region loader)
    expect(five).toBe(4);
    expect(fifty).toBe(4);
  });
});
