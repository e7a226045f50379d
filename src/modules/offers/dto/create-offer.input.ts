import { ArrayMaxSize, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { GeoPointInput } from '../../../graphql/relay.types';
import { Visibility } from '../../shared/visibility';
import { OfferKind } from '../offer.entity';

@InputType()
export class CreateOfferInput {
  @Field(() => ID)
  actorId: string;

  @Field(() => OfferKind)
  kind: OfferKind;

  @Field()
  @Length(2, 200)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => ID, { nullable: true })
  regionId?: string | null;

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

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  tags?: string[] | null;

  @Field(() => Visibility, { nullable: true, defaultValue: Visibility.PUBLIC })
  visibility?: Visibility | null;

  @Field(() => Date, { nullable: true })
  availableFrom?: Date | null;

  @Field(() => Date, { nullable: true })
  availableUntil?: Date | null;
}
