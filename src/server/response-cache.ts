// A short-lived shared response cache for callers without sign-in (the embedded widgets: many
// visitors asking the same question of the same municipality). Keyed by (document hash,
// operation name, variables); only PUBLIC callers, only queries, only answers without errors.
// An entry lives at most HUB_PUBLIC_CACHE_TTL_MS counted from the moment its request STARTED, so
// no answer served from it shows a need state older than the TTL; every need event clears the
// cache earlier, and an answer computed while an event arrived is not stored (generation check).
import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { HubContext } from '../graphql/context';
import { Role } from '../graphql/viewer';
import { Counter } from 'prom-client';
import { installStatementCounter } from '../db/statement-counter';

interface Entry {
  expiresAt: number;
  body: string;
}

/** Anything that can tell the cache "a need changed" (the in-process need event hub). */
export interface NeedChangeSource {
  onChange(fn: () => void): () => void;
}

export class PublicResponseCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  hits = 0;
  misses = 0;

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Drops everything (a need changed). */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  /**
   * Clears whenever a need may have changed (the NOTIFY of any committed change, whatever the
   * need's visibility, and every listener reconnect); returns the unsubscribe function.
   */
  listen(source: NeedChangeSource): () => void {
    return source.onChange(() => this.invalidate());
  }

  get currentGeneration(): number {
    return this.generation;
  }

  get(key: string): string | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e.body;
  }

  /** Stores an answer computed by a request that started at `startedAt` in `generation`. */
  set(key: string, body: string, startedAt: number, generation: number): void {
    if (generation !== this.generation) return;
    const expiresAt = startedAt + this.ttlMs;
    if (expiresAt <= this.now()) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { expiresAt, body });
  }
}

function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`)
    .join(',')}}`;
}

/** Apollo plugin serving and filling the cache. */
export function publicResponseCachePlugin(
  cache: PublicResponseCache,
  counted?: import('prom-client').Counter<'result'>,
): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (contextValue.viewer.role !== Role.PUBLIC) return;
      const startedAt = Date.now();
      const generation = cache.currentGeneration;
      let key: string | null = null;
      let served = false;
      return {
        async responseForOperation({
          operation,
          queryHash,
          request,
        }): Promise<GraphQLResponse | null> {
          if (operation.operation !== 'query') return null;
          key = `${queryHash}|${request.operationName ?? ''}|${stableStringify(request.variables ?? {})}`;
          const body = cache.get(key);
          if (body === undefined) {
            cache.misses++;
            counted?.inc({ result: 'miss' });
            return null;
          }
          cache.hits++;
          counted?.inc({ result: 'hit' });
          served = true;
          const headers = new HeaderMap();
          headers.set('x-hub-cache', 'hit');
          return {
            http: { status: undefined, headers },
            body: { kind: 'single', singleResult: JSON.parse(body) },
          };
        },
        async willSendResponse({ response }) {
          if (served || key === null || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors?.length || result.data == null) return;
          cache.set(key, JSON.stringify({ data: result.data }), startedAt, generation);
        },
      };
    },
  };
}

/**
 * The plugins http-server registers: the PUBLIC response cache when HUB_PUBLIC_CACHE_TTL_MS > 0
 * (cleared by the need event hub), and the statement counter behind HUB_COUNT_STATEMENTS.
 */
export function publicCachePlugins(
  services: {
    config: { publicCacheTtlMs: number; countStatements: boolean };
    needEventHub?: NeedChangeSource;
  },
  metrics: { registry: import('prom-client').Registry },
): ApolloServerPlugin<HubContext>[] {
  if (services.config.countStatements) installStatementCounter(metrics.registry);
  if (services.config.publicCacheTtlMs <= 0) return [];
  const cache = new PublicResponseCache(services.config.publicCacheTtlMs);
  if (services.needEventHub) cache.listen(services.needEventHub);
  const counted = new Counter({
    name: 'hub_public_cache_total',
    help: 'PUBLIC query answers served from the shared response cache (hit) or computed (miss)',
    labelNames: ['result'] as const,
    registers: [metrics.registry],
  });
  return [publicResponseCachePlugin(cache, counted)];
}
