// `npm run bench [-- --quick]` and `engagement-hub bench [--quick]`: generates (or reuses) the data
// set, runs W0..W12 each beside its baseline, and writes bench/results.{json,md} and latency.svg.
// A workload that fails is reported and the run goes on; the whole run is bounded in time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config/env';
import { Role } from '../graphql/viewer';
import { openBenchDatabase } from './bench-db';
import { ensureBenchData, FULL_SIZES, QUICK_SIZES } from './generate';
import { closingNotes } from './analysis';
import { Results, updateReadme, writeResults } from './report';
import { startHubProcess, ServerProcess } from './processes';
import {
  Ctx,
  gql,
  hubEnv,
  Settings,
  token,
  w0,
  w1,
  w2,
  w3,
  w4,
  w5,
  w6,
  w7,
  w8,
  w9,
  w10,
  w11,
  w12,
  w13,
  WIDGET_QUERY,
} from './workloads';

export interface BenchOptions {
  quick: boolean;
  /** Only these workloads (e.g. ['W1', 'W3']); all when empty. */
  only?: string[];
  outDir?: string;
  databaseUrl?: string;
  /** Use the embedded PostgreSQL even when a server answers on 127.0.0.1:5432. */
  embedded?: boolean;
}

const QUICK: Settings = {
  quick: true,
  durationMs: 3000,
  warmupMs: 700,
  maxRequests: 200_000,
  connections: 50,
  fanout: [1000],
  crossSubscribers: 100,
  coldStarts: 1,
  rounds: 2,
};
const FULL: Settings = {
  quick: false,
  durationMs: 15_000,
  warmupMs: 3000,
  maxRequests: 2_000_000,
  connections: 50,
  fanout: [1000, 10_000],
  crossSubscribers: 500,
  coldStarts: 3,
  rounds: 4,
};

function machine(pgVersion: string) {
  return {
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: pgVersion.split(' on ')[0],
  };
}

