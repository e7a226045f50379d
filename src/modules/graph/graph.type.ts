import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Actor } from '../actors/actor.entity';
import { ActorInterface } from '../actors/actor.type';
import { Cooperation } from '../cooperations/cooperation.entity';
import { CooperationType } from '../cooperations/cooperation.type';

@ObjectType('NetworkStats')
export class NetworkStatsType {
  @Field(() => Int)
  actorCount: number;

  @Field(() => Int)
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
  @Field(() => [ActorInterface])
  actors: Actor[];

  @Field(() => [CooperationType])
  cooperations: Cooperation[];

  @Field(() => NetworkStatsType)
  stats: NetworkStatsType;
}

@ObjectType('CooperationSuggestion')
export class CooperationSuggestionType {
  @Field(() => ActorInterface)
  actor: Actor;

  @Field(() => Float)
  score: number;

  @Field(() => [String])
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
  @Field(() => [ActorInterface])
  actors: Actor[];

  @Field(() => [String])
  sharedTopics: string[];

  @Field(() => Float)
  score: number;
}
