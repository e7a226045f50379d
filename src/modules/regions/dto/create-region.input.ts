import { Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { RegionLevel } from '../region.entity';

@InputType({ description: 'A new region and where it sits in the hierarchy.' })
export class CreateRegionInput {
  @Field({ description: 'Official name, 2 to 200 characters.' })
  @Length(2, 200)
  name: string;

  @Field(() => RegionLevel, { description: "Its level; below its parent's level." })
  level: RegionLevel;

  @Field(() => ID, {
    nullable: true,
    description: 'The region directly above it, of a higher level; required for all but a STATE.',
  })
  parentId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Official key (Amtlicher Gemeindeschluessel), 2 to 12 digits.',
  })
  @Matches(/^\d{2,12}$/, { message: 'officialKey must be 2 to 12 digits' })
  officialKey?: string | null;
}