export async function runBench(opts: BenchOptions): Promise<Results> {
  const started = Date.now();
  const log = (m: string) =>
    process.stdout.write(
      `[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${m}\n`,
    );
  const settings = opts.quick ? QUICK : FULL;
  const bench = await openBenchDatabase(
    opts.databaseUrl,
    log,
    opts.quick ? '_quick' : '',
    opts.embedded,
  );
  const failures: string[] = [];
  let hub: ServerProcess | null = null;
  try {
    if (bench.applied.length) log(`migrations applied: ${bench.applied.join(', ')}`);
    const [{ v }] = await bench.db.query<{ v: string }>('SELECT version() AS v');
    const data = await ensureBenchData(
      bench.db,
      opts.quick ? QUICK_SIZES : FULL_SIZES,
      20261122,
      log,
    );
    log(`data ready (${data.loadedNow ? `loaded in ${data.loadSeconds.toFixed(0)} s` : 'reused'})`);
    const ctx: Ctx = {
      settings,
      dbUrl: bench.url,
      db: bench.db,
      data,
      log,
      rows: [],
      series: [],
      raw: {},
      notes: [],
    };
    const wanted = (w: string) => !opts.only?.length || opts.only.includes(w);

    hub = await startHubProcess('hub', hubEnv(ctx), log);
    log(`hub ready on ${hub.port} in ${Math.round(hub.startMs)} ms`);
    const probe = await gql(hub.port, WIDGET_QUERY, {
      regionId: Buffer.from(`Region:${data.municipalityIds[0]}`).toString('base64url'),
      first: 20,
    });
    if (probe.status !== 200 || probe.json.errors)
      throw new Error(
        `the hub does not answer the widget query: ${JSON.stringify(probe.json).slice(0, 300)}`,
      );
    void token(Role.ADMIN);

    const steps: Array<[string, () => Promise<void>]> = [
      ['W0', () => w0(ctx)],
      ['W1', () => w1(ctx, hub as ServerProcess)],
      ['W2', () => w2(ctx)],
      ['W3', () => w3(ctx, hub as ServerProcess)],
      ['W4', () => w4(ctx, hub as ServerProcess)],
      ['W5', () => w5(ctx, hub as ServerProcess)],
      ['W6', () => w6(ctx, hub as ServerProcess)],
      ['W7', () => w7(ctx, hub as ServerProcess)],
      ['W8', () => w8(ctx)],
      ['W9', () => w9(ctx, hub as ServerProcess)],
      ['W10', () => w10(ctx, hub as ServerProcess)],
      ['W11', () => w11(ctx, hub as ServerProcess)],
      ['W12', () => w12(ctx)],
      ['W13', () => w13(ctx, hub as ServerProcess)],
    ];
    for (const [name, step] of steps) {
      if (!wanted(name) && !(name === 'W1' && wanted('W8'))) continue;
      log(`${name} ...`);
      const t0 = Date.now();
      try {
        await step();
        log(`${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      } catch (e) {
        const msg = `${name}: ${(e as Error).message}`;
        failures.push(msg);
        log(`FAILED ${msg}`);
      }
    }
    // Every throughput figure also as a share of W0 (hello world; the widget SQL alone).
    const hello = (ctx.raw.W0_hello as { rps?: number } | undefined)?.rps ?? 0;
    const sqlRate = (ctx.raw.W0_sql as { rps?: number } | undefined)?.rps ?? 0;
    for (const row of ctx.rows) {
      if (typeof row.hub !== 'number' || !/req\/s|mutations\/s/.test(row.measure) || !hello)
        continue;
      const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
      row.shareOfW0 = `${pct(row.hub / hello)}${sqlRate && /widget/.test(row.measure) ? ` / ${pct(row.hub / sqlRate)}` : ''}`;
    }
    const results: Results = {
      mode: opts.quick ? 'quick' : 'full',
      startedAt: new Date(started).toISOString(),
      seconds: (Date.now() - started) / 1000,
      machine: machine(v),
      data: {
        sizes: data.sizes,
        seed: data.seed,
        fingerprint: data.fingerprint,
        loadedNow: data.loadedNow,
        loadSeconds: Math.round(data.loadSeconds),
      },
      rows: ctx.rows,
      series: ctx.series,
      raw: ctx.raw,
      notes: ctx.notes.slice(0, 40),
      limits: closingNotes(ctx.rows, ctx.raw),
      failures,
    };
    const out = path.resolve(opts.outDir ?? 'bench');
    await writeResults(out, results);
    // The README quotes the table of full runs written to the project's bench/ only.
    if (
      !opts.quick &&
      !opts.outDir &&
      !opts.only?.length &&
      (await updateReadme(path.resolve('README.md'), results))
    ) {
      log('README.md Performance table updated');
    }
    log(
      `results written to ${path.relative(process.cwd(), out)}/results.{json,md} and latency.svg`,
    );
    return results;
  } finally {
    await hub?.stop();
    await bench.close();
  }
}

export function benchOptionsFromArgs(
  flags: Map<string, string[]>,
  databaseUrl = loadConfig().benchDatabaseUrl,
): BenchOptions {
  return {
    quick: flags.has('quick'),
    only: flags
      .get('only')
      ?.flatMap((s) => s.split(','))
      .map((s) => s.trim().toUpperCase()),
    outDir: flags.get('out')?.[0],
    databaseUrl,
    embedded: flags.has('embedded'),
  };
}

/** Re-renders results.md, latency.svg and the README table from a results.json (`--render`). */
export async function renderResults(dir = 'bench'): Promise<void> {
  const res = JSON.parse(fs.readFileSync(path.resolve(dir, 'results.json'), 'utf8')) as Results;
  res.limits = closingNotes(res.rows, res.raw);
  await writeResults(path.resolve(dir), res);
  if (res.mode === 'full') await updateReadme(path.resolve('README.md'), res);
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const flags = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    if (!args[i].startsWith('--')) continue;
    const [k, inline] = args[i].slice(2).split('=', 2);
    const value = inline ?? (args[i + 1] && !args[i + 1].startsWith('--') ? args[++i] : 'true');
    flags.set(k, [...(flags.get(k) ?? []), value]);
  }
  if (flags.has('render')) {
    renderResults(flags.get('out')?.[0]).then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`render failed: ${String(e)}\n`);
        process.exit(1);
      },
    );
  } else
    runBench(benchOptionsFromArgs(flags)).then(
      (r) => {
        process.stdout.write(
          `\n${r.rows.filter((x) => x.met === false).length} goal(s) not met; ${r.failures.length} workload(s) failed\n`,
        );
        process.exit(0);
      },
      (e: unknown) => {
        process.stderr.write(`bench failed: ${(e as Error).stack ?? String(e)}\n`);
        process.exit(1);
      },
    );
}
