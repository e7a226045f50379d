import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A pledge of an actor for part of a need.' })
export class PledgeInput {
  @Field(() => ID, { description: 'The need to cover part of; it must be OPEN.' })
  needId: string;

  @Field(() => ID, { description: 'The pledging actor; the caller must be allowed to act for it.' })
  actorId: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 1,
    description: 'How much, 1 up to what is missing.',
  })
  @IsOptional()
  @Min(1)
  @Max(100000)
  quantity?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "A note for the need's editors, up to 2000 characters.",
  })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}
