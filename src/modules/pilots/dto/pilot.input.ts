import { ArrayMaxSize, IsOptional } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ExpertiseArea } from '../expertise-area';

@InputType('CreatePilotInput', { description: 'A new pilot (Ehrenamtslotse) profile.' })
export class CreatePilotInput {
  @Field({ description: 'The name shown, 1 to 200 characters.' })
  displayName: string;

  @Field(() => [ExpertiseArea], { description: 'Areas of expertise, at least one.' })
  @ArrayMaxSize(10)
  areas: ExpertiseArea[];

  @Field(() => [ID], { description: 'Regions served (each with everything below it), 1 to 20.' })
  @ArrayMaxSize(20)
  regionIds: string[];

  @Field(() => String, {
    nullable: true,
    description: 'A few words about the pilot, at most 2000.',
  })
  bio?: string | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 2,
    description: 'Consultations per calendar month, 0 to 100.',
  })
  monthlyCapacity?: number | null;

  @Field(() => ID, { nullable: true, description: 'The account that signs in as this pilot.' })
  accountId?: string | null;
}

@InputType('UpdatePilotInput', { description: 'Only the fields to change.' })
export class UpdatePilotInput {
  @Field(() => String, { nullable: true, description: 'New name.' })
  displayName?: string | null;

  @Field(() => [ExpertiseArea], { nullable: true, description: 'Replaces the areas.' })
  @IsOptional()
  @ArrayMaxSize(10)
  areas?: ExpertiseArea[] | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the regions served.' })
  @IsOptional()
  @ArrayMaxSize(20)
  regionIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'New text about the pilot.' })
  bio?: string | null;

  @Field(() => Int, { nullable: true, description: 'New monthly capacity, 0 to 100.' })
  monthlyCapacity?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Takes on consultations (or pauses).' })
  active?: boolean | null;
}
