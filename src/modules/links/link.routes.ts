// GET /link/<token> asks (changes nothing); POST /link/<token> (the page's button, a plain form)
// uses the link with the same rate limit as useLink and shows the German message.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { RateLimitedError } from '../../graphql/errors';
import { publicViewer } from '../../graphql/viewer';
import { RateLimiter } from '../../server/rate-limit';
import type { RouteDeps } from '../define-module';
import { tokenPageHeaders } from '../shared/html';
import { useLinkRule } from './link-rules';
import type { LinkService } from './link.service';
import { LinkAction } from './link-action';
import { actionOfToken, askPage, resultPage } from './link.page';

/** Link actions with a page of their own that the link opens (GET changes nothing there either). */
const ANSWER_PAGES: Partial<Record<LinkAction, string>> = {
  [LinkAction.ANSWER_SURVEY]: '/umfrage',
};

function html(reply: FastifyReply, status: number, body: string): string {
  void tokenPageHeaders(reply, status);
  return body;
}

export function registerLinkRoutes(
  app: FastifyInstance,
  links: LinkService,
  deps: RouteDeps,
): void {
  app.get<{ Params: { token: string } }>('/link/:token', (req, reply) => {
    const token = req.params.token.slice(0, 200);
    // An answer link is answered on its own page (a form), not used up with a button.
    const page = ANSWER_PAGES[actionOfToken(token)];
    if (page && /^[A-Za-z0-9_-]+$/.test(token)) {
      return reply.header('referrer-policy', 'no-referrer').redirect(`${page}/${token}`, 303);
    }
    return html(reply, 200, askPage(token));
  });
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 1024 },
      (_req, _body, done) => done(null, {}),
    );
    scope.post<{ Params: { token: string } }>('/link/:token', async (req, reply) => {
      const viewer = publicViewer(req.ip);
      try {
        await deps.rateLimiter.checkStrict(useLinkRule, RateLimiter.ipKey(viewer));
      } catch (e) {
        if (!(e instanceof RateLimitedError)) throw e;
        void reply.header('retry-after', String(e.retryAfterSeconds));
        return html(
          reply,
          429,
          resultPage(false, 'Zu viele Versuche von hier. Bitte warten Sie einige Minuten.'),
        );
      }
      const r = await links.use(req.params.token.slice(0, 200), { viewer, ip: req.ip });
      return html(reply, r.ok ? 200 : 400, resultPage(r.ok, r.message));
    });
  });
}
