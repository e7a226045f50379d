// Shared GraphQL shapes: the Node interface, PageInfo, geo and contact types, and the factory
// for Relay connection types.
import {
  ArgsType,
  ClassType,
  Field,
  Float,
  ID,
  Int,
  InterfaceType,
  ObjectType,
  InputType,
  registerEnumType,
} from 'type-graphql';
import { Visibility } from '../modules/shared/visibility';
import type { ConnectionArgs } from './pagination';

registerEnumType(Visibility, {
  name: 'Visibility',
  description:
    'Who may see a record: PUBLIC is shown to anyone, embedded widgets included; NETWORK only to signed-in partners.',
});

@InterfaceType({
  description: 'Relay global object identification: every `id` is opaque and globally unique.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID)
  id: string;
}

@ObjectType({
  description: 'Relay cursor connections (https://relay.dev/graphql/connections.htm).',
})
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType()
export class GeoPoint {
  @Field(() => Float)
  latitude: number;

  @Field(() => Float)
  longitude: number;
}

@InputType()
export class GeoPointInput {
  @Field(() => Float)
  latitude: number;

  @Field(() => Float)
  longitude: number;
}

@InputType()
export class NearInput {
  @Field(() => Float)
  latitude: number;

  @Field(() => Float)
  longitude: number;

  @Field(() => Float)
  radiusKm: number;
}

@ObjectType()
export class ContactInfo {
  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  address: string | null;
}

@InputType()
export class ContactInfoInput {
  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;
}

/**
 * The Relay paging arguments every connection field takes, in both directions (through
 * paginate or idWindow in ./pagination.ts). Extend it for a connection with more arguments.
 */
@ArgsType()
export class PageArgs implements ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Page forward: at most this many items (1 to 100, default 20), after `after`.',
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of an edge (e.g. `pageInfo.endCursor`): the page starts after it.',
  })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Page backward: the last this many items (1 to 100) before `before`; not with `first`.',
  })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of an edge (e.g. `pageInfo.startCursor`): the page ends before it.',
  })
  before?: string | null;
}

export function geoPoint(lat: number | null, lon: number | null): GeoPoint | null {
  return lat == null || lon == null ? null : { latitude: lat, longitude: lon };
}

/** Builds `<Name>Edge` and `<Name>Connection` for a node type, as the contract spells them. */
export function connectionTypes<T extends object>(
  name: string,
  nodeType: () => ClassType<T> | object,
) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => [nodeType()])
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return { EdgeType, ConnectionType };
}
