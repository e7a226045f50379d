import { Field, ID, InputType, Int } from 'type-graphql';
import { ContactInfoInput, GeoPointInput } from '../../../graphql/relay.types';
import { DateScalar } from '../../../graphql/scalars';

/** Only the given fields change; null clears an optional field. */
@InputType({
  description:
    'Changes to an actor: only the fields given are changed, null clears an optional one; its kind stays.',
})
export class UpdateActorInput {
  @Field(() => String, { nullable: true, description: 'Name, 2 to 200 characters.' })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'What the actor does, up to 5000 characters.',
  })
  description?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Moves it to another region, which the caller must coordinate too.',
  })
  regionId?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Topics (Themen), replacing the old ones; each up to 50 characters, at most 30.',
  })
  topics?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Website, an http(s) URL of up to 500 characters.',
  })
  website?: string | null;

  @Field(() => GeoPointInput, { nullable: true, description: 'Where it is on the map.' })
  location?: GeoPointInput | null;

  @Field(() => ContactInfoInput, {
    nullable: true,
    description: "Public contact channel, replacing the old one; never a private person's data.",
  })
  publicContact?: ContactInfoInput | null;

  @Field(() => String, {
    nullable: true,
    description: 'SCHOOL only: type of school, e.g. Grundschule.',
  })
  schoolType?: string | null;

  @Field(() => Int, { nullable: true, description: 'SCHOOL only: number of pupils.' })
  pupilCount?: number | null;

  @Field(() => Int, { nullable: true, description: 'CLUB only: number of members.' })
  memberCount?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'CLUB only: a registered association (e.V.).',
  })
  registeredAssociation?: boolean | null;

  @Field(() => [String], {
    nullable: true,
    description: 'CLUB only: board positions (Vorstandsposten) that need a successor.',
  })
  openBoardPositions?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'INITIATIVE only: when it started.' })
  foundedOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'NETWORK_ROLE only: title of the role, 2 to 200 characters.',
  })
  roleTitle?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'NETWORK_ROLE only: the organisation that hosts the role.',
  })
  hostedById?: string | null;
}
