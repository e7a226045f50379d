// GraphQL shapes of events, registrations and topic proposals. Relations and derived fields are
// field resolvers (event.resolver.ts, registration.resolver.ts).
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes, Node } from '../../graphql/relay.types';
import { Visibility } from '../shared/visibility';
import { EventKind, EventStatus } from './event.entity';
import { RegistrationStatus } from './event-registration.entity';

registerEnumType(EventKind, {
  name: 'EventKind',
  description: 'What kind of event (Veranstaltung) it is.',
  valuesConfig: {
    STAMMTISCH: { description: 'An informal network meeting (Ehrenamtsstammtisch).' },
    WORKSHOP: { description: 'A regional workshop.' },
    INFO_EVENT: { description: 'An information event (Informationsveranstaltung).' },
    TRAINING: { description: 'A training (Schulung).' },
    NETWORK_MEETING: { description: 'A meeting of the network (Netzwerktreffen).' },
    OTHER: { description: 'Anything else.' },
  },
});
registerEnumType(EventStatus, {
  name: 'EventStatus',
  description: 'Whether an event takes place.',
  valuesConfig: {
    SCHEDULED: { description: 'It takes place as planned.' },
    CANCELLED: { description: 'Cancelled (abgesagt); registrations were told.' },
  },
});
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'Where a registration (Anmeldung) stands.',
  valuesConfig: {
    UNCONFIRMED: {
      description:
        "A private person's registration whose e-mail is not confirmed yet; holds its seats for 48 hours.",
    },
    CONFIRMED: { description: 'Holds its seats.' },
    WAITLISTED: { description: 'Waits for seats (Warteliste); moves up in order.' },
    CANCELLED: { description: 'Cancelled or lapsed; its seats are free again.' },
    ATTENDED: { description: 'Took part (after the event).' },
    NO_SHOW: { description: 'Did not come (after the event).' },
  },
});

@ObjectType('Event', {
  implements: Node,
  description: 'An event of the network: a Stammtisch, a workshop, an information evening.',
})
export class EventType extends Node {
  @Field(() => EventKind, { description: 'Stammtisch, workshop, information event, ...' })
  kind: EventKind;

  @Field({ description: 'e.g. Ehrenamtsstammtisch im März.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'What it is about, in German.' })
  description: string | null;

  @Field(() => [String], { description: 'Keywords, lower case, e.g. vereinsrecht.' })
  topics: string[];

  @Field(() => String, { nullable: true, description: 'Where, e.g. Dorfgemeinschaftshaus.' })
  venue: string | null;

  @Field({ description: 'When it starts.' })
  startsAt: Date;

  @Field({ description: 'When it ends.' })
  endsAt: Date;

  @Field(() => Int, { nullable: true, description: 'null: no limit.' })
  capacity: number | null;

  @Field(() => Int, {
    description: 'Seats held by UNCONFIRMED, CONFIRMED and ATTENDED registrations.',
  })
  registeredSeats: number;

  @Field(() => Int, { description: 'Seats asked for by WAITLISTED registrations.' })
  waitlistedSeats: number;

  @Field(() => Date, { nullable: true, description: 'Until when registrations are taken.' })
  registrationDeadline: Date | null;

  @Field(() => EventStatus, { description: 'Scheduled or cancelled.' })
  status: EventStatus;

  @Field(() => Visibility, { description: 'Who may see it (PUBLIC or NETWORK).' })
  visibility: Visibility;

  @Field({ description: 'When it was created.' })
  createdAt: Date;

  @Field({ description: 'When it was last changed.' })
  updatedAt: Date;
}

export const { EdgeType: EventEdge, ConnectionType: EventConnection } = connectionTypes(
  'Event',
  () => EventType,
  'events (Veranstaltungen)',
);

@ObjectType('EventRegistration', {
  implements: Node,
  description: 'A registration (Anmeldung) for an event, by an actor or a private person.',
})
export class EventRegistrationType extends Node {
  @Field(() => Int, { description: 'How many seats it asks for.' })
  seats: number;

  @Field(() => RegistrationStatus, { description: 'Where it stands.' })
  status: RegistrationStatus;

  @Field({ description: 'When it was made.' })
  createdAt: Date;
}

@ObjectType('TopicProposal', {
  implements: Node,
  description: 'A topic proposed for an event, with its votes.',
})
export class TopicProposalType extends Node {
  @Field({ description: 'The topic, e.g. Datenschutz im Verein.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'More about it.' })
  description: string | null;

  @Field(() => Int, { description: 'How many actors and accounts voted for it.' })
  votes: number;

  @Field({ description: 'When it was proposed.' })
  createdAt: Date;
}
