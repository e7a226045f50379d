// The hub's services, built once per process. Services hold no per-request state: they take the
// acting viewer as their first argument.
import { Config } from '../config/env';
import { Database } from '../db/database';
import { VolunteerDataService } from '../modules/access/volunteer-data.service';
import { ActorService } from '../modules/actors/actor.service';
import { AuditService } from '../modules/audit/audit.service';
import { CooperationService } from '../modules/cooperations/cooperation.service';
import { GraphService } from '../modules/graph/graph.service';
import { SuggestionService } from '../modules/graph/suggestion.service';
import { RegionService } from '../modules/regions/region.service';
import { createNeedServices, NeedModuleServices } from '../modules/needs/need-services';
import { PgRateLimitStore, RateLimiter, RedisRateLimitStore } from '../server/rate-limit';
import { SharedSubscriptions } from '../server/shared-subscriptions';

export interface Services extends NeedModuleServices {
  config: Config;
  db: Database;
  audit: AuditService;
  regions: RegionService;
  actors: ActorService;
  cooperations: CooperationService;
  graph: GraphService;
  suggestions: SuggestionService;
  rateLimiter: RateLimiter;
  volunteerData: VolunteerDataService;
  /** WebSocket subscriptions sharing one execution per event (see shared-subscriptions.ts). */
  sharedSubscriptions: SharedSubscriptions;
  /** Starts per-process background work (event listener, sweeps); stopped on shutdown. */
  startBackground?: (log: import('pino').Logger) => Promise<{ stop(): Promise<void> }>;
}

export function createServices(config: Config, db: Database): Services {
  const audit = new AuditService(db);
  const actors = new ActorService(db, audit);
  const cooperations = new CooperationService(db, audit);
  const volunteerData = new VolunteerDataService(db, audit, config.volunteerRetentionDays);
  return {
    config,
    db,
    audit,
    regions: new RegionService(db, audit),
    actors,
    cooperations,
    graph: new GraphService(db, actors, cooperations),
    suggestions: new SuggestionService(db, actors),
    ...createNeedServices(config, db, audit, actors, volunteerData),
    volunteerData,
    sharedSubscriptions: new SharedSubscriptions(),
    rateLimiter: new RateLimiter(
      config.redisUrl ? new RedisRateLimitStore(config.redisUrl) : new PgRateLimitStore(db),
    ),
  };
}
