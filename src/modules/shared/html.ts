// The small server-rendered pages (/link, /umfrage, /mailbox, sign-in failures, the client
// pages): one escape for text in HTML, and the headers of a page whose address holds a token.
import type { FastifyReply } from 'fastify';

/** Text for HTML content and attribute values: & < > " ' as numeric character references. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Status and headers of a page opened from a link in a mail: never cached, never sent on as a
 * referrer (the token is in the address), never framed, no script, forms only to the hub.
 */
export function tokenPageHeaders(reply: FastifyReply, status: number): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    );
}
