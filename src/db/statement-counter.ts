// HUB_COUNT_STATEMENTS: counts every statement any pg client of this process sends (pools,
// but not the job runner's own pool,
// transactions, the event listener), exposed as hub_db_statements_total. Meant for benchmarks
// and N+1 checks; off by default because it wraps the driver's query method.
import { Client } from 'pg';
import client from 'prom-client';

/** application_name of the job runner's pool: background work, not counted as statements. */
export const JOB_APPLICATION_NAME = 'engagement-hub-jobs';

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
    const params = (this as { connectionParameters?: { application_name?: string } })
      .connectionParameters;
    if (params?.application_name !== JOB_APPLICATION_NAME) counter.inc();
    return original.apply(this, args);
  };
  installed = counter;
  return counter;
}
