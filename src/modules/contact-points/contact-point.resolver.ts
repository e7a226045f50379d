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
import { Region } from '../regions/region.entity';
import { RegionType } from '../regions/region.type';
import { ContactPoint } from './contact-point.entity';
import type { Opening } from './contact-point.service';
import { ContactPointConnection, ContactPointType, OpeningType } from './contact-point.type';
import {
  ContactPointFilterInput,
  CreateContactPointInput,
  UpdateContactPointInput,
} from './dto/contact-point.input';
import { MAX_OPENINGS } from './opening-rules';

@ArgsType()
export class ContactPointListArgs extends PageArgs {
  @Field(() => ContactPointFilterInput, { nullable: true, description: 'Narrows the list.' })
  filter?: ContactPointFilterInput | null;
}

/** The window of `openings`: from defaults to now, until to a year after from. */
export function openingWindow(
  from: Date | null | undefined,
  until: Date | null | undefined,
  first: number | null | undefined,
  defaultFirst: number,
): { from: Date; until: Date; first: number } {
  const f = from ?? new Date();
  const n = first ?? defaultFirst;
  if (!Number.isInteger(n) || n < 1 || n > MAX_OPENINGS) {
    throw new BadUserInputError(`first must be between 1 and ${MAX_OPENINGS}`, 'first');
  }
  const u = until ?? new Date(f.getTime() + 366 * 24 * 3600 * 1000);
  if (u < f) throw new BadUserInputError('until must not lie before from', 'until');
  return { from: f, until: u, first: n };
}

const icalUrl = (ctx: HubContext, path: string) =>
  ctx.services.links.absoluteUrl(`/ical/${path}.ics`);
export { icalUrl };

/** Contact points are readable by anyone (NETWORK ones by partners); changes by coordinators. */
@Resolver(() => ContactPointType)
export class ContactPointResolver {
  @Query(() => ContactPointConnection, {
    description: 'Contact points (Anlaufstellen) by name, visibility-filtered.',
  })
  contactPoints(
    @Ctx() ctx: HubContext,
    @Args() args: ContactPointListArgs,
  ): Promise<Connection<ContactPoint>> {
    const f = args.filter ?? {};
    return ctx.services.contactPoints.list(
      ctx.viewer,
      {
        regionId: parseOptionalGlobalId(f.regionId, 'Region', 'filter.regionId'),
        kinds: f.kinds ?? undefined,
        near: f.near ?? undefined,
        openAt: f.openAt ?? undefined,
      },
      args,
    );
  }

