import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { Role } from '../../graphql/viewer';
import { parseGlobalId, parseOptionalGlobalId, toGlobalId } from '../../graphql/global-id';
import { CreateRegionInput } from './dto/create-region.input';
import { Region, RegionLevel } from './region.entity';
import { pathIds } from '../shared/region-path';
import { RegionType } from './region.type';

@Resolver(() => RegionType)
export class RegionResolver {
  @Query(() => [RegionType], {
    description:
      'Regions by name in German order (Ä with A, Ö with O), optionally of one level or parent.',
  })
  regions(
    @Ctx() ctx: HubContext,
    @Arg('level', () => RegionLevel, { nullable: true, description: 'Only regions of this level.' })
    level?: RegionLevel,
    @Arg('parentId', () => ID, {
      nullable: true,
      description: 'Only the regions directly below this one.',
    })
    parentId?: string,
  ): Promise<Region[]> {
    return ctx.services.regions.list({
      level,
      parentId: parseOptionalGlobalId(parentId, 'Region', 'parentId'),
    });
  }

  @Query(() => RegionType, {
    nullable: true,
    description: 'One region by its id; null when there is none.',
  })
  region(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the region.' }) id: string,
  ): Promise<Region | null> {
    return ctx.loaders.regions.byId.load(parseGlobalId(id, 'Region'));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => RegionType, { description: 'Adds a region to the hierarchy (ADMIN only).' })
  createRegion(
    @Ctx() ctx: HubContext,
    @Arg('input', { description: 'The new region.' }) input: CreateRegionInput,
  ): Promise<Region> {
    return ctx.services.regions.create(ctx.viewer, {
      ...input,
      parentId: parseOptionalGlobalId(input.parentId, 'Region', 'parentId'),
    });
  }

  @FieldResolver(() => ID, { description: 'Global id (Relay) of this region.' })
  id(@Root() region: Region): string {
    return toGlobalId('Region', region.id);
  }

  @FieldResolver(() => RegionType, {
    nullable: true,
    description: 'The region directly above this one; null for the top.',
  })
  parent(@Root() region: Region, @Ctx() ctx: HubContext): Promise<Region | null> | null {
    return region.parentId == null ? null : ctx.loaders.regions.byId.load(region.parentId);
  }

  @FieldResolver(() => [RegionType], {
    description: 'The regions directly below this one, by name.',
  })
  children(@Root() region: Region, @Ctx() ctx: HubContext): Promise<Region[]> {
    return ctx.loaders.regions.children.load(region.id);
  }

  @FieldResolver(() => [RegionType], {
    description: 'Ancestors from the top down, ending with this region.',
  })
  async path(@Root() region: Region, @Ctx() ctx: HubContext): Promise<Region[]> {
    const regions = await ctx.loaders.regions.byId.loadMany(pathIds(region.path));
    return regions.filter((r): r is Region => r instanceof Region);
  }
}
