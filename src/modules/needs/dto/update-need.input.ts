import { ArrayMaxSize, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { GeoPointInput } from '../../../graphql/relay.types';
import { Visibility } from '../../shared/visibility';
import { Urgency } from '../need.entity';

@InputType({ description: 'Changes to a need: only the fields given are changed.' })
export class UpdateNeedInput {
  @Field(() => String, { nullable: true, description: 'Short title, 2 to 200 characters.' })
  @IsOptional()
  @Length(2, 200)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Details, up to 5000 characters.' })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => GeoPointInput, { nullable: true, description: 'Where exactly.' })
  location?: GeoPointInput | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'How many are needed, 1 to 100000 and not below what is pledged; FILLED and OPEN follow.',
  })
  @IsOptional()
  @Min(1)
  @Max(100000)
  quantity?: number | null;

  @Field(() => String, { nullable: true, description: 'What is counted, up to 100 characters.' })
  @IsOptional()
  @MaxLength(100)
  unit?: string | null;

  @Field(() => Urgency, { nullable: true, description: 'How urgent it is.' })
  urgency?: Urgency | null;

  @Field(() => Visibility, { nullable: true, description: 'Who may see it.' })
  visibility?: Visibility | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Free keywords, at most 20, replacing the old ones.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  tags?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'When the help starts.' })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the help ends; not before startsAt.' })
  endsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Until when pledges are wanted.' })
  deadline?: Date | null;
}
