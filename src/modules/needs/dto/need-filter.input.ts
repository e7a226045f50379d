import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { parseOptionalGlobalId } from '../../../graphql/global-id';
import { NearInput } from '../../../graphql/relay.types';
import { NeedFilterData } from '../need-filter';
import { NeedKind, NeedStatus, Urgency } from '../need.entity';

@InputType('NeedFilter', {
  description: 'Which needs to list; conditions combine with AND, the values within one with OR.',
})
export class NeedFilterInput {
  @Field(() => ID, { nullable: true, description: 'Includes every region below it.' })
  regionId?: string | null;

  @Field(() => [NeedKind], { nullable: true, description: 'Only needs of these kinds.' })
  kinds?: NeedKind[] | null;

  @Field(() => [NeedStatus], { nullable: true, description: 'Only needs with these statuses.' })
  status?: NeedStatus[] | null;

  @Field(() => [Urgency], { nullable: true, description: 'Only needs of these urgencies.' })
  urgency?: Urgency[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Only needs with any of these tags, at most 20.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  tags?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Only needs of this actor.' })
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
    description: 'Only needs with a location within this radius.',
  })
  near?: NearInput | null;
}

/** The input with database ids; malformed ids are BAD_USER_INPUT naming the field. */
export function toNeedFilterData(input: NeedFilterInput | null | undefined): NeedFilterData {
  if (!input) return {};
  return {
    regionId: parseOptionalGlobalId(input.regionId, 'Region', 'filter.regionId'),
    kinds: input.kinds ?? undefined,
    status: input.status ?? undefined,
    urgency: input.urgency ?? undefined,
    tags: input.tags ?? undefined,
    actorId: parseOptionalGlobalId(input.actorId, 'Actor', 'filter.actorId'),
    text: input.text ?? undefined,
    near: input.near ?? undefined,
  };
}
