import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { parseGlobalId, parseOptionalGlobalId, toGlobalId } from '../../graphql/global-id';
import { Connection, connectionFromPage, idWindow } from '../../graphql/pagination';
import { ContactInfo, GeoPoint, geoPoint, PageArgs } from '../../graphql/relay.types';
import { Cooperation, CooperationStatus } from '../cooperations/cooperation.entity';
import { visibleStatuses } from '../cooperations/cooperation.permissions';
import { CooperationConnection } from '../cooperations/cooperation.type';
import { Region } from '../regions/region.entity';
import { RegionType } from '../regions/region.type';
import { Actor } from './actor.entity';
import { loadPartners } from './actor-partners';
import { ActorFilterData } from './actor.service';
import { ActorConnection, ActorInterface } from './actor.type';
import { ActorFilter } from './dto/actor-filter.input';
import { CreateActorInput } from './dto/create-actor.input';
import { UpdateActorInput } from './dto/update-actor.input';

export function toFilterData(filter?: ActorFilter | null): ActorFilterData {
  return {
    regionId: parseOptionalGlobalId(filter?.regionId, 'Region', 'filter.regionId'),
    kinds: filter?.kinds ?? undefined,
    topics: filter?.topics ?? undefined,
    text: filter?.text ?? undefined,
    near: filter?.near ?? undefined,
  };
}

/** Shared fields of every actor type; type-graphql hands these resolvers to all five implementations. */
@Resolver(() => ActorInterface)
export class ActorResolver {
  @Query(() => ActorConnection, {
    description: 'Actors, by name (by relevance with filter.text); anyone may read them.',
  })
  actors(
    @Ctx() ctx: HubContext,
    @Args() page: PageArgs,
    @Arg('filter', () => ActorFilter, {
      nullable: true,
      description: 'Narrows the list; all actors when left out.',
    })
    filter?: ActorFilter,
  ): Promise<Connection<Actor>> {
    return ctx.services.actors.list(ctx.viewer, toFilterData(filter), page);
  }

  @Query(() => ActorInterface, {
    nullable: true,
    description: 'One actor by its id; null when there is none.',
  })
  actor(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the actor.' }) id: string,
  ): Promise<Actor | null> {
    return ctx.loaders.actors.byId.load(parseGlobalId(id, 'Actor'));
  }

  @Authorized()
  @Mutation(() => ActorInterface, {
    description: 'Adds an actor to a region (COORDINATOR of the region or ADMIN).',
  })
  createActor(
    @Ctx() ctx: HubContext,
    @Arg('input', { description: 'The new actor; fields of other kinds are refused.' })
    input: CreateActorInput,
  ): Promise<Actor> {
    return ctx.services.actors.create(ctx.viewer, {
      ...input,
      regionId: parseGlobalId(input.regionId, 'Region', 'regionId'),
      hostedById: parseOptionalGlobalId(input.hostedById, 'Actor', 'hostedById'),
    });
  }

  @Authorized()
  @Mutation(() => ActorInterface, {
    description:
      'Changes the given fields of an actor (its MEMBER, a COORDINATOR of its region or ADMIN).',
  })
  updateActor(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the actor.' }) id: string,
    @Arg('input', { description: 'Only the fields to change; null clears an optional one.' })
    input: UpdateActorInput,
  ): Promise<Actor> {
    return ctx.services.actors.update(ctx.viewer, parseGlobalId(id, 'Actor'), {
      ...input,
      regionId:
        input.regionId === undefined
          ? undefined
          : parseOptionalGlobalId(input.regionId, 'Region', 'regionId'),
      hostedById:
        input.hostedById === undefined
          ? undefined
          : (parseOptionalGlobalId(input.hostedById, 'Actor', 'hostedById') ?? null),
    });
  }

  @FieldResolver(() => ID, { description: 'Global id (Relay) of this actor.' })
  id(@Root() actor: Actor): string {
    return toGlobalId('Actor', actor.id);
  }

  @FieldResolver(() => RegionType, {
    description: 'The region it belongs to (usually its municipality).',
  })
  region(@Root() actor: Actor, @Ctx() ctx: HubContext): Promise<Region | null> {
    return ctx.loaders.regions.byId.load(actor.regionId);
  }

  @FieldResolver(() => GeoPoint, {
    nullable: true,
    description: 'Where it is on the map, where known.',
  })
  location(@Root() actor: Actor): GeoPoint | null {
    return geoPoint(actor.latitude, actor.longitude);
  }

  @FieldResolver(() => ContactInfo, {
    nullable: true,
    description: "The organisation's public contact channel; never a private person's data.",
  })
  publicContact(@Root() a: Actor): ContactInfo | null {
    if (a.contactEmail == null && a.contactPhone == null && a.contactAddress == null) return null;
    return { email: a.contactEmail, phone: a.contactPhone, address: a.contactAddress };
  }

  @FieldResolver(() => CooperationConnection, {
    description:
      'Cooperations (Kooperationen) it takes part in, newest first; PROPOSED ones only for signed-in callers.',
  })
  async cooperations(
    @Root() actor: Actor,
    @Ctx() ctx: HubContext,
    @Args() pageArgs: PageArgs,
    @Arg('status', () => CooperationStatus, {
      nullable: true,
      description: 'Only cooperations of this status.',
    })
    status?: CooperationStatus,
  ): Promise<Connection<Cooperation>> {
    const statuses = visibleStatuses(ctx.viewer, status);
    const page = await ctx.loaders.cooperations.ofActor.load({
      ownerId: actor.id,
      statuses,
      ...idWindow(pageArgs),
    });
    return connectionFromPage(page, () =>
      ctx.loaders.cooperations.countOfActor.load({ ownerId: actor.id, statuses }),
    );
  }

  @FieldResolver(() => [ActorInterface], {
    description:
      'Actors reachable through cooperations of the given status, up to `depth` steps away.',
  })
  async partners(
    @Root() actor: Actor,
    @Ctx() ctx: HubContext,
    @Arg('depth', () => Int, {
      nullable: true,
      defaultValue: 1,
      description: 'Steps through the cooperation graph, 1 to 3.',
    })
    depth: number,
    @Arg('status', () => CooperationStatus, {
      nullable: true,
      defaultValue: CooperationStatus.ACTIVE,
      description: 'Follow only cooperations of this status.',
    })
    status: CooperationStatus,
  ): Promise<Actor[]> {
    const actors = (await loadPartners(ctx, actor.id, depth ?? 1, status)).map((p) => p.actor);
    return actors.sort((a, b) => a.name.localeCompare(b.name, 'de') || a.id - b.id);
  }
}
