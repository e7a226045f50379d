// Job queue depth at /metrics, read from the queue's table at scrape time (the same figure in
// every instance). No payloads, no task arguments: only counts.
import client, { type Registry } from 'prom-client';
import type { Database } from '../db/database';
import type { JobQueue } from './job-queue';

export function registerQueueMetrics(registry: Registry, queue: JobQueue, db: Database): void {
  const gauge: client.Gauge<'state'> = new client.Gauge({
    name: 'hub_job_queue_jobs',
    help: 'Jobs in the queue: pending (waiting, running or retrying) and failed (out of attempts)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      try {
        const d = await queue.depth(db.primary);
        gauge.set({ state: 'pending' }, d.pending);
        gauge.set({ state: 'failed' }, d.failed);
      } catch {
        // The database is away: the scrape still answers, with the last figures.
      }
    },
  });
}
