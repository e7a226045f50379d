// The process-wide services of needs, pledges, offers, matching, search and live need events,
// built once and spread into the hub's Services (src/graphql/services.ts).
import type { Logger } from 'pino';
import type { Config } from '../../config/env';
import type { Database } from '../../db/database';
import { startNeedBackground } from '../../events/need-background';
import { NeedEventHub } from '../../events/need-event.hub';
import { NeedEventStore } from '../../events/need-event.store';
import type { VolunteerDataService } from '../access/volunteer-data.service';
import type { ActorService } from '../actors/actor.service';
import type { AuditService } from '../audit/audit.service';
import { NeedMatchService } from '../offers/need-match.service';
import { OfferService } from '../offers/offer.service';
import { SearchService } from '../search/search.service';
import { NeedSweeper } from './need-sweeper';
import { NeedService } from './need.service';
import { PledgeService } from './pledge.service';

export interface NeedModuleServices {
  needs: NeedService;
  pledges: PledgeService;
  offers: OfferService;
  needMatches: NeedMatchService;
  search: SearchService;
  needEvents: NeedEventStore;
  needEventHub: NeedEventHub;
  needSweeper: NeedSweeper;
  /** Starts the need-event listener and the sweep; stopped on shutdown. */
  startBackground?: (log: Logger) => Promise<{ stop(): Promise<void> }>;
}

export function createNeedServices(
  config: Config,
  db: Database,
  audit: AuditService,
  actors: ActorService,
  volunteerData: VolunteerDataService,
): NeedModuleServices {
  const needs = new NeedService(db, audit);
  const offers = new OfferService(db, audit);
  const needEvents = new NeedEventStore(db, config.eventRetentionDays);
  let hubLog: Logger | null = null;
  const needEventHub = new NeedEventHub(needs, (err) =>
    hubLog?.warn(
      { err: err instanceof Error ? err.message : String(err) },
      'need event dispatch failed',
    ),
  );
  const needSweeper = new NeedSweeper(db, needs, needEvents, volunteerData);
  return {
    needs,
    pledges: new PledgeService(db, audit, needs),
    offers,
    needMatches: new NeedMatchService(db, offers),
    search: new SearchService(db, actors, needs, offers),
    needEvents,
    needEventHub,
    needSweeper,
    startBackground: (log) => {
      hubLog = log;
      return startNeedBackground(
        {
          db,
          hub: needEventHub,
          store: needEvents,
          sweeper: needSweeper,
          sweepIntervalMs: config.sweepIntervalMs,
        },
        log,
      );
    },
  };
}
