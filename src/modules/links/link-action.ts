import { registerEnumType } from 'type-graphql';

/** What a link sent by e-mail does (contract: coordination.graphql, "links sent by e-mail"). */
export enum LinkAction {
  CONFIRM = 'CONFIRM',
  WITHDRAW = 'WITHDRAW',
  SIGN_IN = 'SIGN_IN',
  ANSWER_SURVEY = 'ANSWER_SURVEY',
}

registerEnumType(LinkAction, {
  name: 'LinkAction',
  description: 'What a link sent by e-mail does.',
  valuesConfig: {
    CONFIRM: { description: 'Confirm an e-mail address given with a sign-up (double opt-in).' },
    WITHDRAW: { description: 'Withdraw a sign-up or cancel a registration without an account.' },
    SIGN_IN: { description: 'Sign in (magic link) or accept an invitation.' },
    ANSWER_SURVEY: { description: 'Answer a survey for the invited actor.' },
  },
});

/**
 * Each token starts with a letter for its action, so even a link that is expired, used or
 * unknown answers with the action it was made for (LinkResult.action is non-null).
 */
export const ACTION_PREFIX: Record<LinkAction, string> = {
  [LinkAction.CONFIRM]: 'c',
  [LinkAction.WITHDRAW]: 'w',
  [LinkAction.SIGN_IN]: 's',
  [LinkAction.ANSWER_SURVEY]: 'a',
};
