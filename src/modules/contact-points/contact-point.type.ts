// GraphQL shapes of contact points, their hours and openings. Relations and computed fields
// (region, hostedBy, staffedBy, openNow, openings, icalUrl) are field resolvers.
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { connectionTypes, Node } from '../../graphql/relay.types';
import { Visibility } from '../shared/visibility';
import { ContactPointKind } from './contact-point.entity';

registerEnumType(ContactPointKind, {
  name: 'ContactPointKind',
  description: 'What kind of contact point (Anlaufstelle) it is.',
  valuesConfig: {
    CENTRAL_OFFICE: { description: 'The central office (zentrale Anlaufstelle).' },
    BRANCH_OFFICE: {
      description:
        'A regular office hour in a village, e.g. in a Dorfgemeinschaftshaus (Aussenstelle).',
    },
    REMOTE: { description: 'By phone or video.' },
  },
});

@ObjectType('OpeningRule', {
  description:
    'Recurring hours: an RFC 5545 RRULE for the days, and a wall-clock time span in Europe/Berlin.',
})
export class OpeningRuleType {
  @Field({ description: 'e.g. FREQ=WEEKLY;BYDAY=TU or FREQ=MONTHLY;BYDAY=1WE' })
  rrule: string;

  @Field({ description: 'Opening time HH:MM, wall clock in Europe/Berlin.' })
  opensAt: string;

  @Field({ description: 'Closing time HH:MM, wall clock in Europe/Berlin, after opensAt.' })
  closesAt: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day the rule applies; INTERVAL counts from it.',
  })
  validFrom: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day the rule applies.' })
  validUntil: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. im Dorfgemeinschaftshaus, Raum 2' })
  note: string | null;
}

@ObjectType('OpeningException', {
  description:
    'A day that differs from the rules: closed (a holiday, illness) or an extra opening.',
})
export class OpeningExceptionType {
  @Field(() => DateScalar, { description: 'The day (Europe/Berlin).' })
  date: string;

  @Field({
    description: 'Closed all day; otherwise open at opensAt-closesAt instead of the rules.',
  })
  closed: boolean;

  @Field(() => String, { nullable: true, description: 'HH:MM when not closed.' })
  opensAt: string | null;

  @Field(() => String, { nullable: true, description: 'HH:MM when not closed.' })
  closesAt: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. Feiertag, or Vertretung.' })
  note: string | null;
}

@ObjectType('Opening', { description: 'One concrete time a contact point is open.' })
export class OpeningType {
  @Field({ description: 'When it opens.' })
  startsAt: Date;

  @Field({ description: 'When it closes.' })
  endsAt: Date;

  @Field(() => String, { nullable: true, description: "The rule's or exception's note." })
  note: string | null;
}

@ObjectType('ContactPoint', {
  implements: Node,
  description: 'Where and when people can reach the coordination in person.',
})
export class ContactPointType extends Node {
  @Field(() => ContactPointKind, { description: 'Central office, branch office or remote.' })
  kind: ContactPointKind;

  @Field({ description: 'e.g. Sprechstunde im Dorfgemeinschaftshaus Oesterdeichstrich.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'What to expect there, in German.' })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address on one line.' })
  address: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Access notes, e.g. barrierefrei, Klingel links.',
  })
  accessibility: string | null;

  @Field(() => [OpeningRuleType], { description: 'The recurring hours.' })
  hours: OpeningRuleType[];

  @Field(() => [OpeningExceptionType], { description: 'Days that differ from the rules.' })
  exceptions: OpeningExceptionType[];

  @Field(() => Visibility, { description: 'Who may see it (PUBLIC or NETWORK).' })
  visibility: Visibility;

  @Field({ description: 'When it was created.' })
  createdAt: Date;

  @Field({ description: 'When it was last changed.' })
  updatedAt: Date;
}

export const { EdgeType: ContactPointEdge, ConnectionType: ContactPointConnection } =
  connectionTypes('ContactPoint', () => ContactPointType, 'contact points (Anlaufstellen)');
