// Subscribers on each transport, collecting what they receive: for tests that compare the
// transports or run many subscribers at once. WebSocket and SSE use their own client libraries
// (graphql-ws, graphql-sse); multipart is read by hand (test/helpers/transports.ts).
import { createClient as createWsClient } from 'graphql-ws';
import { createClient as createSseClient } from 'graphql-sse';
import WebSocket from 'ws';
import { MULTIPART_ACCEPT } from './transports';

export type TransportName = 'ws' | 'sse' | 'multipart';

export interface Received {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface Subscriber {
  transport: TransportName;
  /** Every result, in order. */
  results: Received[];
  /** How it ended: the errors it ended with (WebSocket `error`, multipart's last part). */
  endedWith: Received['errors'] | 'complete' | null;
  dispose(): void;
}

export interface SubscribeRequest {
  query: string;
  variables?: Record<string, unknown>;
  token?: string;
}

function wsSubscriber(url: string, req: SubscribeRequest): Subscriber {
  const client = createWsClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: req.token ? { authorization: `Bearer ${req.token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
  const sub: Subscriber = {
    transport: 'ws',
    results: [],
    endedWith: null,
    dispose: () => undefined,
  };
  const off = client.subscribe(
    { query: req.query, variables: req.variables },
    {
      next: (r) => void sub.results.push(r as Received),
      error: (e) => {
        sub.endedWith = Array.isArray(e)
          ? (e as Received['errors'])
          : [{ message: String((e as { reason?: string }).reason ?? e) }];
      },
      complete: () => void (sub.endedWith ??= 'complete'),
    },
  );
  sub.dispose = () => {
    off();
    void client.dispose();
  };
  return sub;
}

function sseSubscriber(url: string, req: SubscribeRequest): Subscriber {
  const client = createSseClient({
    url: `${url}/stream`,
    retryAttempts: 0,
    headers: () =>
      req.token ? { authorization: `Bearer ${req.token}` } : ({} as Record<string, string>),
  });
  const sub: Subscriber = {
    transport: 'sse',
    results: [],
    endedWith: null,
    dispose: () => undefined,
  };
  const off = client.subscribe(
    { query: req.query, variables: req.variables },
    {
      next: (r) => void sub.results.push(r as Received),
      error: (e) => void (sub.endedWith = [{ message: String(e) }]),
      complete: () => void (sub.endedWith ??= 'complete'),
    },
  );
  sub.dispose = () => {
    off();
    client.dispose();
  };
  return sub;
}

function multipartSubscriber(url: string, req: SubscribeRequest): Subscriber {
  const abort = new AbortController();
  const sub: Subscriber = {
    transport: 'multipart',
    results: [],
    endedWith: null,
    dispose: () => abort.abort(),
  };
  void (async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: MULTIPART_ACCEPT,
        ...(req.token ? { authorization: `Bearer ${req.token}` } : {}),
      },
      body: JSON.stringify({ query: req.query, variables: req.variables }),
      signal: abort.signal,
    });
    if (!res.headers.get('content-type')?.startsWith('multipart/mixed')) {
      sub.endedWith = ((await res.json()) as Received).errors ?? [];
      return;
    }
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let at: number;
      while ((at = buffer.indexOf('\r\n--graphql')) !== -1) {
        const message = buffer.slice(0, at);
        buffer = buffer.slice(at + '\r\n--graphql'.length);
        if (!message.trim()) continue;
        const part = JSON.parse(message.slice(message.indexOf('\r\n\r\n') + 4)) as {
          payload?: Received | null;
          errors?: Received['errors'];
        };
        if (part.payload) sub.results.push(part.payload);
        else if (part.payload === null) sub.endedWith = part.errors ?? [];
      }
      if (buffer.startsWith('--')) {
        sub.endedWith ??= 'complete';
        break;
      }
    }
  })().catch(() => undefined);
  return sub;
}

export function subscribeOver(
  transport: TransportName,
  url: string,
  req: SubscribeRequest,
): Subscriber {
  if (transport === 'ws') return wsSubscriber(url, req);
  if (transport === 'sse') return sseSubscriber(url, req);
  return multipartSubscriber(url, req);
}

export const TRANSPORTS: TransportName[] = ['ws', 'sse', 'multipart'];
