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
import { parseGlobalId, toGlobalId } from '../../graphql/global-id';
import { Connection } from '../../graphql/pagination';
import { Region } from '../regions/region.entity';
import { RegionType } from '../regions/region.type';
import { Pilot } from '../pilots/pilot.entity';
import { canSeePilotLoad } from '../pilots/pilot.permissions';
import { PilotType } from '../pilots/pilot.type';
import { pathIds } from '../shared/region-path';
import { visibleConsultation } from './consultation-access';
import { Consultation } from './consultation.entity';
import {
  ConsultationType,
  KnowledgeArticleConnection,
  KnowledgeArticleType,
} from './consultation.type';
import { KnowledgeArticleListArgs, PublishAnswerInput } from './dto/consultation.input';
import { KnowledgeArticle } from './knowledge-article.entity';

/** The knowledge base is public; publishing is for the coordinators of the question's region. */
@Resolver(() => KnowledgeArticleType)
export class KnowledgeArticleResolver {
  @Query(() => KnowledgeArticleConnection, {
    description: 'Published answers (Wissensbeiträge), newest first; text narrows by every word.',
  })
  knowledgeArticles(
    @Ctx() ctx: HubContext,
    @Args() args: KnowledgeArticleListArgs,
  ): Promise<Connection<KnowledgeArticle>> {
    return ctx.services.knowledge.list(args.text, args.areas ?? undefined, args);
  }

  @Authorized()
  @Mutation(() => KnowledgeArticleType, {
    description:
      "Publishes an anonymised answer of an answered consultation for everyone (the region's coordinators).",
  })
  publishAnswer(
    @Ctx() ctx: HubContext,
    @Arg('input', { description: 'The consultation and the anonymised text.' })
    input: PublishAnswerInput,
  ): Promise<KnowledgeArticle> {
    return ctx.services.knowledge.publish(ctx.viewer, {
      ...input,
      consultationId: parseGlobalId(input.consultationId, 'Consultation', 'consultationId'),
    });
  }

  @FieldResolver(() => ID, { description: 'Global id (Relay) of this article.' })
  id(@Root() k: KnowledgeArticle): string {
    return toGlobalId('KnowledgeArticle', k.id);
  }

  @FieldResolver(() => RegionType, {
    nullable: true,
    description: 'The region the question came from.',
  })
  region(@Root() k: KnowledgeArticle, @Ctx() ctx: HubContext): Promise<Region | null> | null {
    return k.regionId == null ? null : ctx.loaders.regions.byId.load(k.regionId);
  }

  @FieldResolver(() => ConsultationType, {
    nullable: true,
    description: 'The consultation it came from; null for anyone who may not see it.',
  })
  consultation(
    @Root() k: KnowledgeArticle,
    @Ctx() ctx: HubContext,
  ): Promise<Consultation | null> | null {
    return k.consultationId == null ? null : visibleConsultation(ctx, k.consultationId);
  }
}

/** Pilot.openConsultationCount: the load, for coordinators near the pilot and the pilot. */
@Resolver(() => PilotType)
export class PilotLoadResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Consultations assigned and not closed; for coordinators and the pilot, null for others.',
  })
  async openConsultationCount(@Root() p: Pilot, @Ctx() ctx: HubContext): Promise<number | null> {
    const paths = async (ids: number[]) =>
      (await ctx.loaders.regions.byId.loadMany(ids))
        .filter((r): r is Region => r != null && !(r instanceof Error))
        .map((r) => pathIds(r.path));
    const allowed = canSeePilotLoad(
      ctx.viewer,
      p.id,
      await paths(p.regionIds),
      await paths(ctx.viewer.regionIds),
    );
    return allowed ? ctx.loaders.consultations.openCount.load(p.id) : null;
  }
}
