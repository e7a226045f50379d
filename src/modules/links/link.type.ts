import { Field, ObjectType } from 'type-graphql';
import { LinkAction } from './link-action';

@ObjectType('LinkResult', { description: 'What using a link from an e-mail did.' })
export class LinkResultType {
  @Field(() => LinkAction, { description: 'What the link was made for.' })
  action: LinkAction;

  @Field({ description: 'Whether it acted; false for a link that is unknown, expired or used.' })
  ok: boolean;

  @Field({
    description: 'A German sentence for the person who clicked, e.g. Ihre Anmeldung ist bestätigt.',
  })
  message: string;

  /** What the link acted on (resolved with the caller's rights by LinkResult.subject). */
  subjectRef: { type: string; id: string } | null;

  /** Set by a sign-in handler; the accounts module resolves LinkResult.session from it. */
  session?: unknown;
}
