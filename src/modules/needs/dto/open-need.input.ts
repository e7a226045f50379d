import { ArrayMaxSize, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { GeoPointInput } from '../../../graphql/relay.types';
import { Visibility } from '../../shared/visibility';
import { NeedKind, Urgency } from '../need.entity';

@InputType({ description: 'A new need of an actor.' })
export class OpenNeedInput {
  @Field(() => ID, {
    description: 'The actor that needs it; the caller must be allowed to edit it.',
  })
  actorId: string;

  @Field(() => NeedKind, { description: 'What is needed.' })
  kind: NeedKind;

  @Field({ description: 'Short title, 2 to 200 characters.' })
  @Length(2, 200)
  title: string;

  @Field(() => String, { nullable: true, description: 'Details, up to 5000 characters.' })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => ID, { nullable: true, description: "Defaults to the actor's region." })
  regionId?: string | null;

  @Field(() => GeoPointInput, { nullable: true, description: 'Where exactly.' })
  location?: GeoPointInput | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 1,
    description: 'How many are needed, 1 to 100000.',
  })
  @IsOptional()
  @Min(1)
  @Max(100000)
  quantity?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'What is counted, up to 100 characters, e.g. Helfer.',
  })
  @IsOptional()
  @MaxLength(100)
  unit?: string | null;

  @Field(() => Urgency, {
    nullable: true,
    defaultValue: Urgency.NORMAL,
    description: 'How urgent it is.',
  })
  urgency?: Urgency | null;

  @Field(() => Visibility, {
    nullable: true,
    defaultValue: Visibility.PUBLIC,
    description: 'Who may see it.',
  })
  visibility?: Visibility | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Free keywords, at most 20; stored lower case.',
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
