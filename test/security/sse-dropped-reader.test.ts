// Issue 23 item 9 (transport part): an SSE reader that drops the connection while events are
// being written logged ECONNRESET and ERR_HTTP_HEADERS_SENT errors. A reader that goes away is
// normal: its subscription ends and nothing is logged as a warning or an error.
import http from 'node:http';
import type { Socket } from 'node:net';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { waitFor } from '../helpers/wait-for';
import { demoIds } from '../modules/actors/demo-ids';
import { openNeed } from '../modules/needs/need-fixtures';

let t: TestHub;
let ids: Awaited<ReturnType<typeof demoIds>>;
const logLines: Array<{ level: number; msg: string; err?: { code?: string; message?: string } }> =
  [];

beforeAll(async () => {
  t = await startTestHub({
    seed: true,
    env: { HUB_SWEEP_INTERVAL_MS: '86400000' },
    logStream: { write: (line: string) => void logLines.push(JSON.parse(line)) },
  });
  ids = await demoIds(t);
});
afterAll(() => t?.stop());

const HEAVY = `subscription($region: ID!) { needEvents(filter: { regionId: $region }) {
  cursor type need { id title description status remainingQuantity
    actor { id name description region { id name path { id name } } }
    region { id name path { id name level } } } } }`;

/** An SSE subscription on a raw socket, so the test can stop reading and reset it. */
function openRawStream(variables: Record<string, unknown>): Promise<{
  socket: Socket;
  received: () => number;
}> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${t.url}/stream`);
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('error', () => undefined);
        resolve({ socket: res.socket, received: () => bytes });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ query: HEAVY, variables }));
  });
}

const problems = () =>
  logLines.filter(
    (l) =>
      l.level >= 40 ||
      /ECONNRESET|EPIPE|ERR_HTTP_HEADERS_SENT|ERR_STREAM/.test(`${l.err?.code} ${l.err?.message}`),
  );

describe('an SSE reader that goes away mid-stream', () => {
  it('ends its subscription without a warning or an error in the log', async () => {
    const variables = { region: ids.region('Büsum') };
    const actor = ids.actor('Sportverein Büsum');
    const streams = await Promise.all(Array.from({ length: 12 }, () => openRawStream(variables)));
    const before = t.hub.services.needEventHub.size;
    await openNeed(t, actor, { title: 'Erstes Ereignis', description: 'x'.repeat(2000) });
    await waitFor('every stream to have its first event', async () =>
      streams.every((s) => s.received() > 200) ? true : undefined,
    );
    // Half stop reading, then every one is reset while events keep being written.
    for (const s of streams.slice(0, 6)) s.socket.pause();
    const writing = (async () => {
      for (let i = 0; i < 15; i++) {
        await openNeed(t, actor, { title: `Weiter ${i}`, description: 'y'.repeat(4000) });
      }
    })();
    for (const [i, s] of streams.entries()) {
      await openNeed(t, actor, { title: `Abbruch ${i}`, description: 'z'.repeat(4000) });
      s.socket.resetAndDestroy();
    }
    await writing;
    await waitFor('every subscription to end', async () =>
      t.hub.services.needEventHub.size <= before - 1 ? true : undefined,
    );
    await waitFor('no stream left in the shared groups', async () =>
      t.hub.services.sharedSubscriptions.members === 0 ? true : undefined,
    );
    expect(problems()).toEqual([]);
  });
});
