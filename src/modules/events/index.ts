// Events of the network (Stammtische, workshops, information events): series by RRULE, seats
// held under the event's row lock, waitlists that move up in order, attendance, topic votes
// iCalendar feeds (per event and per region, with the region's office hours) and the public
// events page of a region with schema.org JSON-LD (GET /events/<region id>).
import type { ActivityServices } from '../activity';
import type { AuditServices } from '../audit';
import type { ContactPointsServices } from '../contact-points';
import type { LinksServices } from '../links';
import type { MailServices } from '../mail';
import { parseReminderPayload } from '../../queue/reminders';
import {
  REGISTRATION_LINK_KIND,
  REGISTRATION_REMINDER_TASK,
  RegistrationMails,
} from './registration-mails';
import { defineModule, HubInfra, ServicesOf } from '../define-module';
import { visibleEvent, visibleRegistration, visibleTopic } from './event-access';
import { EventRegistration } from './event-registration.entity';
import { HubEvent } from './event.entity';
import { EventChangesResolver } from './event-changes.resolver';
import { recordEventActivities } from './event-activities';
import { registerEventPage, type EventPageServices } from './event-page';
import { registerEventFeeds } from './event.feed';
import { createEventLoaders } from './event.loaders';
import {
  assertCanEditEvent,
  canEditEvent,
  canSeeRegistration,
  canSeeRegistrations,
} from './event.permissions';
import { EventResolver } from './event.resolver';
import { EventService } from './event.service';
import { RegionEventsFeedResolver } from './region-events.resolver';
import { EventRegistrationResolver, TopicProposalResolver } from './registration.resolver';
import { RegistrationService } from './registration.service';
import { TopicProposal, TopicVote } from './topic-proposal.entity';
import { TopicService } from './topic.service';

export const eventsModule = defineModule({
  name: 'events',
  entities: [HubEvent, EventRegistration, TopicProposal, TopicVote],
  resolvers: [
    EventChangesResolver,
    EventResolver,
    EventRegistrationResolver,
    TopicProposalResolver,
    RegionEventsFeedResolver,
  ],
  nodeTypes: [
    { name: 'Event', fetch: (ctx, id): Promise<object | null> => visibleEvent(ctx, id) },
    // Only the organizer's editors, coordinators and the registered actor's editors.
    {
      name: 'EventRegistration',
      fetch: (ctx, id): Promise<object | null> => visibleRegistration(ctx, id),
    },
    { name: 'TopicProposal', fetch: (ctx, id): Promise<object | null> => visibleTopic(ctx, id) },
  ],
  services: ({
    db,
    queue,
    audit,
    activity,
    mail,
    links,
  }: HubInfra &
    AuditServices &
    ActivityServices &
    ContactPointsServices &
    MailServices &
    LinksServices) => {
    const events = new EventService(db, audit);
    const eventRegistrations = new RegistrationService(db, audit, events);
    events.registrations = eventRegistrations;
    recordEventActivities(activity, events, eventRegistrations);
    const registrationMails = new RegistrationMails(
      db,
      queue,
      mail,
      links,
      eventRegistrations,
      events,
    );
    wireRegistrationMails(registrationMails, events, eventRegistrations);
    links.registerHandler(REGISTRATION_LINK_KIND, (tx, link) =>
      registrationMails.useLink(tx, link),
    );
    return {
      events,
      eventRegistrations,
      registrationMails,
      eventTopics: new TopicService(db, audit, events),
    };
  },
  loaders: ({ events, eventRegistrations, eventTopics }) =>
    createEventLoaders(events, eventRegistrations, eventTopics),
  tasks: ({ eventRegistrations, registrationMails }) => ({
    // 24 hours before the start; sends nothing if the registration or the start changed.
    [REGISTRATION_REMINDER_TASK]: async (payload) => {
      const p = parseReminderPayload(payload);
      if (p) await registrationMails.sendReminder(p.id, p.startsAt);
    },
    // UNCONFIRMED registrations lapse 48 hours after they got their seats; the waitlist moves up.
    'events.lapse': async (_payload, { log }) => {
      const lapsed = await eventRegistrations.lapseUnconfirmed();
      if (lapsed.length) log.info({ lapsed: lapsed.length }, 'event registrations lapsed');
    },
  }),
  schedules: [{ task: 'events.lapse', pattern: '*/5 * * * *' }],
  routes: (app, services, deps) => {
    registerEventFeeds(app, services as unknown as Parameters<typeof registerEventFeeds>[1], deps);
    registerEventPage(app, services as unknown as EventPageServices);
  },
  permissions: { canEditEvent, canSeeRegistrations, canSeeRegistration, assertCanEditEvent },
});

/** What the events module adds to ctx.services, for the modules after it. */
export type EventsServices = ServicesOf<typeof eventsModule>;

/**
 * The mails run after the activities in the same transactions (the activity hooks are set
 * first by recordEventActivities; each hook here calls the one it replaces).
 */
function wireRegistrationMails(
  mails: RegistrationMails,
  events: EventService,
  registrations: RegistrationService,
): void {
  const registered = registrations.onRegistered;
  registrations.onRegistered = async (tx, change) => {
    await registered?.(tx, change);
    await mails.registered(tx, change);
  };
  const cancelled = registrations.onCancelled;
  registrations.onCancelled = async (tx, change) => {
    await cancelled?.(tx, change);
    await mails.cancelled(tx, change);
  };
  registrations.onPromoted = (tx, event, promoted) => mails.promoted(tx, event, promoted);
  registrations.onRegisteredAgain = (email, event) => mails.registeredAgain(email, event);
  const eventCancelled = events.onCancelled;
  events.onCancelled = async (tx, event) => {
    await eventCancelled?.(tx, event);
    await mails.eventCancelled(tx, event);
  };
  events.onMoved = (tx, event) => mails.moved(tx, event);
}
