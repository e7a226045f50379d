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
  valuesConfig: {
    PUBLIC: { description: 'Shown to anyone, embedded widgets included (öffentlich).' },
    NETWORK: { description: 'Shown to signed-in partners of the network only (intern).' },
  },
});

@InterfaceType({
  description: 'Relay global object identification: every `id` is opaque and globally unique.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, {
    description: 'Globally unique, opaque id; pass it to node(id:) to fetch the object again.',
  })
  id: string;
}

@ObjectType({
  description: 'Relay cursor connections (https://relay.dev/graphql/connections.htm).',
})
export class PageInfo {
  @Field({ description: 'Whether more items follow this page (after endCursor).' })
  hasNextPage: boolean;

  @Field({ description: 'Whether more items come before this page (before startCursor).' })
  hasPreviousPage: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the first item of this page; null when the page is empty.',
  })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item of this page; null when the page is empty.',
  })
  endCursor: string | null;
}

@ObjectType({ description: 'A point on the map in WGS 84 (as GPS and OpenStreetMap use).' })
export class GeoPoint {
  @Field(() => Float, { description: 'Latitude in degrees, -90 to 90 (Büsum: 54.13).' })
  latitude: number;

  @Field(() => Float, { description: 'Longitude in degrees, -180 to 180 (Büsum: 8.86).' })
  longitude: number;
}

@InputType({ description: 'A point on the map in WGS 84 (as GPS and OpenStreetMap use).' })
export class GeoPointInput {
  @Field(() => Float, { description: 'Latitude in degrees, -90 to 90.' })
  latitude: number;

  @Field(() => Float, { description: 'Longitude in degrees, -180 to 180.' })
  longitude: number;
}

@InputType({ description: 'Only what lies within a radius around a point (Umkreissuche).' })
export class NearInput {
  @Field(() => Float, { description: 'Latitude of the centre in degrees, -90 to 90.' })
  latitude: number;

  @Field(() => Float, { description: 'Longitude of the centre in degrees, -180 to 180.' })
  longitude: number;

  @Field(() => Float, { description: 'Radius around the centre in kilometres.' })
  radiusKm: number;
}

@ObjectType({
  description: 'Public contact channel of an organisation: e-mail, phone, postal address.',
})
export class ContactInfo {
  @Field(() => String, { nullable: true, description: 'Public e-mail address.' })
  email: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Public phone number, as written by the organisation.',
  })
  phone: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Postal address on one line (Straße, PLZ Ort).',
  })
  address: string | null;
}

@InputType({
  description: 'Public contact channel of an organisation; leave out what it does not publish.',
})
export class ContactInfoInput {
  @Field(() => String, { nullable: true, description: 'Public e-mail address.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Public phone number.' })
  phone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Postal address on one line (Straße, PLZ Ort).',
  })
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

/**
 * Builds `<Name>Edge` and `<Name>Connection` for a node type, as the contract spells them;
 * `items` names what a page holds in the descriptions, e.g. "needs (Bedarfe)".
 */
export function connectionTypes<T extends object>(
  name: string,
  nodeType: () => ClassType<T> | object,
  items = `${name} items`,
) {
  @ObjectType(`${name}Edge`, { description: `One of the ${items} of a page, with its cursor.` })
  class EdgeType {
    @Field({
      description:
        'Opaque position of this item; pass it as `after` or `before` to page from here.',
    })
    cursor: string;

    @Field(nodeType, { description: 'The item itself.' })
    node: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `A page of ${items} (Relay cursor connection): first/after or last/before.`,
  })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The items of this page, each with its cursor.' })
    edges: EdgeType[];

    @Field(() => [nodeType()], {
      description: 'The items of this page without cursors, for clients that need none.',
    })
    nodes: T[];

    @Field(() => PageInfo, {
      description: "Cursors of this page's ends and whether more items come before or after it.",
    })
    pageInfo: PageInfo;

    @Field(() => Int, {
      description: 'How many items all pages hold together; counted only when asked for.',
    })
    totalCount: number;
  }
  return { EdgeType, ConnectionType };
}
