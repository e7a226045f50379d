import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes, Node } from '../../graphql/relay.types';
import { DateScalar } from '../../graphql/scalars';
import { CooperationKind, CooperationStatus } from './cooperation.entity';

registerEnumType(CooperationKind, { name: 'CooperationKind' });
registerEnumType(CooperationStatus, { name: 'CooperationStatus' });

@ObjectType('Cooperation', {
  implements: Node,
  description: 'A cooperation between two or more actors.',
})
export class CooperationType extends Node {
  @Field(() => CooperationKind)
  kind: CooperationKind;

  @Field(() => CooperationStatus)
  status: CooperationStatus;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => DateScalar, { nullable: true })
  startedOn: string | null;

  @Field(() => DateScalar, { nullable: true })
  endedOn: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}

export const { EdgeType: CooperationEdge, ConnectionType: CooperationConnection } = connectionTypes(
  'Cooperation',
  () => CooperationType,
);
