// The process-wide services of needs, pledges and live need events, and the background job
// that feeds the events (the LISTEN connection and the sweep; see src/events/need-background.ts).
import type { Logger } from 'pino';
import { needEventFeed, startNeedBackground } from '../../events/need-background';
import { NeedEventHub } from '../../events/need-event.hub';
import { NeedEventStore } from '../../events/need-event.store';
import type { AccessServices } from '../access';
import type { ActivityServices } from '../activity';
import type { AuditServices } from '../audit';
import type { BackgroundJob, HubInfra } from '../define-module';
import { NeedSweeper } from './need-sweeper';
import { NeedService } from './need.service';
import { PledgeService } from './pledge.service';

export type NeedServiceDeps = HubInfra & AuditServices & ActivityServices & AccessServices;

export interface NeedModuleServices {
  needs: NeedService;
  pledges: PledgeService;
  needEvents: NeedEventStore;
  needEventHub: NeedEventHub;
  needSweeper: NeedSweeper;
  /** Starts the sweep (expiry, retention); stopped on shutdown. The log's feed is the listener's. */
  needBackground: BackgroundJob;
}

export function createNeedServices({
  config,
  db,
  audit,
  activity,
  logListener,
  volunteerData,
}: NeedServiceDeps): NeedModuleServices {
  const needs = new NeedService(db, audit, activity);
  const needEvents = new NeedEventStore(db, config.eventRetentionDays);
  // The hub reports dispatch failures to the log the background job is started with.
  let hubLog: Logger | null = null;
  const needEventHub = new NeedEventHub(needs, (err) =>
    hubLog?.warn(
      { err: err instanceof Error ? err.message : String(err) },
      'need event dispatch failed',
    ),
  );
  // The hub's one LISTEN connection reads this log too (owned by the activity module).
  logListener.addFeed(needEventFeed(needEvents, needEventHub));
  const needSweeper = new NeedSweeper(db, needs, needEvents, volunteerData);
  return {
    needs,
    pledges: new PledgeService(db, audit, activity, needs),
    needEvents,
    needEventHub,
    needSweeper,
    needBackground: {
      name: 'need sweep',
      start: (log) => {
        hubLog = log;
        return startNeedBackground(
          { sweeper: needSweeper, sweepIntervalMs: config.sweepIntervalMs },
          log,
        );
      },
    },
  };
}
