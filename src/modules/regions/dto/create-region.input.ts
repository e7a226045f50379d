import { Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { RegionLevel } from '../region.entity';

@InputType()
export class CreateRegionInput {
  @Field()
  @Length(2, 200)
  name: string;

  @Field(() => RegionLevel)
  level: RegionLevel;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => String, { nullable: true })
  @Matches(/^\d{2,12}$/, { message: 'officialKey must be 2 to 12 digits' })
  officialKey?: string | null;
}
