import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../graphql/relay.types';
import { RegionLevel } from './region.entity';

registerEnumType(RegionLevel, { name: 'RegionLevel' });

@ObjectType('Region', { implements: Node })
export class RegionType extends Node {
  @Field()
  name: string;

  @Field(() => RegionLevel)
  level: RegionLevel;

  @Field(() => String, {
    nullable: true,
    description: 'Official key (Amtlicher Gemeindeschluessel) where known.',
  })
  officialKey: string | null;
}
