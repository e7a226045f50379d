// GraphQL shapes of needs and pledges. Relations and derived fields are field resolvers
// (need.resolver.ts, pledge.resolver.ts) that load through the per-request loaders.
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes, Node } from '../../graphql/relay.types';
import { Visibility } from '../shared/visibility';
import { NeedKind, NeedStatus, Urgency } from './need.entity';
import { PledgeStatus } from './pledge.entity';

registerEnumType(NeedKind, { name: 'NeedKind' });
registerEnumType(NeedStatus, { name: 'NeedStatus' });
registerEnumType(Urgency, { name: 'Urgency' });
registerEnumType(PledgeStatus, { name: 'PledgeStatus' });

@ObjectType('Need', {
  implements: Node,
  description:
    'Something an actor is looking for: helpers for a date, equipment, a room, expertise.',
})
export class NeedType extends Node {
  @Field(() => NeedKind)
  kind: NeedKind;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => Int)
  quantity: number;

  @Field(() => String, { nullable: true, description: 'e.g. Helfer, Biertischgarnituren' })
  unit: string | null;

  @Field(() => Int, {
    description: 'Sum of the quantities of pledges that are pending or confirmed.',
  })
  pledgedQuantity: number;

  @Field(() => NeedStatus)
  status: NeedStatus;

  @Field(() => Urgency)
  urgency: Urgency;

  @Field(() => Visibility)
  visibility: Visibility;

  @Field(() => [String])
  tags: string[];

  @Field(() => Date, { nullable: true })
  startsAt: Date | null;

  @Field(() => Date, { nullable: true })
  endsAt: Date | null;

  @Field(() => Date, { nullable: true })
  deadline: Date | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}

export const { EdgeType: NeedEdge, ConnectionType: NeedConnection } = connectionTypes(
  'Need',
  () => NeedType,
);

@ObjectType('Pledge', {
  implements: Node,
  description: 'A promise to cover part of a need, by an actor or by a private volunteer.',
})
export class PledgeType extends Node {
  @Field(() => Int)
  quantity: number;

  @Field(() => PledgeStatus)
  status: PledgeStatus;

  @Field(() => Date)
  createdAt: Date;
}
