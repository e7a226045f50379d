import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { GeoPointInput } from '../../../graphql/relay.types';
import { Visibility } from '../../shared/visibility';
import { EventKind } from '../event.entity';

@InputType('EventFilter', { description: 'Which events to list; conditions combine with AND.' })
export class EventFilterInput {
  @Field(() => ID, { nullable: true, description: 'Includes every region below it.' })
  regionId?: string | null;

  @Field(() => [EventKind], { nullable: true, description: 'Only these kinds.' })
  kinds?: EventKind[] | null;

  @Field(() => [String], { nullable: true, description: 'Only events with any of these topics.' })
  @IsOptional()
  @ArrayMaxSize(20)
  topics?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Only events of this organizer.' })
  organizerId?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Events that end after this instant; default: now.',
  })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Events that start before this instant.' })
  until?: Date | null;

  @Field(() => String, { nullable: true, description: 'Text in title or description.' })
  @IsOptional()
  @MaxLength(200)
  text?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Also cancelled events.',
  })
  includeCancelled?: boolean | null;
}

@InputType('CreateEventInput', { description: 'A new event, or a recurring series of them.' })
export class CreateEventInput {
  @Field(() => EventKind, { description: 'Stammtisch, workshop, ...' })
  kind: EventKind;

  @Field({ description: 'Title, 1 to 200 characters.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'What it is about.' })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'Keywords, at most 30.' })
  topics?: string[] | null;

  @Field(() => ID, { description: 'The organizing actor.' })
  organizerId: string;

  @Field(() => ID, { nullable: true, description: "Defaults to the organizer's region." })
  regionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Where, on one line.' })
  venue?: string | null;

  @Field(() => GeoPointInput, { nullable: true, description: 'Where on the map.' })
  location?: GeoPointInput | null;

  @Field(() => ID, { nullable: true, description: 'The contact point it takes place at.' })
  contactPointId?: string | null;

  @Field({ description: 'When it starts (the first occurrence of a series).' })
  startsAt: Date;

  @Field({ description: 'When it ends.' })
  endsAt: Date;

  @Field(() => Int, { nullable: true, description: 'Seats; none for no limit.' })
  capacity?: number | null;

  @Field(() => Date, { nullable: true, description: 'Until when registrations are taken.' })
  registrationDeadline?: Date | null;

  @Field(() => Visibility, {
    nullable: true,
    defaultValue: Visibility.PUBLIC,
    description: 'Who may see it.',
  })
  visibility?: Visibility | null;

  @Field(() => String, {
    nullable: true,
    description:
      "RFC 5545 RRULE: creates the series' occurrences up to 12 months ahead (at most 60), each an Event.",
  })
  recurrence?: string | null;
}

@InputType('UpdateEventInput', { description: 'Only the fields to change.' })
export class UpdateEventInput {
  @Field(() => String, { nullable: true, description: 'New title.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'New description.' })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the topics.' })
  topics?: string[] | null;

  @Field(() => String, { nullable: true, description: 'New venue.' })
  venue?: string | null;

  @Field(() => GeoPointInput, { nullable: true, description: 'New location.' })
  location?: GeoPointInput | null;

  @Field(() => ID, { nullable: true, description: 'New contact point.' })
  contactPointId?: string | null;

  @Field(() => Date, { nullable: true, description: 'New start.' })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'New end.' })
  endsAt?: Date | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Raising it promotes waitlisted registrations in order; lowering it below the registered seats is a CONFLICT.',
  })
  capacity?: number | null;

  @Field(() => Date, { nullable: true, description: 'New registration deadline.' })
  registrationDeadline?: Date | null;

  @Field(() => Visibility, { nullable: true, description: 'New visibility.' })
  visibility?: Visibility | null;
}

@InputType('RegisterForEventInput', {
  description:
    'Either actorId (signed in, acting for that actor) or name, email and consent (anyone).',
})
export class RegisterForEventInput {
  @Field(() => ID, { description: 'The event.' })
  eventId: string;

  @Field(() => ID, { nullable: true, description: 'Register this actor (signed in).' })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: "A private person's name." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "A private person's e-mail." })
  email?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 1, description: 'Seats, 1 to 10.' })
  seats?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Consent to store name and e-mail.' })
  consent?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description:
      'Put the registration on the waitlist when the seats are taken, instead of refusing it.',
  })
  joinWaitlist?: boolean | null;
}

@InputType('ProposeTopicInput', { description: 'A topic for an event.' })
export class ProposeTopicInput {
  @Field(() => ID, { description: 'The event.' })
  eventId: string;

  @Field({ description: 'The topic, 1 to 200 characters.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'More about it.' })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'Propose it for this actor.' })
  actorId?: string | null;
}
