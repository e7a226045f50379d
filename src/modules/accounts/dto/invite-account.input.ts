import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../../../graphql/viewer';

@InputType({ description: 'A person to invite by e-mail; they sign in through the mailed link.' })
export class InviteAccountInput {
  @Field({ description: 'Their e-mail address; one account per address, in any case.' })
  @MaxLength(320)
  email: string;

  @Field({ description: 'The name shown for them, 1 to 200 characters.' })
  @MaxLength(400)
  displayName: string;

  @Field(() => Role, { description: 'Their role; coordinators may invite MEMBER and PILOT.' })
  role: Role;

  @Field(() => [ID], { nullable: true, description: 'Actors they act for (MEMBER needs one).' })
  @IsOptional()
  @ArrayMaxSize(100)
  actorIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Regions they coordinate (COORDINATOR needs one), each with everything below.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  regionIds?: string[] | null;
}
