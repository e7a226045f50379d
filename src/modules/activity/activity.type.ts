// The GraphQL shapes of the activity log. ActivityConnection pages both ways like every
// connection; it has no totalCount (the contract has none: what a caller may see of a subject
// is decided per row by the node() predicates, so a count would cost a full read).
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/relay.types';
import { ActivityType, ACTIVITY_TYPE_DESCRIPTIONS } from './activity-type';

registerEnumType(ActivityType, {
  name: 'ActivityType',
  description: 'What happened, in the activity log of the hub.',
  valuesConfig: Object.fromEntries(
    Object.entries(ACTIVITY_TYPE_DESCRIPTIONS).map(([k, description]) => [k, { description }]),
  ),
});

@ObjectType('Activity', {
  description: "One thing that happened in the network, in the hub's ordered log.",
})
export class ActivityObject {
  @Field(() => ActivityType, { description: 'What happened.' })
  type: ActivityType;

  @Field(() => Date, { description: 'When it was recorded (committed).' })
  occurredAt: Date;

  @Field({ description: "A short German sentence, free of private persons' data." })
  summary: string;
}

@ObjectType('ActivityEdge', { description: 'One activity of a page, with its cursor.' })
export class ActivityEdge {
  @Field({ description: 'Opaque position of this activity; pass it as `after` or `before`.' })
  cursor: string;

  @Field(() => ActivityObject, { description: 'The activity itself.' })
  node: ActivityObject;
}

@ObjectType('ActivityConnection', {
  description:
    'A page of activities, newest first (Relay cursor connection): first/after or last/before.',
})
export class ActivityConnection {
  @Field(() => [ActivityEdge], {
    description: 'The activities of this page, each with its cursor.',
  })
  edges: ActivityEdge[];

  @Field(() => [ActivityObject], { description: 'The activities of this page without cursors.' })
  nodes: ActivityObject[];

  @Field(() => PageInfo, {
    description: "Cursors of this page's ends and whether more activities come before or after it.",
  })
  pageInfo: PageInfo;
}
