// W4: graph queries (network, partners, shortest path) against the same SQL run directly
// through pg.
import { Pool } from 'pg';
import { toGlobalId } from '../../graphql/global-id';
import { networkDirect, partnersDirect, pathDirect } from '../graph-direct';
import { runLoad, runOps } from '../load';
import { ServerProcess } from '../processes';
import { Ctx, ratio, visitor, series, brief } from './kit';

export async function w4(ctx: Ctx, hub: ServerProcess): Promise<void> {
  const pool = new Pool({ connectionString: ctx.dbUrl, max: 8, statement_timeout: 5000 });
  const ranges = ctx.data.actorRanges;
  const randomActor = (i: number) => {
    const [lo, hi] = ranges[(i * 31) % ranges.length];
    return lo + ((i * 7919) % (hi - lo + 1));
  };
  const pairs = (i: number): [number, number] => {
    const a = randomActor(i);
    const [lo, hi] = ranges[(i * 31 + 10) % ranges.length]; // same Amt (municipalities 10 apart)
    return [a, lo + ((i * 104729) % (hi - lo + 1))];
  };
  const cases: Array<{
    name: string;
    query: string;
    vars: (i: number) => Record<string, unknown>;
    direct: (i: number) => Promise<unknown>;
  }> = [
    {
      name: 'partners depth 2',
      query: 'query P($id: ID!) { actor(id: $id) { partners(depth: 2) { id name } } }',
      vars: (i) => ({ id: toGlobalId('Actor', randomActor(i)) }),
      direct: (i) => partnersDirect(pool, randomActor(i), 2),
    },
    {
      name: 'partners depth 3',
      query: 'query P($id: ID!) { actor(id: $id) { partners(depth: 3) { id name } } }',
      vars: (i) => ({ id: toGlobalId('Actor', randomActor(i)) }),
      direct: (i) => partnersDirect(pool, randomActor(i), 3),
    },
    {
      name: 'cooperationPath maxDepth 6',
      query:
        'query C($a: ID!, $b: ID!) { cooperationPath(fromActorId: $a, toActorId: $b, maxDepth: 6) { id name } }',
      vars: (i) => {
        const [a, b] = pairs(i);
        return { a: toGlobalId('Actor', a), b: toGlobalId('Actor', b) };
      },
      direct: (i) => pathDirect(pool, ...pairs(i), 6),
    },
    {
      name: 'network stats of a municipality',
      query:
        'query N($r: ID!) { network(regionId: $r) { stats { actorCount cooperationCount componentCount isolatedActorCount density } } }',
      vars: (i) => ({
        r: toGlobalId(
          'Region',
          ctx.data.municipalityIds[(i * 7) % ctx.data.municipalityIds.length],
        ),
      }),
      direct: (i) =>
        networkDirect(pool, ctx.data.municipalityIds[(i * 7) % ctx.data.municipalityIds.length]),
    },
  ];
  const conns = 8;
  const duration = Math.max(2000, Math.round(ctx.settings.durationMs / 2));
  const results: Record<string, unknown> = {};
  try {
    for (const c of cases) {
      let tooBroad = 0;
      let timeouts = 0;
      const accept = (body: string) => {
        if (!body.includes('"errors"')) return true;
        if (body.includes('TRAVERSAL_TOO_BROAD')) tooBroad++;
        else if (/statement timeout|canceling statement|timeout/i.test(body)) timeouts++;
        return false;
      };
      const h = await runLoad({
        port: hub.port,
        connections: conns,
        durationMs: duration,
        warmupMs: 500,
        maxRequests: ctx.settings.maxRequests,
        request: (i) => ({
          path: '/graphql',
          body: JSON.stringify({ query: c.query, variables: c.vars(i) }),
          headers: visitor(i),
        }),
        accept,
      });
      const d = await runOps(conns, duration, ctx.settings.maxRequests, async (i) => {
        await c.direct(i);
        return true;
      });
      const slow = h.latency.max > 5000 ? 1 : 0;
      results[c.name] = { hub: brief(h), direct: brief(d), tooBroad, timeouts };
      series(ctx, `W4 ${c.name}`, h);
      const rr = ratio(h.rps, d.rps);
      ctx.rows.push({
        workload: 'W4',
        measure: `${c.name} (req/s, ${conns} connections) vs the same SQL through pg`,
        hub: h.rps,
        baseline: d.rps,
        ratio: rr,
        goal: '>= 0.8x direct; 0 past the statement timeout',
        met: rr !== null && rr >= 0.8 && timeouts === 0 && slow === 0,
      });
      if (tooBroad)
        ctx.notes.push(
          `W4 ${c.name}: ${tooBroad} requests refused as too broad (clear BAD_USER_INPUT error), not timed out`,
        );
      if (h.errors - tooBroad > 0)
        ctx.notes.push(
          `W4 ${c.name}: ${h.errors - tooBroad} other errors, e.g. ${h.errorSamples[0] ?? ''}`,
        );
    }
  } finally {
    await pool.end();
  }
  ctx.raw.W4 = results;
}
