// The widget's whole network layer, dependency-free to stay inside the size budget:
// queries and mutations over HTTP sent by persisted-document hash (trusted-documents mode),
// subscriptions over the graphql-ws protocol with a fallback to graphql-sse (distinct
// connections mode) when WebSockets are blocked. Every request goes to the hub's origin only,
// without cookies.
//
// All widgets of a page share one WebSocket per hub: browsers open only one WebSocket per host
// at a time (RFC 6455, 4.1), so a second socket waited for the first one's handshake, and a
// socket a proxy let open but never answered kept every widget on "verbinde …" for good. A
// socket without connection_ack after ACK_TIMEOUT_MS counts as blocked, like one closed before
// the handshake: the whole page switches to server-sent events at once.
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
    let channel = channels.find((c) => c.origin === this.wsUrl && c.size < MAX_OPERATIONS);
    if (!channel) channels.push((channel = new LiveChannel(this)));
    return channel.add({
      doc: doc as Doc<unknown, unknown>,
      variables,
      sink: sink as SubscriptionSink<unknown>,
    });
  }
}

export type LiveStatus = 'connecting' | 'live' | 'offline';

export interface SubscriptionSink<R> {
  next(data: R): void;
  status(status: LiveStatus, transport: 'ws' | 'sse'): void;
  /** An error the server reported for the operation itself (not a dropped connection). */
  error(error: HubError): void;
}

interface Sub {
  doc: Doc<unknown, unknown>;
  variables: () => unknown;
  sink: SubscriptionSink<unknown>;
  /** SSE only: its own stream and retry state. */
  stopSse?: () => void;
  attempt?: number;
  timer?: ReturnType<typeof setTimeout>;
}

const RETRY_MS = [1000, 2000, 5000, 10000, 30000];
/** The hub's limit of operations per WebSocket; more widgets get another channel. */
const MAX_OPERATIONS = 20;
const ACK_TIMEOUT_MS = 4000;
/** A socket without subscriptions stays open this long, so a widget's reload reuses it. */
const IDLE_CLOSE_MS = 5000;

const channels: LiveChannel[] = [];
/** Hubs whose WebSockets turned out to be blocked on this page: every widget streams instead. */
const blockedWs = new Set<string>();

function retryWait(attempt: number): number {
  return RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)];
}

function payload(sub: Sub): object {
  return {
    query: sub.doc.toString(),
    variables: sub.variables(),
    extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(sub.doc) } },
  };
}

function deliver(sub: Sub, result: GqlResult<unknown>): void {
  const error = firstError(result);
  if (error) sub.sink.error(error);
  else if (result.data) sub.sink.next(result.data);
}

