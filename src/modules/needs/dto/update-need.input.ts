import { ArrayMaxSize, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { GeoPointInput } from '../../../graphql/relay.types';
import { Visibility } from '../../shared/visibility';
import { Urgency } from '../need.entity';

@InputType()
export class UpdateNeedInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => GeoPointInput, { nullable: true })
  location?: GeoPointInput | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(100000)
  quantity?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  unit?: string | null;

  @Field(() => Urgency, { nullable: true })
  urgency?: Urgency | null;

  @Field(() => Visibility, { nullable: true })
  visibility?: Visibility | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  tags?: string[] | null;

  @Field(() => Date, { nullable: true })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  deadline?: Date | null;
}
