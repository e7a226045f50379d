// The hub's services, built once per process: the infrastructure, then each module's in MODULES
// order (a module's factory gets the infrastructure and the services of the modules before
// it). Services hold no per-request state: they take the acting viewer as their first argument.
import type { Logger } from 'pino';
import { Config } from '../config/env';
import { Database } from '../db/database';
import { AllModuleServices, MODULES } from '../modules';
import type { HubInfra } from '../modules/define-module';
import { JobQueue, type Schedule, type TaskHandler } from '../queue/job-queue';
import { type JobRunner, startJobRunner } from '../queue/job-runner';
import { PgRateLimitStore, RateLimiter, RedisRateLimitStore } from '../server/rate-limit';
import { SharedSubscriptions } from '../server/shared-subscriptions';

export type Services = HubInfra &
  AllModuleServices & {
    rateLimiter: RateLimiter;
    /** WebSocket subscriptions sharing one execution per event (see shared-subscriptions.ts). */
    sharedSubscriptions: SharedSubscriptions;
    /** Starts every module's background jobs and the job runner; stopped on shutdown. */
    startBackground(log: Logger): Promise<Background>;
  };

export interface Background {
  stop(): Promise<void>;
  /** The job runner of this process (runs the modules' tasks and schedules). */
  jobs: JobRunner;
}

export function createServices(config: Config, db: Database): Services {
  const built: Record<string, unknown> = { config, db, queue: new JobQueue() };
  for (const m of MODULES) Object.assign(built, m.services(built as never));
  const services = built as unknown as Services;
  services.sharedSubscriptions = new SharedSubscriptions();
  services.rateLimiter = new RateLimiter(
    config.redisUrl ? new RedisRateLimitStore(config.redisUrl) : new PgRateLimitStore(db),
  );
  services.startBackground = (log) => startJobs(services, log);
  return services;
}

/** Every module's tasks (named `<module>.<task>`, each once) and schedules. */
export function moduleTasks(services: Services): {
  tasks: Record<string, TaskHandler>;
  schedules: Schedule[];
} {
  const tasks: Record<string, TaskHandler> = {};
  const schedules: Schedule[] = [];
  for (const m of MODULES) {
    for (const [name, handler] of Object.entries(m.tasks(services as never))) {
      if (!name.startsWith(`${m.name}.`) || name in tasks) {
        throw new Error(`task ${name} of module ${m.name} must be named ${m.name}.<task>, once`);
      }
      tasks[name] = handler;
    }
    schedules.push(...m.schedules);
  }
  for (const s of schedules) {
    if (!(s.task in tasks)) throw new Error(`schedule of unknown task ${s.task}`);
  }
  return { tasks, schedules };
}

/** Starts the jobs in MODULES order, then the job runner; stops them in reverse. */
async function startJobs(services: Services, log: Logger): Promise<Background> {
  const { tasks, schedules } = moduleTasks(services);
  const running: Array<{ stop(): Promise<void> }> = [];
  try {
    for (const m of MODULES) {
      for (const job of m.jobs(services as never)) running.push(await job.start(log));
    }
    const jobs = await startJobRunner({
      pool: services.db.primary,
      tasks,
      schedules,
      log,
      concurrency: services.config.jobConcurrency,
      pollIntervalMs: services.config.jobPollIntervalMs,
    });
    running.push(jobs);
    return {
      jobs,
      async stop() {
        for (const job of running.reverse()) await job.stop();
      },
    };
  } catch (e) {
    for (const job of running.reverse()) await job.stop().catch(() => undefined);
    throw e;
  }
}
