import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { BadUserInputError } from '../../graphql/errors';
import { parseGlobalId, parseOptionalGlobalId, toGlobalId } from '../../graphql/global-id';
import { Connection } from '../../graphql/pagination';
import { GeoPoint, geoPoint, PageArgs } from '../../graphql/relay.types';
import { Actor } from '../actors/actor.entity';
import { ActorInterface } from '../actors/actor.type';
import { Need } from '../needs/need.entity';
import { NeedType } from '../needs/need.type';
import { Region } from '../regions/region.entity';
import { RegionType } from '../regions/region.type';
import { visibilityScope } from '../shared/visibility';
import { CreateOfferInput } from './dto/create-offer.input';
import { OfferFilterInput, toOfferFilterData } from './dto/offer-filter.input';
import { UpdateOfferInput } from './dto/update-offer.input';
import { NeedMatch } from './need-match.service';
import { Offer } from './offer.entity';
import { NeedMatchType, OfferConnection, OfferType } from './offer.type';

@ArgsType()
class OfferListArgs extends PageArgs {
  @Field(() => OfferFilterInput, { nullable: true })
  filter?: OfferFilterInput | null;
}

/** Offers are readable by anyone (NETWORK ones by partners only); changes need a sign-in. */
@Resolver(() => OfferType)
export class OfferResolver {
  @Query(() => OfferConnection)
  offers(@Ctx() ctx: HubContext, @Args() args: OfferListArgs): Promise<Connection<Offer>> {
    return ctx.services.offers.list(ctx.viewer, toOfferFilterData(args.filter), args);
  }

  @Authorized()
  @Mutation(() => OfferType)
  createOffer(@Ctx() ctx: HubContext, @Arg('input') input: CreateOfferInput): Promise<Offer> {
    return ctx.services.offers.create(ctx.viewer, {
      ...input,
      actorId: parseGlobalId(input.actorId, 'Actor', 'actorId'),
      regionId: parseOptionalGlobalId(input.regionId, 'Region', 'regionId'),
    });
  }

  @Authorized()
  @Mutation(() => OfferType)
  updateOffer(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateOfferInput,
  ): Promise<Offer> {
    return ctx.services.offers.update(ctx.viewer, parseGlobalId(id, 'Offer'), input);
  }

  @Authorized()
  @Mutation(() => OfferType)
  withdrawOffer(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string): Promise<Offer> {
    return ctx.services.offers.withdraw(ctx.viewer, parseGlobalId(id, 'Offer'));
  }

  @FieldResolver(() => ID)
  id(@Root() offer: Offer): string {
    return toGlobalId('Offer', offer.id);
  }

  @FieldResolver(() => ActorInterface)
  actor(@Root() offer: Offer, @Ctx() ctx: HubContext): Promise<Actor | null> {
    return ctx.loaders.actors.byId.load(offer.actorId);
  }

  @FieldResolver(() => RegionType)
  region(@Root() offer: Offer, @Ctx() ctx: HubContext): Promise<Region | null> {
    return ctx.loaders.regions.byId.load(offer.regionId);
  }

  @FieldResolver(() => GeoPoint, { nullable: true })
  location(@Root() offer: Offer): GeoPoint | null {
    return geoPoint(offer.latitude, offer.longitude);
  }
}

@Resolver(() => NeedType)
export class NeedMatchesResolver {
  @FieldResolver(() => [NeedMatchType], {
    description: 'Offers that could cover this need, best first.',
  })
  matches(
    @Root() need: Need,
    @Ctx() ctx: HubContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 5 }) first: number | null,
  ): Promise<NeedMatch[]> {
    const n = first ?? 5;
    if (!Number.isInteger(n) || n < 1 || n > 50)
      throw new BadUserInputError('first must be between 1 and 50', 'first');
    return ctx.loaders.offers.matches.load({
      needId: need.id,
      first: n,
      ...visibilityScope(ctx.viewer),
    });
  }
}

@Resolver(() => ActorInterface)
export class ActorOffersResolver {
  @FieldResolver(() => OfferConnection)
  offers(
    @Root() actor: Actor,
    @Ctx() ctx: HubContext,
    @Args() page: PageArgs,
  ): Promise<Connection<Offer>> {
    return ctx.services.offers.list(ctx.viewer, {}, page, { actorId: actor.id });
  }
}
