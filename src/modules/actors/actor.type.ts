// GraphQL shapes of actors: the Actor interface and its five object types. Field resolvers for
// the shared fields live on the interface resolver (actor.resolver.ts) and are inherited.
import { Field, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes, Node } from '../../graphql/relay.types';
import { DateScalar } from '../../graphql/scalars';
import { ActorKind } from './actor.entity';

registerEnumType(ActorKind, {
  name: 'ActorKind',
  description: 'Kinds of actors (Akteure) in regional engagement.',
  valuesConfig: {
    SCHOOL: { description: 'A school (Schule).' },
    CLUB: { description: 'A club (Verein), e.g. a sports club or a Heimatverein.' },
    INITIATIVE: { description: "A citizens' initiative or informal group (Initiative)." },
    NETWORK_ROLE: { description: 'A coordinating role, e.g. Ehrenamtskoordinatorin.' },
    MUNICIPALITY: { description: 'A municipality or Amt as an actor (Gemeinde, Amtsverwaltung).' },
    VOLUNTEER_AGENCY: { description: 'A volunteer agency (Freiwilligenagentur).' },
    COMPANY: { description: 'A company (Unternehmen).' },
    FOUNDATION: { description: 'A foundation (Stiftung).' },
    ADVISORY_BOARD: { description: 'An advisory board (Beirat), e.g. a Seniorenbeirat.' },
    FIRE_BRIGADE: { description: 'A volunteer fire brigade (Freiwillige Feuerwehr).' },
    RELIGIOUS_COMMUNITY: { description: 'A religious community, e.g. a Kirchengemeinde.' },
    OTHER: { description: 'Any other kind of actor.' },
  },
});

@InterfaceType('Actor', {
  implements: Node,
  description: 'An organisation or role that takes part in regional engagement.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class ActorInterface extends Node {
  @Field(() => ActorKind, {
    description: 'What kind of actor it is; decides its object type (School, Club, ...).',
  })
  kind: ActorKind;

  @Field({ description: 'Name as the actor itself writes it, e.g. Sportverein Büsum.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'What the actor does, in its own words.' })
  description: string | null;

  @Field(() => [String], {
    description: 'Topics (Themen) it works on, lower case, e.g. jugend, sport, senioren.',
  })
  topics: string[];

  @Field(() => String, { nullable: true, description: 'Its website, an http(s) URL.' })
  website: string | null;

  @Field(() => Date, { description: 'When the actor was added to the hub.' })
  createdAt: Date;

  @Field(() => Date, { description: 'When the actor was last changed.' })
  updatedAt: Date;
}

@ObjectType('School', {
  implements: [ActorInterface, Node],
  description: 'A school (Schule) of any type.',
})
export class SchoolType extends ActorInterface {
  @Field(() => String, {
    nullable: true,
    description: 'e.g. Grundschule, Gemeinschaftsschule, Gymnasium',
  })
  schoolType: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of pupils (Schülerzahl), where known.' })
  pupilCount: number | null;
}

@ObjectType('Club', {
  implements: [ActorInterface, Node],
  description: 'A club (Verein), registered (e.V.) or not.',
})
export class ClubType extends ActorInterface {
  @Field(() => Int, { nullable: true, description: 'Number of members (Mitglieder), where known.' })
  memberCount: number | null;

  @Field({ description: 'Registered association (e.V.)' })
  registeredAssociation: boolean;

  @Field(() => [String], {
    description: 'Board positions (Vorstandsposten) that need a successor.',
  })
  openBoardPositions: string[];
}

@ObjectType('Initiative', {
  implements: [ActorInterface, Node],
  description: "A citizens' initiative (Bürgerinitiative) or informal group without a legal form.",
})
export class InitiativeType extends ActorInterface {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'When the initiative started, where known.',
  })
  foundedOn: string | null;
}

@ObjectType('NetworkRole', {
  implements: [ActorInterface, Node],
  description:
    'A coordinating role such as Ehrenamtskoordinator, Schulkoordinatorin or Bildungsmanagerin.',
})
export class NetworkRoleType extends ActorInterface {
  @Field({ description: 'Title of the role, e.g. Ehrenamtskoordinatorin.' })
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
  'actors (Akteure)',
);
