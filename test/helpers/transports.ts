// One GraphQL request over each of the hub's transports, answered as "what came back first":
// the errors of a refusal, or the first result of an execution. For tests that compare what the
// transports say about the same operation; the peer tests use real client libraries instead.
import { openGraphqlSocket } from './ws-client';

export interface Payload {
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
}

export interface GraphqlError {
  message: string;
  locations?: Array<{ line: number; column: number }>;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
}

export interface FirstAnswer {
  /** The HTTP status (101 for a WebSocket). */
  status: number;
  data?: unknown;
  errors?: GraphqlError[];
}

export type Transport = (url: string, payload: Payload, token?: string) => Promise<FirstAnswer>;

const bearer = (token?: string): Record<string, string> =>
  token ? { authorization: `Bearer ${token}` } : {};

/** POST /graphql, JSON in and out. */
export const overHttp: Transport = async (url, payload, token) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token) },
    body: JSON.stringify(payload),
  });
  const body = (await res.json()) as { data?: unknown; errors?: GraphqlError[] };
  return { status: res.status, data: body.data, errors: body.errors };
};

/** graphql-transport-ws: the `error` message, or the first `next`. */
export const overWebSocket: Transport = async (url, payload, token) => {
  const { ws } = await openGraphqlSocket(url, token ? `Bearer ${token}` : undefined);
  try {
    return await new Promise<FirstAnswer>((resolve, reject) => {
      ws.on('message', (raw) => {
        const msg = JSON.parse(raw.toString()) as { type: string; payload?: unknown };
        if (msg.type === 'error') resolve({ status: 101, errors: msg.payload as GraphqlError[] });
        else if (msg.type === 'next') resolve({ status: 101, ...(msg.payload as object) });
        else if (msg.type === 'complete') reject(new Error('completed without a result'));
      });
      ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload }));
    });
  } finally {
    ws.close();
  }
};

/** Reads `event: next` messages of a text/event-stream body until `count` arrived. */
export async function readSseEvents(res: Response, count: number): Promise<unknown[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: unknown[] = [];
  let buffer = '';
  try {
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split('\n');
        const event = lines
          .find((l) => l.startsWith('event:'))
          ?.slice(6)
          .trim();
        const data = lines
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trim())
          .join('\n');
        if (event === 'next') events.push(JSON.parse(data));
        if (event === 'complete') return events;
      }
    }
    return events;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** graphql-sse, distinct connections mode: a JSON refusal, or the first `next` event. */
export const overSse: Transport = async (url, payload, token) => {
  const res = await fetch(`${url}/stream`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      ...bearer(token),
    },
    body: JSON.stringify(payload),
  });
  if (!res.headers.get('content-type')?.startsWith('text/event-stream')) {
    const body = (await res.json()) as { data?: unknown; errors?: GraphqlError[] };
    return { status: res.status, data: body.data, errors: body.errors };
  }
  const [first] = (await readSseEvents(res, 1)) as Array<Omit<FirstAnswer, 'status'>>;
  return { status: res.status, ...first };
};

export const MULTIPART_ACCEPT = 'multipart/mixed;subscriptionSpec=1.0, application/json';

/**
 * Reads the JSON parts of a multipart/mixed body (boundary "graphql") until `until` says stop
 * or the body ends; returns every part read, heartbeats (`{}`) included.
 */
export async function readMultipartParts(
  res: Response,
  until: (parts: unknown[]) => boolean,
): Promise<{ parts: unknown[]; ended: boolean }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const parts: unknown[] = [];
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return { parts, ended: buffer.startsWith('--') };
      buffer += decoder.decode(value, { stream: true });
      let at: number;
      while ((at = buffer.indexOf('\r\n--graphql')) !== -1) {
        const message = buffer.slice(0, at);
        buffer = buffer.slice(at + '\r\n--graphql'.length);
        const body = message.slice(message.indexOf('\r\n\r\n') + 4);
        if (message.trim()) parts.push(JSON.parse(body));
        if (until(parts)) return { parts, ended: false };
      }
      if (buffer.startsWith('--')) return { parts, ended: true };
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** Apollo's multipart subscription protocol: a JSON refusal, or the first payload part. */
export const overMultipart: Transport = async (url, payload, token) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: MULTIPART_ACCEPT, ...bearer(token) },
    body: JSON.stringify(payload),
  });
  if (!res.headers.get('content-type')?.startsWith('multipart/mixed')) {
    const body = (await res.json()) as { data?: unknown; errors?: GraphqlError[] };
    return { status: res.status, data: body.data, errors: body.errors };
  }
  const isPayload = (p: unknown) => (p as { payload?: unknown }).payload !== undefined;
  const { parts } = await readMultipartParts(res, (all) => all.some(isPayload));
  const first = parts.find(isPayload) as {
    payload: Omit<FirstAnswer, 'status'> | null;
    errors?: GraphqlError[];
  };
  return { status: res.status, ...(first?.payload ?? { errors: first?.errors }) };
};
