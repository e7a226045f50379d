// W5: needEvents fan-out to 1k/10k WebSocket subscribers beside WS0: memory per subscriber,
// delivery p99, event-loop delay, executions and statements per event.
import { toGlobalId } from '../../graphql/global-id';
import { Role } from '../../graphql/viewer';
import { Fleet, ServerProcess, startBaseline } from '../processes';
import { Ctx, ratio, round, scrape, series, token, WIDGET_EVENTS, withRss } from './kit';
import { eventWriter, settle, primeFleet } from './need-events';

interface FanoutFigures {
  subscribers: number;
  executionsPerEvent: number | null;
  subscriptionGroups: number | null;
  peakRssWhileEventsMB: number;
  connected: number;
  rssPerSubscriberKB: number;
  deliveryP99: number;
  latency: { p50: number; p90: number; p99: number };
  delivered: number;
  expected: number;
  eventLoopP99Ms: number | null;
  statementsPerEvent: number | null;
  deliveriesPerEvent: number;
  events: number;
}

async function fanout(
  ctx: Ctx,
  target: 'hub' | 'ws0',
  server: ServerProcess,
  count: number,
): Promise<FanoutFigures> {
  const fleet = new Fleet();
  try {
    await new Promise((r) => setTimeout(r, 500));
    const rss0 = server.rssBytes();
    const member = await token(Role.MEMBER, [], [], 'bench-subscriber');
    const regions =
      target === 'hub'
        ? ctx.data.municipalityIds.map((id) => toGlobalId('Region', id))
        : ctx.data.municipalityIds.map(String);
    const c = await fleet.ask<{
      connected: number;
      failed: number;
      ms: number;
      errorSamples: string[];
    }>({
      cmd: 'connect',
      config: {
        target,
        port: server.port,
        count,
        regions,
        query: WIDGET_EVENTS,
        memberToken: member,
        memberEvery: 10,
        sourceAddresses: 100,
      },
    });
    await primeFleet(ctx, fleet, c.connected);
    await new Promise((r) => setTimeout(r, 1000));
    // Memory per subscriber: RSS with every subscriber connected and idle, over the RSS before.
    const rss1 = server.rssBytes();
    await fleet.ask({ cmd: 'reset' });
    const before = target === 'hub' ? await scrape(server.port) : {};
    const seconds = Math.max(3, Math.round(ctx.settings.durationMs / 1000));
    const { value: events, peakRss } = await withRss(server, async () => {
      const writer = eventWriter(ctx, 10, seconds * 1000 + 1000);
      await new Promise((r) => setTimeout(r, seconds * 1000));
      return writer.stop();
    });
    // Wait (bounded) for the last deliveries.
    const perMunicipality = c.connected / ctx.data.municipalityIds.length;
    const expected = Math.round(events * perMunicipality);
    await settle(
      async () => (await fleet.ask<{ received: number }>({ cmd: 'report' })).received >= expected,
      10_000,
    );
    const rep = await fleet.ask<{
      received: number;
      latency: { p50: number; p90: number; p99: number };
      errors: number;
      errorSamples: string[];
    }>({ cmd: 'report' });
    const after = target === 'hub' ? await scrape(server.port) : {};
    const stmts =
      target === 'hub'
        ? (after.hub_db_statements_total ?? 0) - (before.hub_db_statements_total ?? 0)
        : null;
    if (rep.errors)
      ctx.notes.push(
        `W5 ${target} ${count}: ${rep.errors} error messages, e.g. ${rep.errorSamples[0] ?? ''}`,
      );
    return {
      subscribers: count,
      connected: c.connected,
      rssPerSubscriberKB: c.connected ? round((rss1 - rss0) / c.connected / 1024, 1) : 0,
      peakRssWhileEventsMB: round(peakRss / 2 ** 20, 1),
      deliveryP99: rep.latency.p99,
      latency: rep.latency,
      delivered: rep.received,
      expected,
      eventLoopP99Ms:
        target === 'hub' ? round((after.nodejs_eventloop_lag_p99_seconds ?? NaN) * 1000, 1) : null,
      statementsPerEvent: stmts !== null && events ? round(stmts / events, 1) : null,
      // The hub's own count of subscription executions (hub_subscription_executions_total).
      executionsPerEvent:
        target === 'hub' && events && after.hub_subscription_executions_total !== undefined
          ? round(
              (after.hub_subscription_executions_total -
                (before.hub_subscription_executions_total ?? 0)) /
                events,
              2,
            )
          : null,
      subscriptionGroups: target === 'hub' ? (after.hub_subscription_groups ?? null) : null,
      deliveriesPerEvent: events ? round(rep.received / events, 1) : 0,
      events,
    };
  } finally {
    await fleet.close();
  }
}

