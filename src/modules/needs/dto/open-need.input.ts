import { ArrayMaxSize, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { GeoPointInput } from '../../../graphql/relay.types';
import { Visibility } from '../../shared/visibility';
import { NeedKind, Urgency } from '../need.entity';

@InputType()
export class OpenNeedInput {
  @Field(() => ID)
  actorId: string;

  @Field(() => NeedKind)
  kind: NeedKind;

  @Field()
  @Length(2, 200)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => ID, { nullable: true, description: "Defaults to the actor's region." })
  regionId?: string | null;

  @Field(() => GeoPointInput, { nullable: true })
  location?: GeoPointInput | null;

  @Field(() => Int, { nullable: true, defaultValue: 1 })
  @IsOptional()
  @Min(1)
  @Max(100000)
  quantity?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  unit?: string | null;

  @Field(() => Urgency, { nullable: true, defaultValue: Urgency.NORMAL })
  urgency?: Urgency | null;

  @Field(() => Visibility, { nullable: true, defaultValue: Visibility.PUBLIC })
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
