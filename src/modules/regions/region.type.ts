import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../graphql/relay.types';
import { RegionLevel } from './region.entity';

registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: 'Levels of the region hierarchy (Verwaltungsebenen), from the top down.',
  valuesConfig: {
    STATE: { description: 'A federal state (Bundesland), e.g. Schleswig-Holstein.' },
    DISTRICT: { description: 'A district (Kreis), e.g. Kreis Dithmarschen.' },
    AMT: { description: 'An Amt: municipalities that share one administration.' },
    MUNICIPALITY: { description: 'A municipality (Gemeinde), e.g. Büsum.' },
    VILLAGE: { description: 'A village or part of a municipality (Ortsteil).' },
  },
});

@ObjectType('Region', {
  implements: Node,
  description:
    'A region of the hierarchy: state (Land), district (Kreis), Amt, municipality (Gemeinde) or village (Ortsteil).',
})
export class RegionType extends Node {
  @Field({ description: 'Official name, e.g. Büsum or Kreis Dithmarschen.' })
  name: string;

  @Field(() => RegionLevel, { description: 'Level in the hierarchy, from state down to village.' })
  level: RegionLevel;

  @Field(() => String, {
    nullable: true,
    description: 'Official key (Amtlicher Gemeindeschluessel) where known.',
  })
  officialKey: string | null;
}
