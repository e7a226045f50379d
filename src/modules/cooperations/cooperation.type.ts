import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes, Node } from '../../graphql/relay.types';
import { DateScalar } from '../../graphql/scalars';
import { CooperationKind, CooperationStatus } from './cooperation.entity';

registerEnumType(CooperationKind, {
  name: 'CooperationKind',
  description: 'Kinds of cooperation (Kooperation) between actors.',
  valuesConfig: {
    PARTNERSHIP: { description: 'A standing partnership (Partnerschaft).' },
    SCHOOL_COOPERATION: {
      description:
        'A school works with an outside partner (Schulkooperation), e.g. in the Ganztag.',
    },
    SHARED_PROJECT: { description: 'A project the partners run together (gemeinsames Projekt).' },
    SPONSORSHIP: { description: 'One partner sponsors another (Förderung, Sponsoring).' },
    UMBRELLA_MEMBERSHIP: {
      description:
        'Membership in an umbrella organisation (Dachverband), e.g. a Kreissportverband.',
    },
    RESOURCE_SHARING: {
      description: 'The partners share rooms, equipment or vehicles (Ressourcen teilen).',
    },
  },
});
registerEnumType(CooperationStatus, {
  name: 'CooperationStatus',
  description: 'Where a cooperation stands.',
  valuesConfig: {
    PROPOSED: { description: 'Suggested, not yet agreed; shown to signed-in callers only.' },
    ACTIVE: { description: 'Agreed and running.' },
    ENDED: { description: 'Over; kept for the history of the network.' },
  },
});

@ObjectType('Cooperation', {
  implements: Node,
  description: 'A cooperation between two or more actors.',
})
export class CooperationType extends Node {
  @Field(() => CooperationKind, { description: 'What kind of cooperation it is.' })
  kind: CooperationKind;

  @Field(() => CooperationStatus, {
    description:
      'Whether it is proposed, active or ended; PROPOSED ones are shown to signed-in callers only.',
  })
  status: CooperationStatus;

  @Field({ description: 'Short title, e.g. Ganztagsangebot Schwimmen.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'What the partners do together.' })
  description: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it began, where known.' })
  startedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it ended, where known.' })
  endedOn: string | null;

  @Field(() => Date, { description: 'When it was added to the hub.' })
  createdAt: Date;

  @Field(() => Date, { description: 'When it was last changed.' })
  updatedAt: Date;
}

export const { EdgeType: CooperationEdge, ConnectionType: CooperationConnection } = connectionTypes(
  'Cooperation',
  () => CooperationType,
  'cooperations (Kooperationen)',
);