  @Query(() => [OpeningType], {
    name: 'openings',
    description: 'Openings of every contact point in a region and below it, in start order.',
  })
  regionOpenings(
    @Ctx() ctx: HubContext,
    @Arg('regionId', () => ID, { description: 'The region, with everything below it.' })
    regionId: string,
    @Arg('from', () => Date, { nullable: true, description: 'Default: now.' }) from?: Date,
    @Arg('until', () => Date, {
      nullable: true,
      description: 'Default and limit: a year after from.',
    })
    until?: Date,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'At most 500.' })
    first?: number,
  ): Promise<Opening[]> {
    const w = openingWindow(from, until, first, 20);
    return ctx.services.contactPoints.openingsInRegion(
      ctx.viewer,
      parseGlobalId(regionId, 'Region', 'regionId'),
      w.from,
      w.until,
      w.first,
    );
  }

  @Authorized()
  @Mutation(() => ContactPointType, {
    description: "Creates a contact point with its hours (the region's coordinators, ADMINs).",
  })
  createContactPoint(
    @Ctx() ctx: HubContext,
    @Arg('input', { description: 'The new contact point.' }) input: CreateContactPointInput,
  ): Promise<ContactPoint> {
    return ctx.services.contactPoints.create(ctx.viewer, {
      ...input,
      regionId: parseGlobalId(input.regionId, 'Region', 'regionId'),
      hostedById: parseOptionalGlobalId(input.hostedById, 'Actor', 'hostedById'),
      staffedByIds: input.staffedByIds?.map((id) => parseGlobalId(id, 'Actor', 'staffedByIds')),
    });
  }

  @Authorized()
  @Mutation(() => ContactPointType, { description: 'Changes the given fields of a contact point.' })
  updateContactPoint(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the contact point.' }) id: string,
    @Arg('input', { description: 'Only the fields to change.' }) input: UpdateContactPointInput,
  ): Promise<ContactPoint> {
    return ctx.services.contactPoints.update(ctx.viewer, parseGlobalId(id, 'ContactPoint'), {
      ...input,
      hostedById:
        input.hostedById === undefined
          ? undefined
          : (parseOptionalGlobalId(input.hostedById, 'Actor', 'hostedById') ?? null),
      staffedByIds: input.staffedByIds?.map((i) => parseGlobalId(i, 'Actor', 'staffedByIds')),
    });
  }

  @Authorized()
  @Mutation(() => ID, { description: 'Deletes a contact point; returns its id.' })
  async deleteContactPoint(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the contact point.' }) id: string,
  ): Promise<string> {
    await ctx.services.contactPoints.delete(ctx.viewer, parseGlobalId(id, 'ContactPoint'));
    return id;
  }

  @FieldResolver(() => ID, { description: 'Global id (Relay) of this contact point.' })
  id(@Root() cp: ContactPoint): string {
    return toGlobalId('ContactPoint', cp.id);
  }

  @FieldResolver(() => RegionType, { description: 'The region it serves.' })
  region(@Root() cp: ContactPoint, @Ctx() ctx: HubContext): Promise<Region | null> {
    return ctx.loaders.regions.byId.load(cp.regionId);
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: 'Where it is, where known.' })
  location(@Root() cp: ContactPoint): GeoPoint | null {
    return geoPoint(cp.latitude, cp.longitude);
  }

  @FieldResolver(() => ActorInterface, {
    nullable: true,
    description: 'The actor whose premises host it, e.g. a village community centre.',
  })
  async hostedBy(@Root() cp: ContactPoint, @Ctx() ctx: HubContext): Promise<Actor | null> {
    return cp.hostedById == null ? null : ctx.loaders.actors.byId.load(cp.hostedById);
  }

  @FieldResolver(() => [ActorInterface], { description: 'The network roles that staff it.' })
  async staffedBy(@Root() cp: ContactPoint, @Ctx() ctx: HubContext): Promise<Actor[]> {
    const actors = await ctx.loaders.actors.byId.loadMany(cp.staffedByIds);
    return actors.filter((a): a is Actor => a != null && !(a instanceof Error));
  }

  @FieldResolver(() => Boolean, { description: 'Open at this moment, exceptions applied.' })
  openNow(@Root() cp: ContactPoint, @Ctx() ctx: HubContext): boolean {
    return ctx.services.contactPoints.openNow(cp);
  }

  @FieldResolver(() => [OpeningType], {
    description:
      'Concrete openings from `from` (default now) until `until`, exceptions applied, in start order.',
  })
  openings(
    @Root() cp: ContactPoint,
    @Ctx() ctx: HubContext,
    @Arg('from', () => Date, { nullable: true, description: 'Default: now.' }) from?: Date,
    @Arg('until', () => Date, {
      nullable: true,
      description: 'Default and limit: a year after from.',
    })
    until?: Date,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10, description: 'At most 500.' })
    first?: number,
  ): Opening[] {
    const w = openingWindow(from, until, first, 10);
    return ctx.services.contactPoints.openings(cp, w.from, w.until, w.first);
  }

  @FieldResolver(() => String, {
    description: 'Absolute URL of an iCalendar (RFC 5545) feed of the openings.',
  })
  icalUrl(@Root() cp: ContactPoint, @Ctx() ctx: HubContext): string {
    return icalUrl(ctx, `contact-points/${toGlobalId('ContactPoint', cp.id)}`);
  }
}

@Resolver(() => OpeningType)
export class OpeningResolver {
  @FieldResolver(() => ContactPointType, { description: 'The contact point that is open.' })
  contactPoint(@Root() o: Opening): ContactPoint {
    return o.contactPoint;
  }
}
