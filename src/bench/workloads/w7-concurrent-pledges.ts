// W7: 500 concurrent pledges over 10 needs: no overbooking, no lost pledges, and the rate.
import { toGlobalId } from '../../graphql/global-id';
import { Role } from '../../graphql/viewer';
import { percentiles, send } from '../load';
import { ServerProcess } from '../processes';
import http from 'node:http';
import { Ctx, round, token } from './kit';

const PLEDGE = 'mutation P($input: PledgeInput!) { pledge(input: $input) { id quantity } }';

export async function w7(ctx: Ctx, hub: ServerProcess): Promise<void> {
  const owners = ctx.data.writeActorIds.slice(0, 10);
  const pledgers = owners.map((a) => a + 1);
  const perNeed = 30;
  const needs = await ctx.db.query<{ id: number }>(
    `INSERT INTO need (actor_id, kind, title, region_id, quantity, unit, status, urgency, visibility, tags, starts_at)
     SELECT a.id, 'HELPERS', 'Bench-Zusagen ' || t.i, a.region_id, $2, 'Helfer', 'OPEN', 'NORMAL', 'PUBLIC', '{}', now() + interval '30 days'
       FROM unnest($1::int[]) WITH ORDINALITY AS t(actor_id, i) JOIN actor a ON a.id = t.actor_id ORDER BY t.i RETURNING id`,
    [owners, perNeed],
  );
  const member = await token(Role.MEMBER, pledgers, [], 'bench-pledger');
  const total = 500;
  const agent = new http.Agent({ keepAlive: true, maxSockets: total });
  const t0 = performance.now();
  const latencies: number[] = [];
  const answers = await Promise.all(
    Array.from({ length: total }, async (_, i) => {
      const s = performance.now();
      const r = await send(agent, hub.port, {
        path: '/graphql',
        body: JSON.stringify({
          query: PLEDGE,
          variables: {
            input: {
              needId: toGlobalId('Need', needs[i % 10].id),
              actorId: toGlobalId('Actor', pledgers[i % 10]),
              quantity: 1,
            },
          },
        }),
        headers: { authorization: `Bearer ${member}` },
      });
      latencies.push(performance.now() - s);
      return r;
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  let ok = 0;
  let refused = 0;
  const other: string[] = [];
  for (const a of answers) {
    if (a.status === 200 && a.body.includes('"pledge":{"id"')) ok++;
    else if (a.body.includes('"CONFLICT"')) refused++;
    else other.push(`${a.status} ${a.body.slice(0, 160)}`);
  }
  const ids = needs.map((n) => n.id);
  const check = await ctx.db.query<{
    id: number;
    quantity: number;
    pledged_quantity: number;
    live: number;
    rows: number;
  }>(
    `SELECT n.id, n.quantity, n.pledged_quantity,
            coalesce(sum(p.quantity) FILTER (WHERE p.status IN ('PENDING', 'CONFIRMED')), 0)::int AS live,
            count(p.id)::int AS rows
       FROM need n LEFT JOIN pledge p ON p.need_id = n.id WHERE n.id = ANY($1::int[]) GROUP BY n.id`,
    [ids],
  );
  const overbooked = check.filter(
    (c) => c.live > c.quantity || c.pledged_quantity > c.quantity || c.pledged_quantity !== c.live,
  ).length;
  const rowsTotal = check.reduce((s, c) => s + c.rows, 0);
  const lost = Math.abs(rowsTotal - ok) + other.length;
  const lat = percentiles(latencies);
  ctx.raw.W7 = {
    requests: total,
    needs: 10,
    quantityPerNeed: perNeed,
    succeeded: ok,
    refusedFull: refused,
    otherErrors: other.slice(0, 5),
    otherErrorCount: other.length,
    pledgeRows: rowsTotal,
    overbookedNeeds: overbooked,
    lost,
    pledgesPerSecond: round(ok / seconds, 1),
    latencyMs: lat,
  };
  ctx.series.push({ label: 'W7 pledges (500 at once)', ...lat });
  ctx.rows.push(
    {
      workload: 'W7',
      measure: `500 concurrent pledges over 10 needs of ${perNeed}: overbooked needs / lost pledges`,
      hub: `${overbooked} / ${lost}`,
      baseline: null,
      ratio: null,
      goal: '0 overbooked, 0 lost',
      met: overbooked === 0 && lost === 0 && ok === 10 * perNeed,
    },
    {
      workload: 'W7',
      measure: 'pledges accepted per second (500 requests at once)',
      hub: round(ok / seconds, 1),
      baseline: null,
      ratio: null,
      goal: 'recorded',
      met: null,
    },
  );
  await ctx.db.query(`DELETE FROM need WHERE id = ANY($1::int[])`, [ids]);
}
