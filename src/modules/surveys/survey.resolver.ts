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
import { Connection } from '../../graphql/pagination';
import { PageArgs } from '../../graphql/relay.types';
import { Role } from '../../graphql/viewer';
import { fetchNodeByType } from '../../graphql/node.resolver';
import { RateLimiter } from '../../server/rate-limit';
import { Actor } from '../actors/actor.entity';
import { ActorInterface } from '../actors/actor.type';
import { useLinkRule } from '../links/link-rules';
import { NeedType } from '../needs/need.type';
import { Region } from '../regions/region.entity';
import { RegionType } from '../regions/region.type';
import { CreateSurveyInput, SubmitSurveyResponseInput } from './dto/survey.input';
import { runsSurvey } from './survey-access';
import type { QuestionResult } from './survey-results';
import { Survey, SurveyResponse, SurveyStatus } from './survey.entity';
import {
  QuestionResultType,
  RegionResponseRateType,
  SurveyResponseConnection,
  SurveyAnswerType,
  SurveyResponseType,
  SurveyType,
} from './survey.type';

const EMPTY: Connection<SurveyResponse> = {
  edges: [],
  nodes: [],
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
  totalCount: Promise.resolve(0),
};

/**
 * Deliberately public: an opened survey's title and questions are for everyone (the invited
 * read them through the answer link, without an account), and submitSurveyResponse takes the
 * link's token. Answers, results and the CSV are for the survey's coordinators only.
 */
@Resolver(() => SurveyType)
export class SurveyResolver {
  @Query(() => [SurveyType], {
    description:
      'Surveys newest first (at most 200): opened and closed ones for everyone, DRAFT ones for their coordinators.',
  })
  surveys(
    @Ctx() ctx: HubContext,
    @Arg('regionId', () => ID, { nullable: true, description: 'A region, with everything below.' })
    regionId?: string | null,
    @Arg('status', () => [SurveyStatus], { nullable: true, description: 'Only these statuses.' })
    status?: SurveyStatus[] | null,
  ): Promise<Survey[]> {
    return ctx.services.surveys.list(
      ctx.viewer,
      parseOptionalGlobalId(regionId, 'Region', 'regionId'),
      status ?? undefined,
    );
  }

  @Authorized()
  @Mutation(() => SurveyType, {
    description: "Creates a DRAFT survey in a region the caller coordinates (or an ADMIN's).",
  })
  createSurvey(
    @Ctx() ctx: HubContext,
    @Arg('input', { description: 'The new survey.' }) input: CreateSurveyInput,
  ): Promise<Survey> {
    return ctx.services.surveys.create(ctx.viewer, {
      ...input,
      regionId: parseGlobalId(input.regionId, 'Region', 'regionId'),
      copyFromId: parseOptionalGlobalId(input.copyFromId, 'Survey', 'copyFromId'),
    });
  }

  @Authorized()
  @Mutation(() => SurveyType, {
    description:
      'Invites every actor of the audience in the region (an e-mail with an answer link to each public contact).',
  })
  openSurvey(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the survey.' }) id: string,
  ): Promise<Survey> {
    return ctx.services.surveys.open(ctx.viewer, parseGlobalId(id, 'Survey'));
  }

  @Authorized()
  @Mutation(() => SurveyType, { description: 'Ends an OPEN survey: no more answers.' })
  closeSurvey(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the survey.' }) id: string,
  ): Promise<Survey> {
    return ctx.services.surveys.close(ctx.viewer, parseGlobalId(id, 'Survey'));
  }

  @Mutation(() => SurveyResponseType, {
    description: 'Again for the same actor replaces the earlier answers while the survey is open.',
  })
  async submitSurveyResponse(
    @Ctx() ctx: HubContext,
    @Arg('input', { description: 'The answers.' }) input: SubmitSurveyResponseInput,
  ): Promise<SurveyResponse> {
    if (ctx.viewer.role === Role.PUBLIC) {
      // The token path: as strict as useLink, per IP.
      await ctx.services.rateLimiter.checkStrict(useLinkRule, RateLimiter.ipKey(ctx.viewer));
    }
    return ctx.services.surveys.submit(ctx.viewer, {
      surveyId: parseGlobalId(input.surveyId, 'Survey', 'surveyId'),
      actorId: parseOptionalGlobalId(input.actorId, 'Actor', 'actorId'),
      invitationToken: input.invitationToken,
      answers: input.answers,
    });
  }

  @Authorized()
  @Mutation(() => Int, {
    description:
      'Sends a reminder to invited actors that have not answered; returns how many. At most once every 3 days (CONFLICT).',
  })
  remindSurvey(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the survey.' }) id: string,
  ): Promise<number> {
    return ctx.services.surveys.remind(ctx.viewer, parseGlobalId(id, 'Survey'));
  }

  @FieldResolver(() => ID, { description: 'Global id (Relay) of this survey.' })
  id(@Root() s: Survey): string {
    return toGlobalId('Survey', s.id);
  }

  @FieldResolver(() => RegionType, { description: "The survey's region (with everything below)." })
  async region(@Root() s: Survey, @Ctx() ctx: HubContext): Promise<Region> {
    return (await ctx.loaders.regions.byId.load(s.regionId)) as Region;
  }

  @FieldResolver(() => Int, { description: 'Actors invited.' })
  async invitedCount(@Root() s: Survey, @Ctx() ctx: HubContext): Promise<number> {
    return (await ctx.loaders.surveys.counts.load(s.id)).invited;
  }

