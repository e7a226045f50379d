import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes, Node } from '../../graphql/relay.types';
import { Visibility } from '../shared/visibility';
import { OfferKind } from './offer.entity';

registerEnumType(OfferKind, {
  name: 'OfferKind',
  description: 'What an offer (Angebot) shares.',
  valuesConfig: {
    HELPERS: { description: 'People who lend a hand (Helfende).' },
    EQUIPMENT: { description: 'Things to lend (Ausstattung), e.g. a tent or a sound system.' },
    ROOM: { description: 'A room or place to use (Raum).' },
    EXPERTISE: { description: 'Know-how to share (Fachwissen).' },
    TRANSPORT: { description: 'A ride or a vehicle (Transport), e.g. a Kleinbus.' },
    OTHER: { description: 'Anything else.' },
  },
});

@ObjectType('Offer', {
  implements: Node,
  description: 'Something an actor can share: equipment to lend, a room, skills, transport.',
})
export class OfferType extends Node {
  @Field(() => OfferKind, { description: 'What is offered.' })
  kind: OfferKind;

  @Field({ description: 'Short title, e.g. Kleinbus für Ausflüge.' })
  title: string;

  @Field(() => String, { nullable: true, description: "Details in the actor's own words." })
  description: string | null;

  @Field(() => Int, { nullable: true, description: 'How many, in `unit`, where it is countable.' })
  quantity: number | null;

  @Field(() => String, { nullable: true, description: 'What is counted, e.g. Sitzplätze.' })
  unit: string | null;

  @Field(() => [String], {
    description: 'Free keywords (Schlagwörter), lower case; shared tags make a match with a need.',
  })
  tags: string[];

  @Field(() => Visibility, {
    description: 'Who may see it: PUBLIC offers anyone, NETWORK offers signed-in partners only.',
  })
  visibility: Visibility;

  @Field(() => Date, { nullable: true, description: 'From when it is available, where limited.' })
  availableFrom: Date | null;

  @Field(() => Date, { nullable: true, description: 'Until when it is available, where limited.' })
  availableUntil: Date | null;

  @Field({ description: 'False once withdrawn; lists show active offers only.' })
  active: boolean;

  @Field(() => Date, { description: 'When the offer was published.' })
  createdAt: Date;
}

export const { EdgeType: OfferEdge, ConnectionType: OfferConnection } = connectionTypes(
  'Offer',
  () => OfferType,
  'offers (Angebote)',
);

@ObjectType('NeedMatch', {
  description: 'An offer that could cover a need, with how well it fits and why.',
})
export class NeedMatchType {
  @Field(() => OfferType, { description: 'The matching offer.' })
  offer: unknown;

  @Field(() => Float, {
    description: 'How well it fits, 0 to 1: kind, shared tags, distance, dates and quantity.',
  })
  score: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Distance between need and offer in kilometres, when both have a location.',
  })
  distanceKm: number | null;

  @Field(() => [String], { description: 'Readable German reasons, e.g. Passende Art: Raum.' })
  reasons: string[];
}
