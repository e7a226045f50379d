// A minimal graphql-transport-ws connection for tests: open, init, wait for the ack.
import WebSocket from 'ws';

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
