// W0: the ceilings every throughput figure is a share of: hello world on raw node http, and the
// widget's SQL alone through pg.
import { Pool } from 'pg';
import { widgetQuery } from '../baselines/widget-sql';
import { runOps } from '../load';
import { startBaseline } from '../processes';
import { brief, Ctx, load, series } from './kit';

export async function w0(ctx: Ctx): Promise<void> {
  const hello = await startBaseline('w0-hello', {});
  try {
    const r = await load(ctx, hello.port, () => ({ path: '/', body: '{}' }));
    ctx.raw.W0_hello = brief(r);
    series(ctx, 'W0 hello', r);
    ctx.rows.push({
      workload: 'W0',
      measure: 'hello world, raw node http (req/s)',
      hub: null,
      baseline: r.rps,
      ratio: null,
      goal: 'recorded',
      met: null,
    });
  } finally {
    await hello.stop();
  }
  const pool = new Pool({ connectionString: ctx.dbUrl, max: 20 });
  try {
    const ms = ctx.data.municipalityIds;
    const r = await runOps(
      ctx.settings.connections,
      ctx.settings.durationMs,
      ctx.settings.maxRequests,
      async (i) => {
        await widgetQuery(pool, ms[(i * 7919) % ms.length], 20);
        return true;
      },
    );
    ctx.raw.W0_sql = brief(r);
    series(ctx, 'W0 widget SQL', r);
    ctx.rows.push({
      workload: 'W0',
      measure: 'widget SQL alone through pg, 20 connections (statements/s)',
      hub: null,
      baseline: r.rps,
      ratio: null,
      goal: 'recorded',
      met: null,
    });
  } finally {
    await pool.end();
  }
}
