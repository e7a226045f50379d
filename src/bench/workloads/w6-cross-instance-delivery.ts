// W6: delivery to subscribers on another instance (LISTEN/NOTIFY) vs the same one, and the
// write rate with NOTIFY on and off on two fresh instances.
import { toGlobalId } from '../../graphql/global-id';
import { Role } from '../../graphql/viewer';
import { LoadResult, mergeResults, percentiles, runLoad } from '../load';
import { Fleet, ServerProcess, startHubProcess } from '../processes';
import {
  Ctx,
  WIDGET_EVENTS,
  round,
  ratio,
  hubEnv,
  token,
  noErrors,
  gql,
  series,
  brief,
} from './kit';
import { settle, primeFleet } from './need-events';

const UPDATE_NEED =
  'mutation U($id: ID!, $t: String!) { updateNeed(id: $id, input: { title: $t }) { id } }';

interface Delivery {
  p99: number;
  latency: { p50: number; p90: number; p99: number };
  delivered: number;
  sent: number;
  samples: number[];
}

async function deliveryVia(
  ctx: Ctx,
  mutateOn: ServerProcess,
  subscribeOn: ServerProcess,
  admin: string,
  seconds: number,
): Promise<Delivery> {
  const fleet = new Fleet();
  try {
    const regions = ctx.data.municipalityIds.map((id) => toGlobalId('Region', id));
    const c = await fleet.ask<{
      connected: number;
      failed: number;
      ms: number;
      errorSamples: string[];
    }>({
      cmd: 'connect',
      config: {
        target: 'hub',
        port: subscribeOn.port,
        count: ctx.settings.crossSubscribers,
        regions,
        query: WIDGET_EVENTS,
        sourceAddresses: 20,
      },
    });
    await primeFleet(ctx, fleet, c.connected);
    await fleet.ask({ cmd: 'reset' });

    let sent = 0;
    const end = Date.now() + seconds * 1000;
    while (Date.now() < end) {
      const i = sent;
      const needId = ctx.data.writeNeedIds[i % ctx.data.writeNeedIds.length];
      const r = await gql(
        mutateOn.port,
        UPDATE_NEED,
        {
          id: toGlobalId('Need', needId),
          t: `Bench-Schreibbedarf ${(i % ctx.data.writeNeedIds.length) + 1} t=${Date.now()}`,
        },
        admin,
      );
      if (r.json.errors)
        ctx.notes.push(`W6 mutation error: ${JSON.stringify(r.json.errors[0]).slice(0, 200)}`);
      sent++;
      await new Promise((res) => setTimeout(res, 100));
    }
    const expected = Math.round((sent * c.connected) / regions.length);
    await settle(
      async () => (await fleet.ask<{ received: number }>({ cmd: 'report' })).received >= expected,
      10_000,
    );
    const rep = await fleet.ask<{
      received: number;
      latency: { p50: number; p90: number; p99: number };
      samples: number[];
    }>({ cmd: 'report', samples: true });
    return {
      p99: rep.latency.p99,
      latency: rep.latency,
      delivered: rep.received,
      sent,
      samples: rep.samples,
    };
  } finally {
    await fleet.close();
  }
}

/** Tokens of 64 distinct coordinators' sessions: signed rate limits count per subject. */
async function writerTokens(): Promise<string[]> {
  return Promise.all(
    Array.from({ length: 64 }, (_, k) => token(Role.ADMIN, [], [], `bench-writer-${k}`)),
  );
}

async function mutationRate(
  ctx: Ctx,
  hub: ServerProcess,
  writers: string[],
  rounds = 1,
): Promise<LoadResult> {
  return runLoad({
    port: hub.port,
    connections: 16,
    durationMs: Math.max(1500, Math.round(ctx.settings.durationMs / 2 / rounds)),
    warmupMs: 500,
    maxRequests: ctx.settings.maxRequests,
    request: (i) => ({
      path: '/graphql',
      body: JSON.stringify({
        query: UPDATE_NEED,
        variables: {
          id: toGlobalId('Need', ctx.data.writeNeedIds[i % ctx.data.writeNeedIds.length]),
          t: `Bench-Schreibbedarf ${(i % ctx.data.writeNeedIds.length) + 1} t=${Date.now()}`,
        },
      }),
      headers: { authorization: `Bearer ${writers[i % writers.length]}` },
    }),
    accept: noErrors,
  });
}

