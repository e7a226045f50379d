import { Arg, Ctx, createUnionType, ID, Int, Query, Resolver } from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { BadUserInputError } from '../../graphql/errors';
import { parseOptionalGlobalId } from '../../graphql/global-id';
import {
  ClubType,
  InitiativeType,
  NetworkRoleType,
  OrganizationType,
  SchoolType,
} from '../actors/actor.type';
import { NeedType } from '../needs/need.type';
import { OfferType } from '../offers/offer.type';
import { SearchHit } from './search.service';

// The object types later modules add to the union with their search sources (SearchSource).
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const registeredTypes: Function[] = [];

/** Adds a module's hit type to SearchResult; call it when the module loads (its index.ts). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function registerSearchResultType(type: Function): void {
  if (!registeredTypes.includes(type)) registeredTypes.push(type);
}

export const SearchResult = createUnionType({
  name: 'SearchResult',
  description:
    'One hit of a search: an actor of any kind, a need, an offer or a knowledge article.',
  types: () =>
    [
      SchoolType,
      ClubType,
      InitiativeType,
      NetworkRoleType,
      OrganizationType,
      NeedType,
      OfferType,
      ...registeredTypes,
    ] as unknown as readonly [typeof SchoolType],
  resolveType: (value) => (value as { __typename?: string }).__typename,
});

/** Public: finds what the viewer may see (NETWORK needs and offers only for partners). */
@Resolver()
export class SearchResolver {
  @Query(() => [SearchResult], {
    description:
      'Full-text search (German stemming) over actors, needs and active offers the caller may see, and the knowledge base, best match first.',
  })
  search(
    @Ctx() ctx: HubContext,
    @Arg('text', { description: 'What to look for, e.g. Hafenfest Helfer.' }) text: string,
    @Arg('regionId', () => ID, {
      nullable: true,
      description: 'Only results in this region and every region below it.',
    })
    regionId?: string | null,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 20,
      description: 'How many results, 1 to 100.',
    })
    first: number | null = 20,
  ): Promise<SearchHit[]> {
    const n = first ?? 20;
    if (!Number.isInteger(n) || n < 1 || n > 100)
      throw new BadUserInputError('first must be between 1 and 100', 'first');
    return ctx.services.search.search(
      ctx.viewer,
      text,
      parseOptionalGlobalId(regionId, 'Region', 'regionId'),
      n,
    );
  }
}
