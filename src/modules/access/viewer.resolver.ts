import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { Role, Viewer } from '../../graphql/viewer';
import { Actor } from '../actors/actor.entity';
import { ActorInterface } from '../actors/actor.type';
import { Region } from '../regions/region.entity';
import { RegionType } from '../regions/region.type';
import { ViewerType } from './viewer.type';

/** Deliberately public: anyone may ask who they are (PUBLIC gets role PUBLIC and empty lists). */
@Resolver(() => ViewerType)
export class ViewerResolver {
  @Query(() => ViewerType, {
    description: 'The caller as the hub sees them: role, editable actors, coordinated regions.',
  })
  viewer(@Ctx() ctx: HubContext): Viewer {
    return ctx.viewer;
  }

  @FieldResolver(() => [ActorInterface], {
    description:
      'Actors the viewer may edit: a MEMBER its own, a COORDINATOR those of its regions (first 500 by name); an ADMIN may edit every actor and gets an empty list.',
  })
  async actors(@Root() viewer: Viewer, @Ctx() ctx: HubContext): Promise<Actor[]> {
    const ids = await ctx.services.actors.editableIds(viewer);
    if (ids.length === 0) return [];
    const actors = await ctx.loaders.actors.byId.loadMany(ids);
    return actors.filter((a): a is Actor => a instanceof Actor);
  }

  @FieldResolver(() => [RegionType], {
    description: 'Regions the viewer coordinates (COORDINATOR), empty otherwise.',
  })
  async regions(@Root() viewer: Viewer, @Ctx() ctx: HubContext): Promise<Region[]> {
    if (viewer.role !== Role.COORDINATOR) return [];
    const regions = await ctx.loaders.regions.byId.loadMany(viewer.regionIds);
    return regions.filter((r): r is Region => r instanceof Region);
  }
}
