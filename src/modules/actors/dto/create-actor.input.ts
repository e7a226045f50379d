import { Field, ID, InputType, Int } from 'type-graphql';
import { ContactInfoInput, GeoPointInput } from '../../../graphql/relay.types';
import { DateScalar } from '../../../graphql/scalars';
import { ActorKind } from '../actor.entity';

// Field rules (lengths, URL, e-mail, phone, counts, kind-specific fields) are checked in
// actor.validation.ts, shared with the CSV import, so both report the same field names.
@InputType()
export class CreateActorInput {
  @Field(() => ActorKind)
  kind: ActorKind;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ID)
  regionId: string;

  @Field(() => [String], { nullable: true })
  topics?: string[] | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => GeoPointInput, { nullable: true })
  location?: GeoPointInput | null;

  @Field(() => ContactInfoInput, { nullable: true })
  publicContact?: ContactInfoInput | null;

  @Field(() => String, { nullable: true })
  schoolType?: string | null;

  @Field(() => Int, { nullable: true })
  pupilCount?: number | null;

  @Field(() => Int, { nullable: true })
  memberCount?: number | null;

  @Field(() => Boolean, { nullable: true })
  registeredAssociation?: boolean | null;

  @Field(() => [String], { nullable: true })
  openBoardPositions?: string[] | null;

  @Field(() => DateScalar, { nullable: true })
  foundedOn?: string | null;

  @Field(() => String, { nullable: true })
  roleTitle?: string | null;

  @Field(() => ID, { nullable: true })
  hostedById?: string | null;
}
