// Starts a real hub (HTTP + WebSocket) on a free port against a fresh test database.
import type { DestinationStream } from 'pino';
import { loadConfig } from '../../src/config/env';
import { Role } from '../../src/graphql/viewer';
import { RunningHub, startHub } from '../../src/server/hub';
import { createLogger } from '../../src/server/logger';
import { createEmptyDatabase } from './test-database';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
  headers: Headers;
}

export interface TestHub {
  hub: RunningHub;
  url: string;
  databaseUrl: string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResponse<T>>;
  token(
    role: Role,
    claims?: { actorIds?: string[]; regionIds?: string[]; sub?: string },
  ): Promise<string>;
  /** Runs every due job (mail, sweeps, reminders, and the jobs they add) until none is left. */
  runJobsUntilIdle(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestHubOptions {
  seed?: boolean;
  env?: Record<string, string>;
  /** Reuse an existing database instead of creating one. */
  databaseUrl?: string;
  /** Receives every log line of the hub, at level trace (tests that read the logs). */
  logStream?: DestinationStream;
}

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export async function startTestHub(opts: TestHubOptions = {}): Promise<TestHub> {
  const created = opts.databaseUrl ? null : await createEmptyDatabase();
  const databaseUrl = opts.databaseUrl ?? (created as { url: string }).url;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    HUB_SEED_DEMO: opts.seed ? 'true' : 'false',
    HUB_JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    // Suites volunteer many times from 127.0.0.1; the rate-limit test sets its own limit.
    HUB_VOLUNTEER_RATE_LIMIT: '100000',
    ...opts.env,
  });
  const log = opts.logStream ? createLogger('trace', opts.logStream) : createLogger('silent');
  const hub = await startHub(config, { log });
  const url = `${hub.url}/graphql`;
  return {
    hub,
    url,
    databaseUrl,
    async gql(query, variables, token) {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: never; errors?: never };
      return { status: res.status, data: body.data, errors: body.errors, headers: res.headers };
    },
    token: (role, claims = {}) =>
      hub.auth.sign({ sub: claims.sub ?? `test-${role.toLowerCase()}`, role, ...claims }),
    runJobsUntilIdle: () => hub.runJobsUntilIdle(),
    async stop() {
      await hub.stop();
      if (created) await created.drop();
    },
  };
}
