// WebSocket clients for tests: graphql-ws's client against a test hub, and a minimal
// graphql-transport-ws connection (open, init, wait for the ack) for protocol-level tests.
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client for the hub at `httpUrl`, signed in with `token` when given; no retries. */
export function wsClient(httpUrl: string, token?: string): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
}

export interface OpenSocket {
  ws: WebSocket;
  closed: Promise<{ code: number; reason: string }>;
}

export async function openGraphqlSocket(
  httpUrl: string,
  authorization?: string,
): Promise<OpenSocket> {
  const ws = new WebSocket(httpUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () => {
      ws.send(
        JSON.stringify({
          type: 'connection_init',
          payload: authorization ? { authorization } : {},
        }),
      );
    });
    ws.on('message', (data) => {
      if ((JSON.parse(data.toString()) as { type: string }).type === 'connection_ack') resolve();
    });
    void closed.then(({ code }) => reject(new Error(`socket closed with ${code} before the ack`)));
  });
  return { ws, closed };
}
