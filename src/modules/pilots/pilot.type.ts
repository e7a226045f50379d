// GraphQL shape of a pilot profile. regions and openConsultationCount are field resolvers.
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay.types';
import { ExpertiseArea } from './expertise-area';

@ObjectType('Pilot', {
  implements: Node,
  description: "An Ehrenamtslotse: a volunteer expert who answers the network's harder questions.",
})
export class PilotType extends Node {
  @Field({ description: 'The name the pilot is shown with, e.g. Dr. Jens Hansen.' })
  displayName: string;

  @Field(() => [ExpertiseArea], { description: 'What the pilot answers questions about.' })
  areas: ExpertiseArea[];

  @Field(() => String, { nullable: true, description: 'A few words about the pilot, in German.' })
  bio: string | null;

  @Field(() => Int, {
    description: 'How many consultations the pilot takes on per calendar month.',
  })
  monthlyCapacity: number;

  @Field({ description: 'Whether the pilot takes on consultations at the moment.' })
  active: boolean;
}
