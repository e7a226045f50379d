// GraphQL shapes of needs and pledges. Relations and derived fields are field resolvers
// (need.resolver.ts, pledge.resolver.ts) that load through the per-request loaders.
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes, Node } from '../../graphql/relay.types';
import { Visibility } from '../shared/visibility';
import { NeedKind, NeedStatus, Urgency } from './need.entity';
import { PledgeStatus } from './pledge.entity';

registerEnumType(NeedKind, {
  name: 'NeedKind',
  description: 'What a need (Bedarf) asks for.',
  valuesConfig: {
    HELPERS: { description: 'People who lend a hand (Helfende), e.g. at a festival.' },
    EQUIPMENT: { description: 'Things to borrow (Ausstattung), e.g. beer tables or a tent.' },
    ROOM: { description: 'A room or place (Raum), e.g. for a meeting.' },
    EXPERTISE: { description: 'Know-how (Fachwissen), e.g. tax advice for a club.' },
    TRANSPORT: { description: 'A ride or a vehicle (Transport, Fahrdienst).' },
    FUNDING: { description: 'Money (Förderung, Spenden).' },
    BOARD_POSITION: { description: 'Someone for a board position (Vorstandsamt).' },
    OTHER: { description: 'Anything else.' },
  },
});
registerEnumType(NeedStatus, {
  name: 'NeedStatus',
  description: 'Where a need stands.',
  valuesConfig: {
    OPEN: { description: 'Still missing something; pledges are welcome.' },
    FILLED: { description: 'Fully pledged; reopens when a pledge is withdrawn or declined.' },
    CLOSED: { description: 'Closed by its editors before or after it was filled.' },
    EXPIRED: { description: 'Its deadline or end passed while it was open.' },
    DRAFT: {
      description:
        'Created from a survey answer; hidden from everyone but coordinators until published.',
    },
  },
});
registerEnumType(Urgency, {
  name: 'Urgency',
  description: 'How urgent a need is (Dringlichkeit).',
  valuesConfig: {
    LOW: { description: 'Whenever it suits.' },
    NORMAL: { description: 'The usual.' },
    HIGH: { description: 'Urgent (dringend); shown as such while the need is open.' },
  },
});
registerEnumType(PledgeStatus, {
  name: 'PledgeStatus',
  description: 'Where a pledge (Zusage) stands.',
  valuesConfig: {
    PENDING: { description: "Made, not yet confirmed by the need's editors; counts as pledged." },
    CONFIRMED: { description: "Confirmed by the need's editors; counts as pledged." },
    DECLINED: { description: "Declined by the need's editors; its quantity is free again." },
    WITHDRAWN: { description: 'Taken back; its quantity is free again.' },
  },
});

@ObjectType('Need', {
  implements: Node,
  description:
    'Something an actor is looking for: helpers for a date, equipment, a room, expertise.',
})
export class NeedType extends Node {
  @Field(() => NeedKind, {
    description: 'What is needed: helpers, equipment, a room, expertise, ...',
  })
  kind: NeedKind;

  @Field({ description: 'Short title, e.g. Helfende für das Hafenfest.' })
  title: string;

  @Field(() => String, { nullable: true, description: "Details in the actor's own words." })
  description: string | null;

  @Field(() => Int, { description: 'How many are needed, in `unit` (e.g. 6 helpers).' })
  quantity: number;

  @Field(() => String, { nullable: true, description: 'e.g. Helfer, Biertischgarnituren' })
  unit: string | null;

  @Field(() => Int, {
    description: 'Sum of the quantities of pledges that are pending or confirmed.',
  })
  pledgedQuantity: number;

  @Field(() => NeedStatus, {
    description: 'Open, filled, closed or expired; follows the pledges and the dates.',
  })
  status: NeedStatus;

  @Field(() => Urgency, { description: 'How urgent the actor says it is.' })
  urgency: Urgency;

  @Field(() => Visibility, {
    description: 'Who may see it: PUBLIC needs anyone, NETWORK needs signed-in partners only.',
  })
  visibility: Visibility;

  @Field(() => [String], {
    description: 'Free keywords (Schlagwörter), lower case, e.g. fest, hafen.',
  })
  tags: string[];

  @Field(() => Date, {
    nullable: true,
    description: 'When the help starts, for a need with a date.',
  })
  startsAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the help ends; an OPEN need expires after it.',
  })
  endsAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Until when pledges are wanted; an OPEN need expires after it.',
  })
  deadline: Date | null;

  @Field(() => Date, { description: 'When the need was opened.' })
  createdAt: Date;

  @Field(() => Date, { description: 'When the need was last changed.' })
  updatedAt: Date;
}

export const { EdgeType: NeedEdge, ConnectionType: NeedConnection } = connectionTypes(
  'Need',
  () => NeedType,
  'needs (Bedarfe)',
);

@ObjectType('Pledge', {
  implements: Node,
  description: 'A promise to cover part of a need, by an actor or by a private volunteer.',
})
export class PledgeType extends Node {
  @Field(() => Int, { description: "How much of the need it covers, in the need's unit." })
  quantity: number;

  @Field(() => PledgeStatus, {
    description:
      "Pending until the need's editors confirm or decline it; withdrawn when taken back.",
  })
  status: PledgeStatus;

  @Field(() => Date, { description: 'When the pledge was made.' })
  createdAt: Date;
}
