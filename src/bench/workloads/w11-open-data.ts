// W11: the open-data download (/open-data, a ZIP of CSV files) at the bench data's size (100,000
// actors, 200,000 needs, 50,000 offers, 500,000 cooperations): its time against reading the same
// rows with the same cursors straight through pg (the work that cannot be avoided), and the hub's
// RSS growth while it streams (goal: at most 64 MB, so it is streamed, never held in memory).
import http from 'node:http';
import { Pool } from 'pg';
import QueryStream from 'pg-query-stream';
import { OPEN_DATA_TABLES } from '../../modules/open-data/open-data.tables';
import { ServerProcess } from '../processes';
import { Ctx, ratio, round, withRss } from './kit';

const MB = 1024 * 1024;

/** Downloads /open-data once; resolves with the bytes received and the seconds it took. */
function download(port: number): Promise<{ bytes: number; seconds: number; status: number }> {
  const t0 = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/open-data' }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () =>
        resolve({
          bytes,
          seconds: Number(process.hrtime.bigint() - t0) / 1e9,
          status: res.statusCode ?? 0,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(600_000, () => req.destroy(new Error('download timed out')));
  });
}

/** Reads every table's rows with a cursor, as the hub does, and drops them. */
async function readDirect(pool: Pool): Promise<{ rows: number; seconds: number }> {
  const t0 = process.hrtime.bigint();
  const client = await pool.connect();
  let rows = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const t of OPEN_DATA_TABLES) {
      const s = client.query(new QueryStream(t.sql, [], { batchSize: 500 }));
      for await (const _row of s) rows++;
    }
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  return { rows, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

export async function w11(ctx: Ctx, hub: ServerProcess): Promise<void> {
  const pool = new Pool({ connectionString: ctx.dbUrl, max: 2 });
  try {
    const [{ n: actors }] = await ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM actor',
    );
    const rounds: Array<{ hubS: number; directS: number; growthMb: number; mb: number }> = [];
    for (let r = 0; r < Math.max(1, Math.min(ctx.settings.rounds, 2)); r++) {
      const before = hub.rssBytes();
      const { value, peakRss } = await withRss(hub, () => download(hub.port));
      if (value.status !== 200) throw new Error(`/open-data answered ${value.status}`);
      const direct = await readDirect(pool);
      rounds.push({
        hubS: round(value.seconds, 1),
        directS: round(direct.seconds, 1),
        growthMb: round((peakRss - before) / MB, 1),
        mb: round(value.bytes / MB, 1),
      });
    }
    ctx.raw.W11 = { actors, rounds };
    const worst = (k: 'hubS' | 'directS' | 'growthMb') => Math.max(...rounds.map((x) => x[k]));
    const hubS = worst('hubS');
    const directS = worst('directS');
    ctx.rows.push({
      workload: 'W11',
      measure: `open-data ZIP at ${actors.toLocaleString('en')} actors (${rounds[0].mb} MB), s (slowest round) vs the same rows read with pg cursors`,
      hub: hubS,
      baseline: directS,
      ratio: ratio(directS, hubS),
      goal: 'recorded (rows read + CSV + ZIP vs rows read)',
      met: null,
    });
    const growth = worst('growthMb');
    ctx.rows.push({
      workload: 'W11',
      measure: 'hub RSS growth while streaming the open-data ZIP, MB (peak over before)',
      hub: growth,
      baseline: null,
      ratio: null,
      goal: '<= 64 MB (streamed)',
      met: growth <= 64,
    });
  } finally {
    await pool.end();
  }
}
