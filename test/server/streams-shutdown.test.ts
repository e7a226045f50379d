// A hub that stops ends its open SSE and multipart streams cleanly (as it closes WebSockets),
// instead of leaving them to the forced close of every connection after the shutdown timeout.
import { startTestHub } from '../helpers/test-hub';
import { MULTIPART_ACCEPT } from '../helpers/transports';
import { waitFor } from '../helpers/wait-for';

const QUERY = 'subscription { needEvents(filter: { text: "Feierabend" }) { cursor } }';

/** Reads a response body to its end; resolves 'ended' or the error that cut it off. */
async function readToEnd(res: Response): Promise<string> {
  const reader = res.body!.getReader();
  try {
    for (;;) if ((await reader.read()).done) return 'ended';
  } catch (e) {
    return `cut off: ${(e as Error).message}`;
  }
}

describe('stopping a hub with open streams', () => {
  it('ends SSE and multipart streams before connections are forced closed', async () => {
    // A long timeout: only the hub's own ending of the streams lets them end cleanly.
    const t = await startTestHub({ env: { HUB_SHUTDOWN_TIMEOUT_MS: '60000' } });
    const body = JSON.stringify({ query: QUERY });
    const sse = await fetch(`${t.url}/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body,
    });
    const multipart = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: MULTIPART_ACCEPT },
      body,
    });
    expect([sse.status, multipart.status]).toEqual([200, 200]);
    const endings = Promise.all([readToEnd(sse), readToEnd(multipart)]);
    await waitFor('both subscriptions', async () =>
      t.hub.services.sharedSubscriptions.members === 2 ? true : undefined,
    );
    await t.stop();
    expect(await endings).toEqual(['ended', 'ended']);
  }, 90_000);
});
