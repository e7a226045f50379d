import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { addressKey } from './account.service';

/** Deliberately public: signing in is what an anonymous caller does. */
@Resolver()
export class SignInResolver {
  @Mutation(() => Boolean, {
    description:
      'Always true, whether or not the address has an account (no account probing); sends a sign-in link.',
  })
  async requestSignIn(
    @Ctx() ctx: HubContext,
    @Arg('email', { description: 'The e-mail address of the account.' }) email: string,
  ): Promise<boolean> {
    const { rateLimiter, config, accounts } = ctx.services;
    const window = 600;
    // Per address (hashed) and per client address, counted across instances before any work.
    await rateLimiter.checkStrict(
      { name: 'signin-ip', limit: config.signInIpRateLimit, windowSeconds: window },
      `ip:${ctx.viewer.ip}`,
    );
    await rateLimiter.checkStrict(
      { name: 'signin', limit: config.signInRateLimit, windowSeconds: window },
      addressKey(email),
    );
    return accounts.requestSignIn(email);
  }
}
