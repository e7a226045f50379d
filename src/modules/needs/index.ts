// Needs (what an actor is looking for), pledges (who covers them, actors or private
// volunteers) and the live needEvents subscription with its listener and sweep.
import { NeedEvent } from '../../events/need-event.entity';
import { defineModule, ServicesOf } from '../define-module';
import { visibleNeed, visiblePledge } from './need-access';
import { NeedDraftResolver } from './need-drafts.resolver';
import { NeedEventsResolver } from './need-events.resolver';
import { ActorNeedsResolver, RegionNeedsResolver } from './need-relations.resolver';
import { createNeedServices } from './need-services';
import { Need } from './need.entity';
import { createNeedLoaders } from './need.loaders';
import {
  assertCanEditNeed,
  canEditNeed,
  canPledgeFor,
  canSeeDraftNeed,
  canSeePledge,
  canSeeVolunteerData,
} from './need.permissions';
import { NeedResolver } from './need.resolver';
import { Pledge } from './pledge.entity';
import { PledgeResolver } from './pledge.resolver';
import { PLEDGE_REMINDER_TASK } from './pledge-reminders';
import { WITHDRAW_UNCONFIRMED_TASK } from './volunteer-opt-in';
import { parseReminderPayload } from '../../queue/reminders';

export const needsModule = defineModule({
  name: 'needs',
  entities: [Need, Pledge, NeedEvent],
  resolvers: [
    NeedResolver,
    PledgeResolver,
    RegionNeedsResolver,
    ActorNeedsResolver,
    NeedEventsResolver,
    NeedDraftResolver,
  ],
  nodeTypes: [
    {
      name: 'Need',
      fetch: visibleNeed,
      entities: ['Need'],
      displayName: (n) => (n as Need).title,
    },
    // no displayName: a pledge is named by its volunteer, a private person
    // Only the need's editors and coordinators, and the pledging actor's editors; not an entity.
    { name: 'Pledge', fetch: visiblePledge },
  ],
  services: createNeedServices,
  loaders: ({ needs, pledges }) => createNeedLoaders(needs, pledges),
  tasks: ({ needSweeper, volunteerOptIn, pledgeReminders }) => ({
    // 24 hours before the need's start; sends nothing if the pledge or the start changed.
    [PLEDGE_REMINDER_TASK]: async (payload) => {
      const p = parseReminderPayload(payload);
      if (p) await pledgeReminders.send(p.id, p.startsAt);
    },
    [WITHDRAW_UNCONFIRMED_TASK]: async (payload, { log }) => {
      const pledgeId = Number((payload as { pledgeId?: unknown }).pledgeId);
      if (!Number.isSafeInteger(pledgeId)) return;
      if (await volunteerOptIn.withdrawUnconfirmed(pledgeId)) {
        log.info({ pledgeId }, 'unconfirmed volunteer pledge withdrawn');
      }
    },
    'needs.sweep': async (_payload, { log }) => {
      const r = await needSweeper.run();
      if (r.expiredNeedIds.length || r.deletedEvents || r.anonymisedPledges) {
        log.info(
          {
            expired: r.expiredNeedIds.length,
            deletedEvents: r.deletedEvents,
            anonymisedPledges: r.anonymisedPledges,
          },
          'need sweep',
        );
      }
    },
  }),
  // Expiry, event retention and volunteer data retention, once a minute across all instances.
  schedules: [{ task: 'needs.sweep', pattern: '* * * * *' }],
  permissions: {
    canEditNeed,
    canSeeVolunteerData,
    canSeePledge,
    canPledgeFor,
    assertCanEditNeed,
    canSeeDraftNeed,
  },
});

/** What the needs module adds to ctx.services, for the factories of modules after it. */
export type NeedsServices = ServicesOf<typeof needsModule>;
