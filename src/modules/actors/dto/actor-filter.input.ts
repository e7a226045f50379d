import { Field, ID, InputType } from 'type-graphql';
import { NearInput } from '../../../graphql/relay.types';
import { ActorKind } from '../actor.entity';

@InputType({ description: 'Which actors to list; conditions combine with AND.' })
export class ActorFilter {
  @Field(() => ID, { nullable: true, description: 'Includes every region below it.' })
  regionId?: string | null;

  @Field(() => [ActorKind], { nullable: true, description: 'Only actors of these kinds.' })
  kinds?: ActorKind[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Actors with ANY of these topics (overlap); combine with other filters to narrow down.',
  })
  topics?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Full-text search (German stemming) over name, description and topics.',
  })
  text?: string | null;

  @Field(() => NearInput, {
    nullable: true,
    description: 'Only actors with a location within this radius.',
  })
  near?: NearInput | null;
}
