// Cross-site request forgery: a page on another site can make a browser send a "simple" request
// (a GET, or a POST of a form or text) with that browser's ambient credentials, without a CORS
// preflight. Apollo's rule: a request is safe when the browser must have preflighted it, i.e.
// it has a content type other than the three simple ones, or one of Apollo's headers.
import type { IncomingHttpHeaders } from 'node:http';

export const CSRF_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];
const SIMPLE_CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
];

/** True when a browser could only have sent this request after a CORS preflight. */
export function isPreflighted(headers: IncomingHttpHeaders): boolean {
  const type = headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (type && !SIMPLE_CONTENT_TYPES.includes(type)) return true;
  return CSRF_HEADERS.some((name) => {
    const value = headers[name];
    return typeof value === 'string' && value.length > 0;
  });
}

export const CSRF_MESSAGE =
  'This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please ' +
  "either specify a 'content-type' header (with a type that is not one of " +
  `${SIMPLE_CONTENT_TYPES.join(', ')}) or provide a non-empty value for one of the following ` +
  `headers: ${CSRF_HEADERS.join(', ')}`;
