// What the accounts module needs from the links and mail modules (interfaces.md): a sign-in link
// stored as a hash, and a mail written to the outbox in the caller's transaction.
import type { Queryable, Transaction } from '../../db/database';
import type { Viewer } from '../../graphql/viewer';

export interface LinkHandlerResult {
  ok: boolean;
  message: string;
  subject?: { type: string; id: string } | null;
  session?: unknown;
}

export interface AccountLinks {
  create(
    q: Queryable,
    l: {
      action: 'SIGN_IN';
      kind: string;
      subjectType: string;
      subjectId: string;
      expiresAt: Date;
    },
  ): Promise<{ token: string; url: string }>;
  registerHandler(
    kind: string,
    handler: (
      tx: Transaction,
      link: { id: string; action: string; kind: string; subjectType: string; subjectId: string },
      ctx: { viewer: Viewer; ip?: string },
    ) => Promise<LinkHandlerResult>,
  ): void;
}

export interface AccountMail {
  enqueue(
    q: Queryable,
    m: { to: string; kind: string; subject: string; text: string; html: string },
  ): Promise<void>;
}
