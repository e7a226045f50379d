import { IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A private person offering help through a public page or widget.' })
export class VolunteerInput {
  @Field(() => ID, {
    description: 'The PUBLIC need the person wants to help with; it must be OPEN.',
  })
  needId: string;

  @Field({ description: "The person's name, 1 to 200 characters." })
  @Length(1, 200)
  name: string;

  @Field({ description: "The person's e-mail address, so the actor can reply." })
  // Checked after trimming and lower-casing (pledge.service.ts), after the consent check.
  @MaxLength(320)
  email: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 1,
    description: 'How much they cover, 1 to 100 and up to what is missing.',
  })
  @IsOptional()
  @Min(1)
  @Max(100)
  quantity?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'A message for the actor, up to 2000 characters.',
  })
  @IsOptional()
  @MaxLength(2000)
  message?: string | null;

  @Field({
    description: 'Consent to store the name and e-mail for this need; required to be true.',
  })
  consent: boolean;
}
