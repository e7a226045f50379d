// The widget's whole network layer, dependency-free to stay inside the size budget:
// queries and mutations over HTTP sent by persisted-document hash (trusted-documents mode),
// subscriptions over the graphql-ws protocol with a fallback to graphql-sse (distinct
// connections mode) when WebSockets are blocked. Every request goes to the hub's origin only,
// without cookies.
import type { TypedDocumentString } from '../generated/graphql';

export class HubError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

interface GqlResult<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}

type Doc<R, V> = TypedDocumentString<R, V>;

function hashOf(doc: { __meta__?: Record<string, unknown> }): string {
  const hash = doc.__meta__?.hash;
  if (typeof hash !== 'string') throw new Error('document without persisted hash');
  return hash;
}

function firstError<T>(body: GqlResult<T>): HubError | null {
  const e = body.errors?.[0];
  if (!e) return null;
  return new HubError(e.extensions?.code ?? 'ERROR', e.message, e.extensions?.field);
}

export class HubTransport {
  readonly httpUrl: string;
  readonly wsUrl: string;
  readonly sseUrl: string;

  constructor(origin: string) {
    this.httpUrl = `${origin}/graphql`;
    this.sseUrl = `${origin}/graphql/stream`;
    this.wsUrl = this.httpUrl.replace(/^http/, 'ws');
  }

  /** Sends the document's hash only; a hub that does not know it gets the text (APQ protocol). */
  async request<R, V>(doc: Doc<R, V>, variables: V): Promise<R> {
    const persisted = { persistedQuery: { version: 1, sha256Hash: hashOf(doc) } };
    let body = await this.post<R>({ variables, extensions: persisted });
    if (body.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND') {
      body = await this.post<R>({ query: doc.toString(), variables });
    }
    const error = firstError(body);
    if (error) throw error;
    if (!body.data) throw new HubError('ERROR', 'empty response');
    return body.data;
  }

  private async post<R>(payload: object): Promise<GqlResult<R>> {
    let res: Response;
    try {
      res = await fetch(this.httpUrl, {
        method: 'POST',
        credentials: 'omit',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(payload),
      });
    } catch {
      throw new HubError('NETWORK', 'hub unreachable');
    }
    try {
      return (await res.json()) as GqlResult<R>;
    } catch {
      throw new HubError(res.status >= 500 ? 'NETWORK' : 'ERROR', `HTTP ${res.status}`);
    }
  }

  /** A subscription that reconnects by itself; `variables()` is asked again on each (re)connect. */
  subscribe<R, V>(doc: Doc<R, V>, variables: () => V, sink: SubscriptionSink<R>): () => void {
    return new LiveSubscription(
      this,
      doc as Doc<unknown, unknown>,
      variables,
      sink as SubscriptionSink<unknown>,
    ).start();
  }
}

export type LiveStatus = 'connecting' | 'live' | 'offline';

export interface SubscriptionSink<R> {
  next(data: R): void;
  status(status: LiveStatus, transport: 'ws' | 'sse'): void;
  /** An error the server reported for the operation itself (not a dropped connection). */
  error(error: HubError): void;
}

const RETRY_MS = [1000, 2000, 5000, 10000, 30000];

class LiveSubscription {
  private closed = false;
  private useSse = false;
  private attempt = 0;
  private stopCurrent: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly hub: HubTransport,
    private readonly doc: Doc<unknown, unknown>,
    private readonly variables: () => unknown,
    private readonly sink: SubscriptionSink<unknown>,
  ) {}

  start(): () => void {
    this.connect();
    return () => {
      this.closed = true;
      clearTimeout(this.timer);
      this.stopCurrent?.();
    };
  }

  private payload(): object {
    return {
      query: this.doc.toString(),
      variables: this.variables(),
      extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(this.doc) } },
    };
  }

  private connect(): void {
    if (this.closed) return;
    this.sink.status('connecting', this.useSse ? 'sse' : 'ws');
    this.stopCurrent = this.useSse ? this.openSse() : this.openWs();
  }

  private retry(): void {
    if (this.closed) return;
    this.sink.status('offline', this.useSse ? 'sse' : 'ws');
    const wait = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)];
    this.timer = setTimeout(() => this.connect(), wait);
  }

  private live(): void {
    this.attempt = 0;
    this.sink.status('live', this.useSse ? 'sse' : 'ws');
  }

  private deliver(result: GqlResult<unknown>): void {
    const error = firstError(result);
    if (error) this.sink.error(error);
    else if (result.data) this.sink.next(result.data);
  }

  private openWs(): () => void {
    let acked = false;
    let done = false;
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.hub.wsUrl, 'graphql-transport-ws');
    } catch {
      this.useSse = true;
      this.timer = setTimeout(() => this.connect(), 0);
      return () => undefined;
    }
    const send = (msg: object) => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify(msg));
    ws.onopen = () => send({ type: 'connection_init', payload: {} });
    ws.onmessage = (ev) => {
      let msg: { type: string; id?: string; payload?: unknown };
      try {
        msg = JSON.parse(String(ev.data));
      } catch {
        return;
      }
      switch (msg.type) {
        case 'connection_ack':
          acked = true;
          send({ id: '1', type: 'subscribe', payload: this.payload() });
          this.live();
          break;
        case 'ping':
          send({ type: 'pong' });
          break;
        case 'next':
          this.deliver(msg.payload as GqlResult<unknown>);
          break;
        case 'error':
          this.sink.error(firstError({ errors: msg.payload as GqlResult<unknown>['errors'] })!);
          done = true;
          ws.close(1000);
          break;
        case 'complete':
          ws.close(1000);
          break;
      }
    };
    ws.onclose = () => {
      if (this.closed || done) return;
      // A socket that never got as far as the handshake is blocked somewhere on the way
      // (proxy, firewall): switch to server-sent events, which pass wherever plain HTTP does.
      if (!acked) this.useSse = true;
      this.retry();
    };
    return () => {
      done = true;
      ws.close(1000);
    };
  }

  private openSse(): () => void {
    const abort = new AbortController();
    let done = false;
    const run = async () => {
      const res = await fetch(this.hub.sseUrl, {
        method: 'POST',
        credentials: 'omit',
        signal: abort.signal,
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify(this.payload()),
      });
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      this.live();
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) return;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let event = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data += line.slice(5).trim();
          }
          if (event === 'next' && data) this.deliver(JSON.parse(data) as GqlResult<unknown>);
          if (event === 'complete') return;
        }
      }
    };
    run().then(
      () => !done && this.retry(),
      () => !done && this.retry(),
    );
    return () => {
      done = true;
      abort.abort();
    };
  }
}
