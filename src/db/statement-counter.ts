// HUB_COUNT_STATEMENTS: counts every statement the request side of this process sends (pools,
// transactions; not the background connections of the job runner and the listeners), exposed as
// hub_db_statements_total. Meant for benchmarks
// and N+1 checks; off by default because it wraps the driver's query method.
import { Client } from 'pg';
import client from 'prom-client';

/** application_name of the job runner's pool: background work, not counted as statements. */
export const JOB_APPLICATION_NAME = 'engagement-hub-jobs';
/** application_name of the session listener's connection (LISTEN for ended sessions). */
export const SESSIONS_APPLICATION_NAME = 'engagement-hub-sessions';
/** application_name of the activity log listener's connection. */
export const LISTENER_APPLICATION_NAME = 'engagement-hub-listener';

const BACKGROUND = new Set([
  JOB_APPLICATION_NAME,
  SESSIONS_APPLICATION_NAME,
  LISTENER_APPLICATION_NAME,
]);

/**
 * Whether a pg client belongs to background work (job runner, listeners) rather than to
 * requests: N+1 checks count only the others, whatever the machine's load makes the
 * background do meanwhile.
 */
export function isBackgroundClient(pgClient: unknown): boolean {
  const params = (pgClient as { connectionParameters?: { application_name?: string } })
    .connectionParameters;
  return BACKGROUND.has(params?.application_name ?? '');
}

let installed: client.Counter | null = null;

export function installStatementCounter(registry: client.Registry): client.Counter {
  if (installed) {
    registry.registerMetric(installed);
    return installed;
  }
  const counter = new client.Counter({
    name: 'hub_db_statements_total',
    help: 'SQL statements sent to PostgreSQL by this process',
    registers: [registry],
  });
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function countedQuery(this: unknown, ...args: unknown[]) {
    if (!isBackgroundClient(this)) counter.inc();
    return original.apply(this, args);
  };
  installed = counter;
  return counter;
}