export async function w5(ctx: Ctx, hub: ServerProcess): Promise<void> {
  const out: Record<string, unknown> = {};
  for (const count of ctx.settings.fanout) {
    const h = await fanout(ctx, 'hub', hub, count);
    const ws0 = await startBaseline('ws0-raw-ws', { BENCH_DB_URL: ctx.dbUrl });
    let w: FanoutFigures;
    try {
      w = await fanout(ctx, 'ws0', ws0, count);
    } finally {
      await ws0.stop();
    }
    out[String(count)] = { hub: h, ws0: w };
    series(ctx, `W5 hub ${count} subs`, h);
    series(ctx, `W5 WS0 ${count} subs`, w);
    const mem = ratio(h.rssPerSubscriberKB, w.rssPerSubscriberKB);
    const p99 = ratio(h.deliveryP99, w.deliveryP99);
    const groups = ctx.data.municipalityIds.length * 2;
    // One filter statement per group, then whatever each delivery costs: about 0 when the
    // payload is executed once per group, about the loader statements when once per socket.
    const perDelivery =
      h.statementsPerEvent !== null && h.deliveriesPerEvent > 0
        ? round(Math.max(0, h.statementsPerEvent - groups) / h.deliveriesPerEvent, 1)
        : null;
    ctx.rows.push(
      {
        workload: 'W5',
        measure: `${count} subscribers: memory per subscriber (KB RSS)`,
        hub: h.rssPerSubscriberKB,
        baseline: w.rssPerSubscriberKB,
        ratio: mem,
        goal: '<= 3x WS0',
        met: mem !== null && mem <= 3,
      },
      {
        workload: 'W5',
        measure: `${count} subscribers: delivery p99 (ms), 10 events/s`,
        hub: h.deliveryP99,
        baseline: w.deliveryP99,
        ratio: p99,
        goal: '<= 2x WS0',
        met: p99 !== null && p99 <= 2 && h.delivered >= h.expected * 0.99,
      },
      {
        workload: 'W5',
        measure: `${count} subscribers: event-loop delay p99 (ms)`,
        hub: h.eventLoopP99Ms,
        baseline: null,
        ratio: null,
        goal: '< 50 ms',
        met: h.eventLoopP99Ms !== null && h.eventLoopP99Ms < 50,
      },
      {
        workload: 'W5',
        measure: `${count} subscribers: GraphQL executions per event (hub_subscription_executions_total; 2 (filter, role) groups per municipality, ${round(h.deliveriesPerEvent, 0)} deliveries per event)`,
        hub: h.executionsPerEvent,
        baseline: null,
        ratio: null,
        goal: 'once per group (<= 2), not per socket',
        met:
          h.executionsPerEvent !== null
            ? h.executionsPerEvent <= 2.05
            : perDelivery !== null && perDelivery < 0.5,
      },
      {
        workload: 'W5',
        measure: `${count} subscribers: SQL statements per event (${groups} groups subscribed in all; ${perDelivery} statements per delivery beyond one per group)`,
        hub: h.statementsPerEvent,
        baseline: null,
        ratio: null,
        goal: 'recorded',
        met: null,
      },
      {
        workload: 'W5',
        measure: `${count} subscribers: delivered / expected`,
        hub: `${h.delivered} / ${h.expected}`,
        baseline: `${w.delivered} / ${w.expected}`,
        ratio: null,
        goal: 'all',
        met: h.delivered >= h.expected,
      },
    );
  }
  ctx.raw.W5 = out;
}
