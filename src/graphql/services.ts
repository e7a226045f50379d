// The hub's services, built once per process: the infrastructure, then each module's in MODULES
// order (a module's factory gets the infrastructure and the services of the modules before
// it). Services hold no per-request state: they take the acting viewer as their first argument.
import type { Logger } from 'pino';
import { Config } from '../config/env';
import { Database } from '../db/database';
import { AllModuleServices, MODULES } from '../modules';
import type { HubInfra } from '../modules/define-module';
import type { FieldCosts } from './operation-limits';
import { PgRateLimitStore, RateLimiter, RedisRateLimitStore } from '../server/rate-limit';
import { SharedSubscriptions } from '../server/shared-subscriptions';

export type Services = HubInfra &
  AllModuleServices & {
    rateLimiter: RateLimiter;
    /** WebSocket subscriptions sharing one execution per event (see shared-subscriptions.ts). */
    sharedSubscriptions: SharedSubscriptions;
    /** Every module's field costs (graph traversals by their fan-out), for the operation limits. */
    fieldCosts: FieldCosts;
    /** Starts every module's background jobs (event listener, sweeps); stopped on shutdown. */
    startBackground(log: Logger): Promise<{ stop(): Promise<void> }>;
  };

export function createServices(config: Config, db: Database): Services {
  const built: Record<string, unknown> = { config, db };
  for (const m of MODULES) Object.assign(built, m.services(built as never));
  const services = built as unknown as Services;
  services.sharedSubscriptions = new SharedSubscriptions();
  services.sharedSubscriptions.limits.executionTimeoutMs = config.requestTimeoutMs;
  services.fieldCosts = new Map(MODULES.flatMap((m) => Object.entries(m.costs(services as never))));
  services.rateLimiter = new RateLimiter(
    config.redisUrl ? new RedisRateLimitStore(config.redisUrl) : new PgRateLimitStore(db),
  );
  services.startBackground = (log) => startJobs(services, log);
  return services;
}

/** Starts the jobs in MODULES order; stops them in reverse. */
async function startJobs(services: Services, log: Logger): Promise<{ stop(): Promise<void> }> {
  const running: Array<{ stop(): Promise<void> }> = [];
  for (const m of MODULES) {
    for (const job of m.jobs(services as never)) running.push(await job.start(log));
  }
  return {
    async stop() {
      for (const job of running.reverse()) await job.stop();
    },
  };
}
