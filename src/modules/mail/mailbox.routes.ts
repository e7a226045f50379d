// The /mailbox routes: GET with an Authorization header (or the sign-in form), POST from the
// form with the token in the body. Only while mails are kept (no SMTP_URL, mail not off).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Role, type Viewer } from '../../graphql/viewer';
import type { RouteDeps } from '../define-module';
import type { MailService } from './mail.service';
import { mailboxPage, noMailboxPage, signInPage } from './mailbox.page';

const READERS: ReadonlySet<Role> = new Set([Role.ADMIN, Role.COORDINATOR]);

function html(reply: FastifyReply, status: number, body: string): string {
  void reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    );
  return body;
}

export function registerMailboxRoutes(
  app: FastifyInstance,
  mail: MailService,
  mailboxOpen: boolean,
  deps: RouteDeps,
): void {
  const answer = async (
    reply: FastifyReply,
    authorization: string | undefined,
    ip: string,
  ): Promise<string> => {
    if (!mailboxOpen) return html(reply, 404, noMailboxPage());
    if (!authorization) return html(reply, 401, signInPage());
    let viewer: Viewer;
    try {
      viewer = await deps.viewerFor(authorization, ip);
    } catch {
      return html(reply, 401, signInPage('Das Token ist nicht gültig oder abgelaufen.'));
    }
    if (!READERS.has(viewer.role)) {
      return html(
        reply,
        403,
        signInPage('Das Postfach lesen nur Administration und Koordination.'),
      );
    }
    return html(reply, 200, mailboxPage(await mail.kept()));
  };

  app.get('/mailbox', (req, reply) => answer(reply, req.headers.authorization, req.ip));
  // The form's POST, in its own scope so the form parser applies to /mailbox only.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 8192 },
      (_req, body, done) => done(null, new URLSearchParams(body as string)),
    );
    scope.post('/mailbox', (req, reply) => {
      const token = req.body instanceof URLSearchParams ? req.body.get('token')?.trim() : '';
      return answer(reply, token ? `Bearer ${token}` : undefined, req.ip);
    });
  });
}
