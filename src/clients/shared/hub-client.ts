// The connection of the dashboard and the workspace (/app) to the hub: typed requests with the signed-in token over HTTP
// (sent by persisted hash, with the text as fallback) and live subscriptions over graphql-ws.
// The token lives in sessionStorage: it ends with the browser tab and is never a cookie.
import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from '../generated/graphql';

export const TOKEN_KEY = 'engagement-hub.token';

export class DashboardError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The error's extensions: `field` for BAD_USER_INPUT, `reason` for some CONFLICTs. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

interface GqlResult<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown> }>;
}

export type LiveState = 'connecting' | 'live' | 'offline';

export class DashboardClient {
  private readonly httpUrl = `${location.origin}/graphql`;
  private ws: Client | null = null;
  onLiveState: (state: LiveState) => void = () => undefined;

  constructor(readonly token: string) {}

  /** For what needs no sign-in (requesting a sign-in link). */
  static anonymous(): DashboardClient {
    return new DashboardClient('');
  }

  static stored(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  remember(): void {
    sessionStorage.setItem(TOKEN_KEY, this.token);
  }

  forget(): void {
    sessionStorage.removeItem(TOKEN_KEY);
    void this.ws?.dispose();
  }

  async request<R, V>(doc: TypedDocumentString<R, V>, variables: V): Promise<R> {
    const hash = doc.__meta__?.hash as string;
    let body = await this.post<R>({
      variables,
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    });
    if (body.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND') {
      body = await this.post<R>({ query: doc.toString(), variables });
    }
    const e = body.errors?.[0];
    if (e) throw new DashboardError(e.extensions?.code ?? 'ERROR', e.message, e.extensions ?? {});
    if (!body.data) throw new DashboardError('ERROR', 'Leere Antwort vom Hub');
    return body.data;
  }

  private async post<R>(payload: object): Promise<GqlResult<R>> {
    let res: Response;
    try {
      res = await fetch(this.httpUrl, {
        method: 'POST',
        credentials: 'omit',
        headers: {
          'content-type': 'application/json',
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: JSON.stringify(payload),
      });
    } catch {
      throw new DashboardError('NETWORK', 'Der Hub ist nicht erreichbar.');
    }
    try {
      return (await res.json()) as GqlResult<R>;
    } catch {
      throw new DashboardError('NETWORK', `Der Hub antwortet nicht richtig (HTTP ${res.status}).`);
    }
  }

  private socket(): Client {
    if (!this.ws) {
      this.ws = createClient({
        url: this.httpUrl.replace(/^http/, 'ws'),
        connectionParams: { authorization: `Bearer ${this.token}` },
        retryAttempts: Infinity,
        shouldRetry: () => true,
        retryWait: async (retries) => {
          await new Promise((r) => setTimeout(r, Math.min(30000, 1000 * 2 ** retries)));
        },
        on: {
          connecting: () => this.onLiveState('connecting'),
          connected: () => this.onLiveState('live'),
          closed: () => this.onLiveState('offline'),
        },
      });
    }
    return this.ws;
  }

  /** Subscribes; `variables()` is asked on every (re)subscribe so a cursor can resume. */
  subscribe<R, V>(
    doc: TypedDocumentString<R, V>,
    variables: () => V,
    next: (data: R) => void,
    error: (e: DashboardError) => void,
  ): () => void {
    let stop: (() => void) | null = null;
    let closed = false;
    const start = () => {
      stop = this.socket().subscribe<R>(
        { query: doc.toString(), variables: variables() as Record<string, unknown> },
        {
          next: (result) => {
            if (result.data) next(result.data);
            if (result.errors?.length) {
              error(
                new DashboardError(
                  String(result.errors[0].extensions?.code ?? 'ERROR'),
                  result.errors[0].message,
                ),
              );
            }
          },
          error: () => {
            // The client retries the socket itself; a failed operation is started again shortly.
            if (!closed) setTimeout(start, 3000);
          },
          complete: () => undefined,
        },
      );
    };
    start();
    return () => {
      closed = true;
      stop?.();
    };
  }
}
