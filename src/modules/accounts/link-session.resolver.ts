import { FieldResolver, Resolver, Root } from 'type-graphql';
import { LinkResultType } from '../links/link.type';
import type { Session } from './account.service';
import { SessionType } from './account.type';
import { ownAccounts } from './own-accounts';

/**
 * Deliberately public, like useLink: the session is the answer to a valid SIGN_IN link, handed
 * to whoever holds the link (the token from the mail is the proof).
 */
@Resolver(() => LinkResultType)
export class LinkSessionResolver {
  @FieldResolver(() => SessionType, {
    nullable: true,
    description: 'Set when action is SIGN_IN and the link was valid.',
  })
  session(@Root() result: LinkResultType): Session | null {
    const session = (result.session as Session | undefined) ?? null;
    // The person who signed in sees their own account's e-mail in this answer.
    if (session) ownAccounts.add(session.account);
    return session;
  }
}
