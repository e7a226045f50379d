// W9: search at 100,000 actors (parts of compounds, a typo, punctuation) against the same SQL run
// directly through pg, and the plans of those statements at that size: indexes only.
import { Pool } from 'pg';
import { runLoad, runOps } from '../load';
import { ServerProcess } from '../processes';
import { searchDirect, searchStatements } from '../search-direct';
import { brief, Ctx, ratio, series, visitor } from './kit';

const TEXTS = ['Schule', 'Feuerwher', 'Sport & Spiel'];
const QUERY = `query Search($text: String!) { search(text: $text, first: 20) {
  __typename ... on Actor { id name } ... on Need { id title } ... on Offer { id title } } }`;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

export async function w9(ctx: Ctx, hub: ServerProcess): Promise<void> {
  const pool = new Pool({ connectionString: ctx.dbUrl, max: 8, statement_timeout: 5000 });
  const conns = 8;
  const duration = Math.max(2000, Math.round(ctx.settings.durationMs / 2));
  const results: Record<string, unknown> = {};
  const [{ n: actorCount }] = await ctx.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM actor',
  );
  try {
    // The plans first: every statement of every search text on an index, none scanning a table.
    const seqScans: string[] = [];
    const timings: Record<string, number> = {};
    for (const text of TEXTS) {
      const s = searchStatements(text, 20);
      if (!s) continue;
      for (const [name, st] of Object.entries(s)) {
        const { rows } = await pool.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${st.text}`, st.values);
        const plan = (
          rows[0] as { 'QUERY PLAN': Array<{ Plan: PlanNode; 'Execution Time': number }> }
        )['QUERY PLAN'][0];
        timings[`${text} / ${name}`] = Math.round(plan['Execution Time'] * 10) / 10;
        for (const n of nodes(plan.Plan)) {
          if (
            n['Node Type'].includes('Seq Scan') &&
            ['actor', 'need', 'offer'].includes(n['Relation Name'] ?? '')
          )
            seqScans.push(`${text}: ${n['Node Type']} on ${n['Relation Name']}`);
        }
      }
    }
    results.plans = { seqScans, executionMs: timings };
    ctx.rows.push({
      workload: 'W9',
      measure: `search statements scanning a whole table at ${actorCount.toLocaleString('en')} actors (${TEXTS.length} texts x 2 statements, EXPLAIN)`,
      hub: seqScans.length,
      baseline: null,
      ratio: null,
      goal: '0 (indexes only)',
      met: seqScans.length === 0,
    });
    for (const text of TEXTS) {
      const h = await runLoad({
        port: hub.port,
        connections: conns,
        durationMs: duration,
        warmupMs: 500,
        maxRequests: ctx.settings.maxRequests,
        request: (i) => ({
          path: '/graphql',
          body: JSON.stringify({ query: QUERY, variables: { text } }),
          headers: visitor(i),
        }),
        accept: (body) => !body.includes('"errors"'),
      });
      const d = await runOps(conns, duration, ctx.settings.maxRequests, async () => {
        await searchDirect(pool, text);
        return true;
      });
      results[text] = { hub: brief(h), direct: brief(d) };
      series(ctx, `W9 search "${text}"`, h);
      const rr = ratio(h.rps, d.rps);
      ctx.rows.push({
        workload: 'W9',
        measure: `search "${text}" at ${actorCount.toLocaleString('en')} actors (req/s, ${conns} connections; p99 ${Math.round(h.latency.p99)} ms) vs the same SQL through pg`,
        hub: h.rps,
        baseline: d.rps,
        ratio: rr,
        goal: '>= 0.8x direct; no errors',
        met: rr !== null && rr >= 0.8 && h.errors === 0,
      });
      if (h.errors)
        ctx.notes.push(`W9 "${text}": ${h.errors} errors, e.g. ${h.errorSamples[0] ?? ''}`);
    }
  } finally {
    await pool.end();
  }
  ctx.raw.W9 = results;
}
