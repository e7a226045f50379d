import { byIdLoader, groupedInKeyOrder, HubLoader } from '../../graphql/dataloader';
import { EventRegistration } from './event-registration.entity';
import { EventService } from './event.service';
import { RegistrationService } from './registration.service';
import { TopicProposal } from './topic-proposal.entity';
import { TopicService } from './topic.service';

/** Raw rows: callers apply the visibility predicates (event.permissions.ts). */
export function createEventLoaders(
  events: EventService,
  registrations: RegistrationService,
  topics: TopicService,
) {
  return {
    byId: byIdLoader(
      (ids) => events.byIds(ids),
      (e) => e.id,
    ),
    registrationById: byIdLoader(
      (ids) => registrations.byIds(ids),
      (r) => r.id,
    ),
    topicById: byIdLoader(
      (ids) => topics.byIds(ids),
      (t) => t.id,
    ),
    registrationsByEvent: new HubLoader<number, EventRegistration[]>(async (ids) =>
      groupedInKeyOrder(ids, await registrations.byEventIds([...ids]), (r) => r.eventId),
    ),
    topicsByEvent: new HubLoader<number, TopicProposal[]>(async (ids) =>
      groupedInKeyOrder(ids, await topics.byEventIds([...ids]), (t) => t.eventId),
    ),
    waitlistPosition: new HubLoader<number, number | null>(async (ids) => {
      const positions = await registrations.waitlistPositions([...ids]);
      return ids.map((id) => positions.get(id) ?? null);
    }),
  };
}
