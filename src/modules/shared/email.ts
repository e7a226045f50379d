// THE e-mail rule: actors' public contacts, volunteers' pledges and their erasure all accept
// exactly the same addresses, so whatever `volunteer` stores `eraseVolunteer` can find.
// Limits of RFC 5321 (4.5.3.1): local part at most 64 octets, domain at most 255, and a path
// of at most 256 octets including the angle brackets, so 254 for the address itself. No
// whitespace, no second @, none of the characters that would need quoting; the domain has a
// dot and a top-level part of two characters or more.

import { trimText } from './text';

const LOCAL = /^[^\s@<>(),;:"]{1,64}$/;
const DOMAIN = /^[^\s@<>(),;:"]+\.[^\s@<>(),;:"]{2,}$/;

export const EMAIL_MAX_LENGTH = 254;

/** How e-mails are stored and compared: trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return trimText(email).toLowerCase();
}

/** True when `email` (already trimmed) is an address this hub accepts. */
export function isEmail(email: string): boolean {
  if (email.length > EMAIL_MAX_LENGTH) return false;
  const at = email.lastIndexOf('@');
  if (at < 1) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  return LOCAL.test(local) && domain.length <= 255 && DOMAIN.test(domain);
}
