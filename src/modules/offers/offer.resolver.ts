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
  @Field(() => OfferFilterInput, {
    nullable: true,
    description: 'Narrows the list; all visible active offers when left out.',
  })
  filter?: OfferFilterInput | null;
}

/** Offers are readable by anyone (NETWORK ones by partners only); changes need a sign-in. */
@Resolver(() => OfferType)
export class OfferResolver {
  @Query(() => OfferConnection, {
    description:
      'Active offers (Angebote), newest first: PUBLIC ones for anyone, NETWORK ones for signed-in partners.',
  })
  offers(@Ctx() ctx: HubContext, @Args() args: OfferListArgs): Promise<Connection<Offer>> {
    return ctx.services.offers.list(ctx.viewer, toOfferFilterData(args.filter), args);
  }

  @Authorized()
  @Mutation(() => OfferType, {
    description: 'Publishes an offer of an actor (whoever may edit the actor).',
  })
  createOffer(
    @Ctx() ctx: HubContext,
    @Arg('input', { description: 'The new offer.' }) input: CreateOfferInput,
  ): Promise<Offer> {
    return ctx.services.offers.create(ctx.viewer, {
      ...input,
      actorId: parseGlobalId(input.actorId, 'Actor', 'actorId'),
      regionId: parseOptionalGlobalId(input.regionId, 'Region', 'regionId'),
    });
  }

  @Authorized()
  @Mutation(() => OfferType, {
    description:
      "Changes the given fields of an offer (its actor's editors or the region's coordinators).",
  })
  updateOffer(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the offer.' }) id: string,
    @Arg('input', { description: 'Only the fields to change.' }) input: UpdateOfferInput,
  ): Promise<Offer> {
    return ctx.services.offers.update(ctx.viewer, parseGlobalId(id, 'Offer'), input);
  }

  @Authorized()
  @Mutation(() => OfferType, {
    description:
      'Takes an offer off the lists (same rights as updateOffer); it stays readable by its id.',
  })
  withdrawOffer(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the offer.' }) id: string,
  ): Promise<Offer> {
    return ctx.services.offers.withdraw(ctx.viewer, parseGlobalId(id, 'Offer'));
  }

  @FieldResolver(() => ID, { description: 'Global id (Relay) of this offer.' })
  id(@Root() offer: Offer): string {
    return toGlobalId('Offer', offer.id);
  }

  @FieldResolver(() => ActorInterface, { description: 'The actor that offers it.' })
  actor(@Root() offer: Offer, @Ctx() ctx: HubContext): Promise<Actor | null> {
    return ctx.loaders.actors.byId.load(offer.actorId);
  }

  @FieldResolver(() => RegionType, {
    description: "Where it is offered; the actor's region unless given.",
  })
  region(@Root() offer: Offer, @Ctx() ctx: HubContext): Promise<Region | null> {
    return ctx.loaders.regions.byId.load(offer.regionId);
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: 'Where exactly, where known.' })
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
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 5,
      description: 'How many matches, 1 to 50.',
    })
    first: number | null,
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
  @FieldResolver(() => OfferConnection, {
    description: 'Active offers (Angebote) of this actor visible to the caller, newest first.',
  })
  offers(
    @Root() actor: Actor,
    @Ctx() ctx: HubContext,
    @Args() page: PageArgs,
  ): Promise<Connection<Offer>> {
    return ctx.services.offers.list(ctx.viewer, {}, page, { actorId: actor.id });
  }
}
