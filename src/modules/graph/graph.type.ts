import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Actor } from '../actors/actor.entity';
import { ActorInterface } from '../actors/actor.type';
import { Cooperation } from '../cooperations/cooperation.entity';
import { CooperationType } from '../cooperations/cooperation.type';

@ObjectType('NetworkStats', { description: 'Figures of a network (Netzwerkkennzahlen).' })
export class NetworkStatsType {
  @Field(() => Int, { description: 'Actors in the network.' })
  actorCount: number;

  @Field(() => Int, { description: 'Cooperations among them.' })
  cooperationCount: number;

  @Field(() => Int, {
    description: 'Connected groups of actors; an actor without cooperations is a group of its own.',
  })
  componentCount: number;

  @Field(() => Int, { description: 'Actors with no cooperation in this network.' })
  isolatedActorCount: number;

  @Field(() => Float, { description: 'Share of possible actor pairs that cooperate, 0..1.' })
  density: number;
}

@ObjectType('Network', { description: 'A part of the cooperation graph with its figures.' })
export class NetworkType {
  @Field(() => [ActorInterface], { description: 'The actors of this part of the graph, by name.' })
  actors: Actor[];

  @Field(() => [CooperationType], { description: 'The cooperations among them.' })
  cooperations: Cooperation[];

  @Field(() => NetworkStatsType, { description: 'Its figures.' })
  stats: NetworkStatsType;
}

@ObjectType('CooperationSuggestion', {
  description: 'An actor that could become a partner, with the reasons.',
})
export class CooperationSuggestionType {
  @Field(() => ActorInterface, { description: 'The suggested partner.' })
  actor: Actor;

  @Field(() => Float, {
    description: 'How strong the suggestion is; higher is better, at least 2.',
  })
  score: number;

  @Field(() => [String], { description: 'Topics both actors work on.' })
  sharedTopics: string[];

  @Field(() => [String], {
    description: 'Readable reasons, e.g. same municipality, shared topics, a common partner.',
  })
  reasons: string[];
}

@ObjectType('ActorOverlap', {
  description:
    'Actors that look like duplicate structures: similar purpose, same area, no cooperation between them.',
})
export class ActorOverlapType {
  @Field(() => [ActorInterface], { description: 'The actors that look alike, two or more.' })
  actors: Actor[];

  @Field(() => [String], { description: 'Topics they all work on.' })
  sharedTopics: string[];

  @Field(() => Float, { description: 'How alike their topics are, 0.5 to 1 (Jaccard similarity).' })
  score: number;
}

@ObjectType('PartnerWithDistance', {
  description: 'A partner reached through the cooperation graph, with how far away it is.',
})
export class PartnerWithDistanceType {
  @Field(() => ActorInterface, { description: 'The partner.' })
  actor: Actor;

  @Field(() => Int, {
    description:
      'Cooperation steps to it, the fewest: 1 for a direct partner, 2 for a partner of a partner.',
  })
  distance: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Straight-line distance in km (0.1 km steps); null when either has no location.',
  })
  distanceKm: number | null;
}
