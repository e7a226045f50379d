import { ArrayMaxSize, IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { GeoPointInput, NearInput } from '../../../graphql/relay.types';
import { DateScalar } from '../../../graphql/scalars';
import { Visibility } from '../../shared/visibility';
import { ContactPointKind } from '../contact-point.entity';

@InputType('OpeningRuleInput', { description: 'Recurring hours: an RRULE and a wall-clock span.' })
export class OpeningRuleInput {
  @Field({ description: 'RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=TU; DAILY or coarser.' })
  rrule: string;

  @Field({ description: 'Opening time HH:MM in Europe/Berlin.' })
  opensAt: string;

  @Field({ description: 'Closing time HH:MM in Europe/Berlin, after opensAt.' })
  closesAt: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day the rule applies.' })
  validFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day the rule applies.' })
  validUntil?: string | null;

  @Field(() => String, { nullable: true, description: 'A short note, at most 200 characters.' })
  note?: string | null;
}

@InputType('OpeningExceptionInput', { description: 'A day closed, or opened at other times.' })
export class OpeningExceptionInput {
  @Field(() => DateScalar, { description: 'The day (Europe/Berlin).' })
  date: string;

  @Field({ description: 'Closed all day; otherwise give opensAt and closesAt.' })
  closed: boolean;

  @Field(() => String, { nullable: true, description: 'HH:MM when not closed.' })
  opensAt?: string | null;

  @Field(() => String, { nullable: true, description: 'HH:MM when not closed.' })
  closesAt?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. Feiertag.' })
  note?: string | null;
}

@InputType('ContactPointFilter', { description: 'Which contact points to list.' })
export class ContactPointFilterInput {
  @Field(() => ID, { nullable: true, description: 'Includes every region below it.' })
  regionId?: string | null;

  @Field(() => [ContactPointKind], { nullable: true, description: 'Only these kinds.' })
  kinds?: ContactPointKind[] | null;

  @Field(() => NearInput, { nullable: true, description: 'Only those within this radius.' })
  near?: NearInput | null;

  @Field(() => Date, { nullable: true, description: 'Only those open at this instant.' })
  openAt?: Date | null;
}

@InputType('CreateContactPointInput', { description: 'A new contact point with its hours.' })
export class CreateContactPointInput {
  @Field(() => ContactPointKind, { description: 'Central office, branch office or remote.' })
  kind: ContactPointKind;

  @Field({ description: 'Name, 1 to 200 characters.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'What to expect there.' })
  description?: string | null;

  @Field(() => ID, { description: 'The region it serves.' })
  regionId: string;

  @Field(() => String, { nullable: true, description: 'Postal address on one line.' })
  address?: string | null;

  @Field(() => GeoPointInput, { nullable: true, description: 'Where it is on the map.' })
  location?: GeoPointInput | null;

  @Field(() => ID, { nullable: true, description: 'The actor whose premises host it.' })
  hostedById?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Actors (network roles) who staff it.' })
  @IsOptional()
  @ArrayMaxSize(20)
  staffedByIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Access notes.' })
  accessibility?: string | null;

  @Field(() => [OpeningRuleInput], { description: 'The recurring hours, at most 20 rules.' })
  hours: OpeningRuleInput[];

  @Field(() => [OpeningExceptionInput], { nullable: true, description: 'Days that differ.' })
  exceptions?: OpeningExceptionInput[] | null;

  @Field(() => Visibility, {
    nullable: true,
    defaultValue: Visibility.PUBLIC,
    description: 'Who may see it.',
  })
  visibility?: Visibility | null;
}

@InputType('UpdateContactPointInput', { description: 'Only the fields to change.' })
export class UpdateContactPointInput {
  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New description.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'New address.' })
  address?: string | null;

  @Field(() => GeoPointInput, { nullable: true, description: 'New location.' })
  location?: GeoPointInput | null;

  @Field(() => ID, { nullable: true, description: 'New host actor.' })
  hostedById?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the staffing actors.' })
  @IsOptional()
  @ArrayMaxSize(20)
  staffedByIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'New access notes.' })
  accessibility?: string | null;

  @Field(() => [OpeningRuleInput], { nullable: true, description: 'Replaces the hours.' })
  hours?: OpeningRuleInput[] | null;

  @Field(() => [OpeningExceptionInput], { nullable: true, description: 'Replaces the exceptions.' })
  exceptions?: OpeningExceptionInput[] | null;

  @Field(() => Visibility, { nullable: true, description: 'New visibility.' })
  visibility?: Visibility | null;
}
