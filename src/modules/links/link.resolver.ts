import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { type NodeTypeName } from '../../graphql/global-id';
import { fetchNodeByType } from '../../graphql/node.resolver';
import { Node } from '../../graphql/relay.types';
import { RateLimiter } from '../../server/rate-limit';
import { useLinkRule } from './link-rules';
import { LinkResultType } from './link.type';

/** Deliberately public: a link from an e-mail works without a sign-in (the token is the proof). */
@Resolver(() => LinkResultType)
export class LinkResolver {
  @Mutation(() => LinkResultType, {
    description: 'Acts on a link from an e-mail: confirm, withdraw, sign in, answer a survey.',
  })
  async useLink(
    @Ctx() ctx: HubContext,
    @Arg('token', { description: 'The token from the link (the part after /link/).' })
    token: string,
  ): Promise<LinkResultType> {
    await ctx.services.rateLimiter.checkStrict(useLinkRule, RateLimiter.ipKey(ctx.viewer));
    const r = await ctx.services.links.use(token, { viewer: ctx.viewer, ip: ctx.viewer.ip });
    return Object.assign(new LinkResultType(), {
      action: r.action,
      ok: r.ok,
      message: r.message,
      subjectRef: r.subject ?? null,
      session: r.session,
    });
  }

  @FieldResolver(() => Node, {
    nullable: true,
    description: 'What the link acted on, where the caller may see it.',
  })
  async subject(@Root() r: LinkResultType, @Ctx() ctx: HubContext): Promise<object | null> {
    if (!r.subjectRef) return null;
    const id = Number(r.subjectRef.id);
    if (!Number.isSafeInteger(id)) return null;
    return fetchNodeByType(ctx, r.subjectRef.type as NodeTypeName, id);
  }
}