/** One graphql-ws connection carrying the subscriptions of several widgets. */
class LiveChannel {
  readonly origin: string;
  private readonly subs = new Map<string, Sub>();
  private nextId = 0;
  private ws: WebSocket | null = null;
  private acked = false;
  /** Once a socket worked, a failed reconnect means the hub is away, not that sockets are blocked. */
  private everAcked = false;
  private attempt = 0;
  private reconnecting = false;
  private ackTimer: ReturnType<typeof setTimeout> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly hub: HubTransport) {
    this.origin = hub.wsUrl;
  }

  get size(): number {
    return this.subs.size;
  }

  add(sub: Sub): () => void {
    const id = String(++this.nextId);
    this.subs.set(id, sub);
    if (blockedWs.has(this.origin)) this.openSse(id, sub);
    else if (this.acked) this.start(id, sub);
    else {
      sub.sink.status('connecting', 'ws');
      if (!this.ws && !this.reconnecting) this.openWs();
    }
    return () => this.remove(id);
  }

  private remove(id: string): void {
    const sub = this.subs.get(id);
    if (!sub) return;
    this.subs.delete(id);
    clearTimeout(sub.timer);
    sub.stopSse?.();
    this.send({ id, type: 'complete' });
    if (this.subs.size === 0 && this.ws) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.subs.size === 0 && this.closeWs(), IDLE_CLOSE_MS);
    }
  }

  private send(msg: object): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  private start(id: string, sub: Sub): void {
    this.send({ id, type: 'subscribe', payload: payload(sub) });
    sub.sink.status('live', 'ws');
  }

  private closeWs(): void {
    const ws = this.ws;
    this.ws = null;
    this.acked = false;
    clearTimeout(this.ackTimer);
    if (ws) {
      ws.onclose = null;
      ws.close(1000);
    }
  }

  private openWs(): void {
    clearTimeout(this.timer);
    this.reconnecting = false;
    let ws: WebSocket;
    try {
      ws = this.ws = new WebSocket(this.hub.wsUrl, 'graphql-transport-ws');
    } catch {
      return this.switchToSse();
    }
    // A proxy may let the socket open and then never pass anything through.
    this.ackTimer = setTimeout(() => {
      this.closeWs();
      this.dropped();
    }, ACK_TIMEOUT_MS);
    ws.onopen = () => this.send({ type: 'connection_init', payload: {} });
    ws.onmessage = (ev) => {
      let msg: { type: string; id?: string; payload?: unknown };
      try {
        msg = JSON.parse(String(ev.data));
      } catch {
        return;
      }
      const id = msg.id ?? '';
      const sub = this.subs.get(id);
      switch (msg.type) {
        case 'connection_ack':
          clearTimeout(this.ackTimer);
          this.acked = this.everAcked = true;
          this.attempt = 0;
          for (const [subId, s] of this.subs) this.start(subId, s);
          break;
        case 'ping':
          this.send({ type: 'pong' });
          break;
        case 'next':
          if (sub) deliver(sub, msg.payload as GqlResult<unknown>);
          break;
        case 'error':
          if (sub) {
            this.subs.delete(id);
            sub.sink.error(firstError({ errors: msg.payload as GqlResult<unknown>['errors'] })!);
          }
          break;
        case 'complete':
          // The hub ended this subscription (it does not on its own): start it again shortly.
          if (sub) {
            sub.sink.status('offline', 'ws');
            sub.timer = setTimeout(() => this.subs.get(id) === sub && this.start(id, sub), 1000);
          }
          break;
      }
    };
    ws.onclose = () => {
      clearTimeout(this.ackTimer);
      this.ws = null;
      this.acked = false;
      this.dropped();
    };
  }

  /** The socket is gone: blocked on the way (never worked) or the hub went away (reconnect). */
  private dropped(): void {
    // A socket that never got as far as the handshake is blocked somewhere on the way (proxy,
    // firewall): switch to server-sent events, which pass wherever plain HTTP does.
    if (!this.everAcked) return this.switchToSse();
    if (this.subs.size === 0) return;
    for (const s of this.subs.values()) s.sink.status('offline', 'ws');
    this.reconnecting = true;
    this.timer = setTimeout(() => {
      for (const s of this.subs.values()) s.sink.status('connecting', 'ws');
      this.openWs();
    }, retryWait(this.attempt++));
  }

  private switchToSse(): void {
    blockedWs.add(this.origin);
    for (const c of channels) {
      if (c.origin !== this.origin) continue;
      for (const [id, sub] of c.subs) if (!sub.stopSse) c.openSse(id, sub);
    }
  }

  private openSse(id: string, sub: Sub): void {
    if (this.subs.get(id) !== sub) return;
    sub.sink.status('connecting', 'sse');
    const abort = new AbortController();
    let done = false;
    sub.stopSse = () => {
      done = true;
      abort.abort();
    };
    const retry = () => {
      if (done) return;
      sub.sink.status('offline', 'sse');
      const wait = retryWait(sub.attempt ?? 0);
      sub.attempt = (sub.attempt ?? 0) + 1;
      sub.timer = setTimeout(() => this.openSse(id, sub), wait);
    };
    const run = async () => {
      const res = await fetch(this.hub.sseUrl, {
        method: 'POST',
        credentials: 'omit',
        signal: abort.signal,
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify(payload(sub)),
      });
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      sub.attempt = 0;
      sub.sink.status('live', 'sse');
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
          if (event === 'next' && data) deliver(sub, JSON.parse(data) as GqlResult<unknown>);
          if (event === 'complete') return;
        }
      }
    };
    run().then(retry, retry);
  }
}
