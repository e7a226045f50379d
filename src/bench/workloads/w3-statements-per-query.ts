// W3: SQL statements per widget query (first 20 and 100: no N+1) and per networker query three
// levels deep, read from hub_db_statements_total.
import { toGlobalId } from '../../graphql/global-id';
import { Role } from '../../graphql/viewer';
import { send } from '../load';
import { ServerProcess } from '../processes';
import http from 'node:http';
import { Ctx, round, statements, token, widgetRequest } from './kit';

const DEEP_QUERY = `query Deep($id: ID!) {
  actor(id: $id) {
    name
    cooperations(first: 10) {
      nodes { title participants { name needs(first: 5) { nodes { title remainingQuantity } } } }
    }
  }
}`;

export async function w3(ctx: Ctx, hub: ServerProcess): Promise<void> {
  const n = ctx.settings.quick ? 30 : 100;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const perOp = async (
    make: (i: number) => { path: string; body: string; headers?: Record<string, string> },
  ) => {
    // Background statements (rate-limit flushes) over the same span are measured and subtracted.
    const idle0 = await statements(hub.port);
    const t0 = Date.now();
    await new Promise((r) => setTimeout(r, 1000));
    const idleRate = ((await statements(hub.port)) - idle0) / ((Date.now() - t0) / 1000);
    const s0 = await statements(hub.port);
    const started = Date.now();
    let bad = 0;
    for (let i = 0; i < n; i++) {
      const { status, body } = await send(agent, hub.port, make(i));
      if (status !== 200 || body.includes('"errors"')) bad++;
    }
    const seconds = (Date.now() - started) / 1000;
    const total = (await statements(hub.port)) - s0; // /metrics itself sends no SQL
    return { perOp: round(Math.max(0, total - Math.max(0, idleRate) * seconds) / n, 2), bad };
  };
  const networker = await token(Role.NETWORKER, [], [ctx.data.municipalityIds[0]]);
  const actorIds = ctx.data.actorRanges.map(([lo]) => lo + 5);
  const at20 = await perOp((i) => widgetRequest(ctx, i, 20));
  const at100 = await perOp((i) => widgetRequest(ctx, i, 100));
  const deep = await perOp((i) => ({
    path: '/graphql',
    body: JSON.stringify({
      query: DEEP_QUERY,
      variables: { id: toGlobalId('Actor', actorIds[i % actorIds.length]) },
    }),
    headers: { authorization: `Bearer ${networker}` },
  }));
  agent.destroy();
  ctx.raw.W3 = { widget20: at20, widget100: at100, networker3Levels: deep, operations: n };
  ctx.rows.push(
    {
      workload: 'W3',
      measure: 'SQL statements per widget query, first 20 / first 100',
      hub: `${at20.perOp} / ${at100.perOp}`,
      baseline: null,
      ratio: null,
      goal: 'same at 20 and 100; <= 2',
      met:
        Math.round(at20.perOp) === Math.round(at100.perOp) && at20.perOp <= 2.05 && at20.bad === 0,
    },
    {
      workload: 'W3',
      measure: 'SQL statements per networker query 3 levels deep',
      hub: deep.perOp,
      baseline: null,
      ratio: null,
      goal: '<= 4',
      met: deep.perOp <= 4.05 && deep.bad === 0,
    },
  );
  if (at20.bad || at100.bad || deep.bad)
    ctx.notes.push(
      `W3: failed operations: widget20 ${at20.bad}, widget100 ${at100.bad}, deep ${deep.bad}`,
    );
}
