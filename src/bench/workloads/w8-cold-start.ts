// W8: cold start to the first widget answer (spawn to /readyz and to a widget answer).
import { send } from '../load';
import { startBaseline, startHubProcess } from '../processes';
import http from 'node:http';
import { Ctx, round, ratio, hubEnv, widgetRequest, noErrors } from './kit';

async function firstAnswer(ctx: Ctx, port: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: false });
  const deadline = Date.now() + 30_000;
  try {
    while (Date.now() < deadline) {
      const r = await send(agent, port, widgetRequest(ctx, 1));
      if (r.status === 200 && noErrors(r.body)) return;
      await new Promise((res) => setTimeout(res, 10));
    }
    throw new Error('no widget answer within 30 s');
  } finally {
    agent.destroy();
  }
}

export async function w8(ctx: Ctx): Promise<void> {
  const hubTimes: number[] = [];
  const b1Times: number[] = [];
  const hubReady: number[] = [];
  for (let k = 0; k < ctx.settings.coldStarts; k++) {
    const t0 = performance.now();
    const hub = await startHubProcess(`hub-cold-${k}`, hubEnv(ctx), ctx.log);
    hubReady.push(hub.startMs);
    try {
      await firstAnswer(ctx, hub.port);
      hubTimes.push(performance.now() - t0);
    } finally {
      await hub.stop();
    }
    const t1 = performance.now();
    const b1 = await startBaseline('b1-graphql-js', { BENCH_DB_URL: ctx.dbUrl });
    try {
      await firstAnswer(ctx, b1.port);
      b1Times.push(performance.now() - t1);
    } finally {
      await b1.stop();
    }
  }
  const median = (xs: number[]) =>
    round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)], 0);
  const h = median(hubTimes);
  const b = median(b1Times);
  ctx.raw.W8_start = {
    hubReadyzMs: hubReady.map((x) => round(x, 0)),
    hubMs: hubTimes.map((x) => round(x, 0)),
    b1Ms: b1Times.map((x) => round(x, 0)),
  };
  const rr = ratio(h, b);
  ctx.rows.push({
    workload: 'W8',
    measure: 'cold start to first widget answer (ms, median)',
    hub: h,
    baseline: b,
    ratio: rr,
    goal: '<= 1.5x B1',
    met: rr !== null && rr <= 1.5,
  });
}