  @FieldResolver(() => Int, { description: 'Invited actors that answered.' })
  async respondedCount(@Root() s: Survey, @Ctx() ctx: HubContext): Promise<number> {
    return (await ctx.loaders.surveys.counts.load(s.id)).responded;
  }

  @FieldResolver(() => [RegionResponseRateType], {
    description: "Per region one level below the survey's region; for coordinators.",
  })
  async responseRates(@Root() s: Survey, @Ctx() ctx: HubContext) {
    if (!(await runsSurvey(ctx, s))) return [];
    return ctx.services.surveyResults.responseRates(s);
  }

  @FieldResolver(() => [QuestionResultType], { description: 'Aggregates; for coordinators.' })
  async results(@Root() s: Survey, @Ctx() ctx: HubContext) {
    if (!(await runsSurvey(ctx, s))) return [];
    const withQuestion = (survey: Survey, results: QuestionResult[]) =>
      results.map((r) => ({
        ...r,
        question: survey.questions.find((q) => q.id === r.questionId)!,
      }));
    const current = withQuestion(s, await ctx.services.surveyResults.results(s));
    // The previous round: only for those who run that survey too.
    const earlier = s.copiedFromId ? await ctx.loaders.surveys.byId.load(s.copiedFromId) : null;
    if (!earlier || !(await runsSurvey(ctx, earlier))) return current;
    const before = withQuestion(earlier, await ctx.services.surveyResults.results(earlier));
    const key = (q: { kind: string; text: string; options: string[] }) =>
      JSON.stringify([q.kind, q.text, q.options]);
    const byKey = new Map(before.map((r) => [key(r.question), r]));
    return current.map((r) => {
      const previous = byKey.get(key(r.question)) ?? null;
      const averageChange =
        previous?.average != null && r.average != null ? r.average - previous.average : null;
      return { ...r, previous, averageChange };
    });
  }

  @FieldResolver(() => SurveyResponseConnection, { description: 'For coordinators.' })
  async responses(
    @Root() s: Survey,
    @Ctx() ctx: HubContext,
    @Args() args: PageArgs,
  ): Promise<Connection<SurveyResponse>> {
    if (!(await runsSurvey(ctx, s))) return EMPTY;
    return ctx.services.surveyResults.responses(s.id, args);
  }

  @FieldResolver(() => [ActorInterface], {
    description:
      'Invited actors without any e-mail address (no public contact, no account), to be phoned; for coordinators.',
  })
  async unreachableActors(@Root() s: Survey, @Ctx() ctx: HubContext): Promise<Actor[]> {
    if (!(await runsSurvey(ctx, s))) return [];
    const ids = await ctx.services.surveyResults.unreachableActorIds(s.id);
    const actors = await ctx.loaders.actors.byId.loadMany(ids);
    return actors.filter((a): a is Actor => a != null && !(a instanceof Error));
  }

  @FieldResolver(() => String, {
    description:
      'Absolute URL of a CSV of all answers, one row per response; for coordinators (Bearer token).',
  })
  csvUrl(@Root() s: Survey, @Ctx() ctx: HubContext): string {
    return ctx.services.links.absoluteUrl(`/surveys/${toGlobalId('Survey', s.id)}/responses.csv`);
  }
}

/** Reached only through checked paths: Survey.responses, node(), and the submitter's own answer. */
@Resolver(() => SurveyResponseType)
export class SurveyResponseResolver {
  @FieldResolver(() => ID, { description: 'Global id (Relay) of this response.' })
  id(@Root() r: SurveyResponse): string {
    return toGlobalId('SurveyResponse', r.id);
  }

  @FieldResolver(() => SurveyType, { description: 'The survey answered.' })
  async survey(@Root() r: SurveyResponse, @Ctx() ctx: HubContext): Promise<Survey> {
    return (await ctx.loaders.surveys.byId.load(r.surveyId)) as Survey;
  }

  @FieldResolver(() => ActorInterface, { description: 'The actor that answered.' })
  async actor(@Root() r: SurveyResponse, @Ctx() ctx: HubContext): Promise<Actor> {
    return (await ctx.loaders.actors.byId.load(r.actorId)) as Actor;
  }

  @FieldResolver(() => [NeedType], {
    description: 'DRAFT needs made from the NEED answers (published ones keep their link).',
  })
  async needs(@Root() r: SurveyResponse, @Ctx() ctx: HubContext): Promise<object[]> {
    const ids = await ctx.loaders.surveys.needIdsOfResponse.load(r.id);
    const needs = await Promise.all(ids.map((id) => fetchNodeByType(ctx, 'Need', id)));
    return needs.filter((n): n is object => n != null);
  }

  @FieldResolver(() => [SurveyAnswerType], { description: 'The answers, in question order.' })
  async answers(@Root() r: SurveyResponse, @Ctx() ctx: HubContext) {
    const survey = await ctx.loaders.surveys.byId.load(r.surveyId);
    const order = new Map((survey?.questions ?? []).map((q, i) => [q.id, i]));
    return [...r.answers]
      .sort((a, b) => (order.get(a.questionId) ?? 0) - (order.get(b.questionId) ?? 0))
      .map((a) => ({
        ...a,
        question: survey?.questions.find((q) => q.id === a.questionId),
      }));
  }
}

@Resolver(() => RegionResponseRateType)
export class RegionResponseRateResolver {
  @FieldResolver(() => RegionType, { description: 'The region, with everything below it.' })
  async region(@Root() r: RegionResponseRateType, @Ctx() ctx: HubContext): Promise<Region> {
    return (await ctx.loaders.regions.byId.load(r.regionId)) as Region;
  }
}
