import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay.types';
import { connectionTypes } from '../../graphql/relay.types';
import { Role } from '../../graphql/viewer';

@ObjectType('Account', {
  implements: Node,
  description: "A person who signs in: a club's board member, a coordinator, a pilot.",
})
export class AccountType extends Node {
  @Field(() => String, {
    nullable: true,
    description: 'Shown to the account itself, and to coordinators and admins.',
  })
  email: string | null;

  @Field({ description: 'The name shown for the person, e.g. Anke Petersen.' })
  displayName: string;

  @Field(() => Role, { description: 'What the account may do once signed in.' })
  role: Role;

  @Field(() => Date, { description: 'When the account was created (invited).' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it last signed in; null before that.' })
  lastSignInAt: Date | null;
}

@ObjectType('Session', { description: 'A signed-in session of an account, ended by signOut.' })
export class SessionType {
  @Field({ description: 'A bearer token for Authorization headers and connection_init.' })
  token: string;

  @Field(() => Date, { description: 'When the token expires (HUB_SESSION_TTL after sign-in).' })
  expiresAt: Date;

  @Field(() => AccountType, { description: 'The account that is signed in.' })
  account: AccountType;
}

export const { EdgeType: AccountEdge, ConnectionType: AccountConnection } = connectionTypes(
  'Account',
  () => AccountType,
  'accounts (Zugänge)',
);
