// The process-wide services of needs, pledges and live need events. The need-event log feeds
// the hub's one LISTEN connection (logListener, owned by the activity module); the sweep runs
// as the scheduled job needs.sweep (see ./index.ts).
import { needEventFeed } from '../../events/need-background';
import { NeedEventHub } from '../../events/need-event.hub';
import { NeedEventStore } from '../../events/need-event.store';
import type { AccessServices } from '../access';
import type { ActivityServices } from '../activity';
import type { AuditServices } from '../audit';
import type { HubInfra } from '../define-module';
import type { LinksServices } from '../links';
import type { MailServices } from '../mail';
import { LINK_KIND, VolunteerOptIn } from './volunteer-opt-in';
import { NeedDrafts } from './need-drafts';
import { NeedSweeper } from './need-sweeper';
import { PledgeReminders } from './pledge-reminders';
import { NeedService } from './need.service';
import { PledgeService } from './pledge.service';

export type NeedServiceDeps = HubInfra &
  AuditServices &
  ActivityServices &
  AccessServices &
  MailServices &
  LinksServices;

export interface NeedModuleServices {
  needs: NeedService;
  pledges: PledgeService;
  needEvents: NeedEventStore;
  needEventHub: NeedEventHub;
  needSweeper: NeedSweeper;
  /** DRAFT needs from survey answers: created by the surveys module, published or discarded. */
  needDrafts: NeedDrafts;
  /** Double opt-in of volunteers: confirm and withdraw links, the 48-hour withdrawal. */
  volunteerOptIn: VolunteerOptIn;
  /** Reminder mails 24 h before a need's start, and the mail when a need is closed. */
  pledgeReminders: PledgeReminders;
}

export function createNeedServices({
  config,
  db,
  audit,
  activity,
  logListener,
  volunteerData,
  queue,
  mail,
  links,
}: NeedServiceDeps): NeedModuleServices {
  const volunteerOptIn = new VolunteerOptIn(db, config, queue, mail, links, audit);
  links.registerHandler(LINK_KIND, (tx, link, ctx) => volunteerOptIn.useLink(tx, link, ctx.viewer));
  const needs = new NeedService(db, audit, activity);
  const pledgeReminders = new PledgeReminders(db, queue, mail, links);
  volunteerOptIn.afterConfirm = (tx, pledgeId) => pledgeReminders.confirmed(tx, pledgeId);
  needs.onMoved = (tx, need) => pledgeReminders.needMoved(tx, need);
  needs.onClosed = (tx, need) => pledgeReminders.needClosed(tx, need);
  const needEvents = new NeedEventStore(db, config.eventRetentionDays);
  // Dispatch failures go to the log the listener is started with.
  const needEventHub = new NeedEventHub(needs, (err) =>
    logListener.logger?.warn(
      { err: err instanceof Error ? err.message : String(err) },
      'need event dispatch failed',
    ),
  );
  logListener.addFeed(needEventFeed(needEvents, needEventHub));
  const needSweeper = new NeedSweeper(db, needs, needEvents, volunteerData);
  const pledges = new PledgeService(db, audit, activity, needs, volunteerOptIn);
  pledges.onEnded = (tx, pledgeId) => pledgeReminders.pledgeEnded(tx, pledgeId);
  return {
    needs,
    pledges,
    volunteerOptIn,
    pledgeReminders,
    needDrafts: new NeedDrafts(db, needs, audit, activity),
    needEvents,
    needEventHub,
    needSweeper,
  };
}
