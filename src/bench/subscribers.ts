// The W5/W6 subscriber fleet, in its own process: N WebSocket clients spread over the
// municipalities (and over loopback source addresses, as real visitors come from many
// addresses), speaking graphql-transport-ws to the hub or the raw protocol of WS0. Each delivered
// event's title carries the time its change was written ("t=<epoch ms>"): delivery latency is
// the receive time minus that. Driven by the runner over IPC; every wait is bounded.
import WebSocket from 'ws';
import { percentiles } from './load';

export interface FleetConfig {
  target: 'hub' | 'ws0';
  port: number;
  count: number;
  /** Global ids (hub) or database ids (ws0) of the municipalities, one per group. */
  regions: string[];
  /** graphql-ws subscription document (hub only). */
  query?: string;
  /** Every `memberEvery`-th subscriber signs in with this token (a second role group). */
  memberToken?: string;
  memberEvery?: number;
  /** Loopback source addresses to spread over (127.0.0.2 ... ). */
  sourceAddresses: number;
  /** Resume from this cursor (`after`, as a variable): a reconnect after an outage (W10). */
  after?: string;
  /** Sockets opened at once (default 200); W10 opens all of them at the same moment. */
  parallel?: number;
}

type Command =
  | { cmd: 'connect'; config: FleetConfig }
  | { cmd: 'reset'; since?: number }
  | { cmd: 'report'; samples?: boolean }
  | { cmd: 'close' };

const sockets: WebSocket[] = [];
let latencies: number[] = [];
let received = 0;
/** Events written before `since` (a resuming subscriber's replay): counted, not timed. */
let replayed = 0;
let since = 0;
let errors = 0;
const errorSamples = new Set<string>();

function onMessage(raw: WebSocket.RawData): void {
  const now = Date.now();
  const text = raw.toString();
  const m = /t=(\d{13})/.exec(text);
  if (text.includes('"type":"next"') && m) {
    received++;
    if (Number(m[1]) < since) replayed++;
    else if (latencies.length < 2_000_000) latencies.push(now - Number(m[1]));
  } else if (text.includes('"type":"error"') || text.includes('"errors"')) {
    errors++;
    if (errorSamples.size < 3) errorSamples.add(text.slice(0, 300));
  }
}

function open(config: FleetConfig, i: number): Promise<boolean> {
  const region = config.regions[i % config.regions.length];
  const localAddress = `127.0.0.${2 + (i % config.sourceAddresses)}`;
  return new Promise((resolve) => {
    let settled = false;
    const done = (ok: boolean) => {
      if (settled) return;
      settled = true;
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), 20_000);
    const url =
      config.target === 'hub'
        ? `ws://127.0.0.1:${config.port}/graphql`
        : `ws://127.0.0.1:${config.port}/?region=${encodeURIComponent(region)}`;
    const ws = new WebSocket(url, config.target === 'hub' ? 'graphql-transport-ws' : undefined, {
      localAddress,
    });
    sockets.push(ws);
    ws.on('error', (e) => {
      if (errorSamples.size < 3) errorSamples.add(String(e));
      clearTimeout(timer);
      done(false);
    });
    ws.on('close', () => done(false));
    if (config.target === 'ws0') {
      ws.on('open', () => {
        clearTimeout(timer);
        done(true);
      });
      ws.on('message', onMessage);
      return;
    }
    // Whole rounds over the regions sign in, so every region has both role groups.
    const member =
      config.memberToken &&
      config.memberEvery &&
      Math.floor(i / config.regions.length) % config.memberEvery === 0;
    ws.on('open', () => {
      ws.send(
        JSON.stringify({
          type: 'connection_init',
          payload: member ? { authorization: `Bearer ${config.memberToken}` } : {},
        }),
      );
    });
    ws.on('message', (raw) => {
      const text = raw.toString();
      if (text.startsWith('{"type":"connection_ack"')) {
        ws.send(
          JSON.stringify({
            id: '1',
            type: 'subscribe',
            payload: {
              query: config.query,
              variables: { regionId: region, ...(config.after ? { after: config.after } : {}) },
            },
          }),
        );
        // graphql-ws has no "subscribed" answer; the runner waits for the hub's subscription gauge.
        clearTimeout(timer);
        done(true);
        return;
      }
      if (text.startsWith('{"type":"ping"')) {
        ws.send('{"type":"pong"}');
        return;
      }
      onMessage(raw);
    });
  });
}

async function connect(config: FleetConfig) {
  const started = Date.now();
  let ok = 0;
  let failed = 0;
  const parallel = config.parallel ?? 200;
  for (let i = 0; i < config.count; i += parallel) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(parallel, config.count - i) }, (_, k) => open(config, i + k)),
    );
    for (const b of batch) {
      if (b) ok++;
      else failed++;
    }
  }
  return { connected: ok, failed, ms: Date.now() - started, errorSamples: [...errorSamples] };
}

process.on('message', async (msg: Command) => {
  const reply = (value: unknown) => process.send?.(value);
  switch (msg.cmd) {
    case 'connect':
      reply(await connect(msg.config));
      break;
    case 'reset':
      latencies = [];
      received = 0;
      replayed = 0;
      since = msg.since ?? 0;
      errors = 0;
      reply({ ok: true });
      break;
    case 'report':
      reply({
        samples: msg.samples ? latencies.slice(0, 200_000) : undefined,
        received,
        replayed,
        errors,
        latency: percentiles(latencies),
        errorSamples: [...errorSamples],
        rss: process.memoryUsage().rss,
      });
      break;
    case 'close':
      for (const s of sockets) s.terminate();
      reply({ ok: true });
      setTimeout(() => process.exit(0), 100);
      break;
  }
});
