// The process-wide services of needs, pledges and live need events, and the background job
// that feeds the events (the LISTEN connection; see src/events/need-background.ts). The sweep
// runs as the scheduled job needs.sweep (see ./index.ts).
import type { Logger } from 'pino';
import { startNeedBackground } from '../../events/need-background';
import { NeedEventHub } from '../../events/need-event.hub';
import { NeedEventStore } from '../../events/need-event.store';
import type { AccessServices } from '../access';
import type { AuditServices } from '../audit';
import type { BackgroundJob, HubInfra } from '../define-module';
import { NeedSweeper } from './need-sweeper';
import { NeedService } from './need.service';
import { PledgeService } from './pledge.service';

export type NeedServiceDeps = HubInfra & AuditServices & AccessServices;

export interface NeedModuleServices {
  needs: NeedService;
  pledges: PledgeService;
  needEvents: NeedEventStore;
  needEventHub: NeedEventHub;
  needSweeper: NeedSweeper;
  /** Starts the need-event listener; stopped on shutdown. */
  needBackground: BackgroundJob;
}

export function createNeedServices({
  config,
  db,
  audit,
  volunteerData,
}: NeedServiceDeps): NeedModuleServices {
  const needs = new NeedService(db, audit);
  const needEvents = new NeedEventStore(db, config.eventRetentionDays);
  // The hub reports dispatch failures to the log the background job is started with.
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
    needEvents,
    needEventHub,
    needSweeper,
    needBackground: {
      name: 'need events listener',
      start: (log) => {
        hubLog = log;
        return startNeedBackground(
          {
            db,
            hub: needEventHub,
            store: needEvents,
          },
          log,
        );
      },
    },
  };
}
