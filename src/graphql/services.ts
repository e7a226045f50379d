// The hub's services, built once per process. Services hold no per-request state: they take the
// acting viewer as their first argument.
import { Config } from '../config/env';
import { Database } from '../db/database';
import { AuditService } from '../modules/audit/audit.service';
import { RegionService } from '../modules/regions/region.service';
import { PgRateLimitStore, RateLimiter, RedisRateLimitStore } from '../server/rate-limit';

export interface Services {
  config: Config;
  db: Database;
  audit: AuditService;
  regions: RegionService;
  rateLimiter: RateLimiter;
  /** Starts per-process background work (event listener, sweeps); stopped on shutdown. */
  startBackground?: (log: import('pino').Logger) => Promise<{ stop(): Promise<void> }>;
}

export function createServices(config: Config, db: Database): Services {
  const audit = new AuditService(db);
  return {
    config,
    db,
    audit,
    regions: new RegionService(db, audit),
    rateLimiter: new RateLimiter(
      config.redisUrl ? new RedisRateLimitStore(config.redisUrl) : new PgRateLimitStore(db),
    ),
  };
}
