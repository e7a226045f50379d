import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes, Node } from '../../graphql/relay.types';
import { Visibility } from '../shared/visibility';
import { OfferKind } from './offer.entity';

registerEnumType(OfferKind, { name: 'OfferKind' });

@ObjectType('Offer', {
  implements: Node,
  description: 'Something an actor can share: equipment to lend, a room, skills, transport.',
})
export class OfferType extends Node {
  @Field(() => OfferKind)
  kind: OfferKind;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => Int, { nullable: true })
  quantity: number | null;

  @Field(() => String, { nullable: true })
  unit: string | null;

  @Field(() => [String])
  tags: string[];

  @Field(() => Visibility)
  visibility: Visibility;

  @Field(() => Date, { nullable: true })
  availableFrom: Date | null;

  @Field(() => Date, { nullable: true })
  availableUntil: Date | null;

  @Field()
  active: boolean;

  @Field(() => Date)
  createdAt: Date;
}

export const { EdgeType: OfferEdge, ConnectionType: OfferConnection } = connectionTypes(
  'Offer',
  () => OfferType,
);

@ObjectType('NeedMatch')
export class NeedMatchType {
  @Field(() => OfferType)
  offer: unknown;

  @Field(() => Float)
  score: number;

  @Field(() => Float, { nullable: true })
  distanceKm: number | null;

  @Field(() => [String])
  reasons: string[];
}
