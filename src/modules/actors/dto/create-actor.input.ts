import { Field, ID, InputType, Int } from 'type-graphql';
import { ContactInfoInput, GeoPointInput } from '../../../graphql/relay.types';
import { DateScalar } from '../../../graphql/scalars';
import { ActorKind } from '../actor.entity';

// Field rules (lengths, URL, e-mail, phone, counts, kind-specific fields) are checked in
// actor.validation.ts, shared with the CSV import, so both report the same field names.
@InputType({
  description:
    'A new actor; the fields for one kind only (schoolType, memberCount, roleTitle, ...) are refused for others.',
})
export class CreateActorInput {
  @Field(() => ActorKind, { description: 'What kind of actor it is; cannot be changed later.' })
  kind: ActorKind;

  @Field({ description: 'Name, 2 to 200 characters.' })
  name: string;

  @Field(() => String, {
    nullable: true,
    description: 'What the actor does, up to 5000 characters.',
  })
  description?: string | null;

  @Field(() => ID, {
    description: 'The region it belongs to; the caller must coordinate it (or be ADMIN).',
  })
  regionId: string;

  @Field(() => [String], {
    nullable: true,
    description:
      'Topics (Themen), each up to 50 characters, at most 30; stored lower case without repeats.',
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
    description: "Public contact channel of the organisation; never a private person's data.",
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
    description: 'CLUB only: a registered association (e.V.); false when left out.',
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
    description: 'NETWORK_ROLE only, and required there: title of the role, 2 to 200 characters.',
  })
  roleTitle?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'NETWORK_ROLE only: the organisation that hosts the role, e.g. the Amt.',
  })
  hostedById?: string | null;
}
