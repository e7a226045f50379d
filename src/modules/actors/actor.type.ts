// GraphQL shapes of actors: the Actor interface and its five object types. Field resolvers for
// the shared fields live on the interface resolver (actor.resolver.ts) and are inherited.
import { Field, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes, Node } from '../../graphql/relay.types';
import { DateScalar } from '../../graphql/scalars';
import { ActorKind } from './actor.entity';

registerEnumType(ActorKind, { name: 'ActorKind' });

@InterfaceType('Actor', {
  implements: Node,
  description: 'An organisation or role that takes part in regional engagement.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class ActorInterface extends Node {
  @Field(() => ActorKind)
  kind: ActorKind;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => [String])
  topics: string[];

  @Field(() => String, { nullable: true })
  website: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}

@ObjectType('School', { implements: [ActorInterface, Node] })
export class SchoolType extends ActorInterface {
  @Field(() => String, {
    nullable: true,
    description: 'e.g. Grundschule, Gemeinschaftsschule, Gymnasium',
  })
  schoolType: string | null;

  @Field(() => Int, { nullable: true })
  pupilCount: number | null;
}

@ObjectType('Club', { implements: [ActorInterface, Node] })
export class ClubType extends ActorInterface {
  @Field(() => Int, { nullable: true })
  memberCount: number | null;

  @Field({ description: 'Registered association (e.V.)' })
  registeredAssociation: boolean;

  @Field(() => [String], {
    description: 'Board positions (Vorstandsposten) that need a successor.',
  })
  openBoardPositions: string[];
}

@ObjectType('Initiative', { implements: [ActorInterface, Node] })
export class InitiativeType extends ActorInterface {
  @Field(() => DateScalar, { nullable: true })
  foundedOn: string | null;
}

@ObjectType('NetworkRole', {
  implements: [ActorInterface, Node],
  description:
    'A coordinating role such as Ehrenamtskoordinator, Schulkoordinatorin or Bildungsmanagerin.',
})
export class NetworkRoleType extends ActorInterface {
  @Field()
  roleTitle: string;
}

@ObjectType('Organization', {
  implements: [ActorInterface, Node],
  description:
    'Every other kind of actor: municipality, volunteer agency, company, foundation, advisory board, fire brigade, religious community.',
})
export class OrganizationType extends ActorInterface {}

export const { EdgeType: ActorEdge, ConnectionType: ActorConnection } = connectionTypes(
  'Actor',
  () => ActorInterface,
);
