import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { parseOptionalGlobalId } from '../../../graphql/global-id';
import { NearInput } from '../../../graphql/relay.types';
import { OfferKind } from '../offer.entity';
import { OfferFilterData } from '../offer.service';

@InputType('OfferFilter')
export class OfferFilterInput {
  @Field(() => ID, { nullable: true })
  regionId?: string | null;

  @Field(() => [OfferKind], { nullable: true })
  kinds?: OfferKind[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  tags?: string[] | null;

  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  text?: string | null;

  @Field(() => NearInput, { nullable: true })
  near?: NearInput | null;
}

export function toOfferFilterData(input: OfferFilterInput | null | undefined): OfferFilterData {
  if (!input) return {};
  return {
    regionId: parseOptionalGlobalId(input.regionId, 'Region', 'filter.regionId'),
    kinds: input.kinds ?? undefined,
    tags: input.tags ?? undefined,
    actorId: parseOptionalGlobalId(input.actorId, 'Actor', 'filter.actorId'),
    text: input.text ?? undefined,
    near: input.near ?? undefined,
  };
}
