import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { parseOptionalGlobalId } from '../../../graphql/global-id';
import { NearInput } from '../../../graphql/relay.types';
import { OfferKind } from '../offer.entity';
import { OfferFilterData } from '../offer.service';

@InputType('OfferFilter', {
  description: 'Which offers to list; conditions combine with AND, the values within one with OR.',
})
export class OfferFilterInput {
  @Field(() => ID, { nullable: true, description: 'Includes every region below it.' })
  regionId?: string | null;

  @Field(() => [OfferKind], { nullable: true, description: 'Only offers of these kinds.' })
  kinds?: OfferKind[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Only offers with any of these tags, at most 20.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  tags?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Only offers of this actor.' })
  actorId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Full-text search (German stemming) over title, description and tags, up to 200 characters.',
  })
  @IsOptional()
  @MaxLength(200)
  text?: string | null;

  @Field(() => NearInput, {
    nullable: true,
    description: 'Only offers with a location within this radius.',
  })
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
