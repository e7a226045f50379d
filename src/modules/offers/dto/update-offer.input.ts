import { ArrayMaxSize, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { GeoPointInput } from '../../../graphql/relay.types';
import { Visibility } from '../../shared/visibility';

@InputType({ description: 'Changes to an offer: only the fields given are changed.' })
export class UpdateOfferInput {
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

  @Field(() => Int, { nullable: true, description: 'How many, 1 to 100000.' })
  @IsOptional()
  @Min(1)
  @Max(100000)
  quantity?: number | null;

  @Field(() => String, { nullable: true, description: 'What is counted, up to 100 characters.' })
  @IsOptional()
  @MaxLength(100)
  unit?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Free keywords, at most 20, replacing the old ones.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  tags?: string[] | null;

  @Field(() => Visibility, { nullable: true, description: 'Who may see it.' })
  visibility?: Visibility | null;

  @Field(() => Date, { nullable: true, description: 'From when it is available.' })
  availableFrom?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Until when it is available; not before availableFrom.',
  })
  availableUntil?: Date | null;
}
