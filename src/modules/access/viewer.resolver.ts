import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { Role, Viewer } from '../../graphql/viewer';
import { Actor } from '../actors/actor.entity';
import { ActorInterface } from '../actors/actor.type';
import { Region } from '../regions/region.entity';
import { inRegionSql } from '../regions/region.service';
import { RegionType } from '../regions/region.type';
import { ViewerType } from './viewer.type';

/** Deliberately public: anyone may ask who they are (PUBLIC gets role PUBLIC and empty lists). */
@Resolver(() => ViewerType)
export class ViewerResolver {
  @Query(() => ViewerType)
  viewer(@Ctx() ctx: HubContext): Viewer {
    return ctx.viewer;
  }

  @FieldResolver(() => [ActorInterface], {
    description:
      'Actors the viewer may edit: a MEMBER its own, a COORDINATOR those of its regions (first 500 by name); an ADMIN may edit every actor and gets an empty list.',
  })
  async actors(@Root() viewer: Viewer, @Ctx() ctx: HubContext): Promise<Actor[]> {
    if (viewer.role === Role.MEMBER) {
      const actors = await ctx.loaders.actor.loadMany(viewer.actorIds);
      return actors.filter((a): a is Actor => a instanceof Actor);
    }
    if (viewer.role === Role.COORDINATOR && viewer.regionIds.length > 0) {
      const ors = viewer.regionIds.map((_, i) => inRegionSql('a.region_id', i + 1)).join(' OR ');
      const rows = await ctx.services.db.read<{ id: number }>(
        `SELECT a.id FROM actor a WHERE ${ors} ORDER BY a.name, a.id LIMIT 500`,
        viewer.regionIds,
      );
      const actors = await ctx.loaders.actor.loadMany(rows.map((r) => r.id));
      return actors.filter((a): a is Actor => a instanceof Actor);
    }
    return [];
  }

  @FieldResolver(() => [RegionType], {
    description: 'Regions the viewer coordinates (COORDINATOR), empty otherwise.',
  })
  async regions(@Root() viewer: Viewer, @Ctx() ctx: HubContext): Promise<Region[]> {
    if (viewer.role !== Role.COORDINATOR) return [];
    const regions = await ctx.loaders.region.loadMany(viewer.regionIds);
    return regions.filter((r): r is Region => r instanceof Region);
  }
}