export async function w6(ctx: Ctx, hubA: ServerProcess): Promise<void> {
  const admin = await token(Role.ADMIN, [], [], 'bench-admin');
  const hubB = await startHubProcess('hub-B', hubEnv(ctx), ctx.log);
  // Alternating rounds (same, cross, cross, same), merged: p99 of a few hundred events is noisy.
  const sameParts: Delivery[] = [];
  const crossParts: Delivery[] = [];
  const rounds = ctx.settings.quick ? 1 : 2;
  const seconds = Math.max(3, Math.round(ctx.settings.durationMs / 1000 / rounds));
  try {
    for (let r = 0; r < rounds; r++) {
      for (const cross of r % 2 === 0 ? [false, true] : [true, false]) {
        const d = await deliveryVia(ctx, hubA, cross ? hubB : hubA, admin, seconds);
        (cross ? crossParts : sameParts).push(d);
      }
    }
  } finally {
    await hubB.stop();
  }
  const merge = (parts: Delivery[]) => {
    const all = parts.flatMap((p) => p.samples);
    const latency = percentiles(all);
    return {
      p99: latency.p99,
      latency,
      delivered: parts.reduce((n, p) => n + p.delivered, 0),
      sent: parts.reduce((n, p) => n + p.sent, 0),
    };
  };
  const same = merge(sameParts);
  const cross = merge(crossParts);
  series(ctx, 'W6 same instance', same);
  series(ctx, 'W6 cross instance', cross);
  const added = round(cross.p99 - same.p99, 1);
  ctx.rows.push({
    workload: 'W6',
    measure: `delivery p99 (ms) with subscribers on the other instance vs the same one, ${ctx.settings.crossSubscribers} subscribers (added: ${added} ms)`,
    hub: cross.p99,
    baseline: same.p99,
    ratio: null,
    goal: 'added p99 <= 20 ms',
    met: added <= 20 && cross.delivered > 0,
  });

  // "NOTIFY off": the same hub whose pg_notify resolves to a no-op (search_path puts a schema
  // with a do-nothing pg_notify(text, text) before pg_catalog); nothing else changes.
  await ctx.db.query(`CREATE SCHEMA IF NOT EXISTS bench_no_notify`);
  await ctx.db.query(
    `CREATE OR REPLACE FUNCTION bench_no_notify.pg_notify(text, text) RETURNS void LANGUAGE sql AS $$ SELECT $$`,
  );
  // Two fresh instances that differ only in NOTIFY (the long-running hub A carries the state of
  // every earlier workload).
  const loud = await startHubProcess('hub-notify', hubEnv(ctx), ctx.log);
  const quiet = await startHubProcess(
    'hub-no-notify',
    hubEnv(ctx, { PGOPTIONS: '-c search_path=public,bench_no_notify,pg_catalog' }),
    ctx.log,
  ).catch(async (e) => {
    await loud.stop();
    throw e;
  });
  const writers = await writerTokens();
  // Alternating rounds (on, off, off, on, ...), as for W1.
  const on: LoadResult[] = [];
  const off: LoadResult[] = [];
  try {
    for (let round = 0; round < ctx.settings.rounds; round++) {
      const pair = round % 2 === 0 ? [true, false] : [false, true];
      for (const notify of pair) {
        if (notify) on.push(await mutationRate(ctx, loud, writers, ctx.settings.rounds));
        else off.push(await mutationRate(ctx, quiet, writers, ctx.settings.rounds));
      }
    }
  } finally {
    await quiet.stop();
    await loud.stop();
  }
  const withNotify = mergeResults(on);
  const without = mergeResults(off);
  const rr = ratio(withNotify.rps, without.rps);
  ctx.rows.push({
    workload: 'W6',
    measure: 'updateNeed mutations/s at 16 writers, NOTIFY on vs off',
    hub: withNotify.rps,
    baseline: without.rps,
    ratio: rr,
    goal: '>= 0.9x without',
    met: rr !== null && rr >= 0.9 && withNotify.errors === 0,
  });
  ctx.raw.W6 = {
    sameInstance: same,
    crossInstance: cross,
    addedP99Ms: added,
    mutationsWithNotify: brief(withNotify),
    mutationsWithoutNotify: brief(without),
  };
  series(ctx, 'W6 updateNeed x16', withNotify);
}
