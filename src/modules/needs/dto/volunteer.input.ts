import { IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A private person offering help through a public page or widget.' })
export class VolunteerInput {
  @Field(() => ID)
  needId: string;

  @Field()
  @Length(1, 200)
  name: string;

  @Field()
  // Checked after trimming and lower-casing (pledge.service.ts), after the consent check.
  @MaxLength(320)
  email: string;

  @Field(() => Int, { nullable: true, defaultValue: 1 })
  @IsOptional()
  @Min(1)
  @Max(100)
  quantity?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  message?: string | null;

  @Field({
    description: 'Consent to store the name and e-mail for this need; required to be true.',
  })
  consent: boolean;
}
