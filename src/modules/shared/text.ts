// Text rules shared by every module: trimming, required and bounded text, search text, tag lists.
import { BadUserInputError } from '../../graphql/errors';

/**
 * What counts as nothing at either end of a text: Unicode white space (JavaScript's `\s`, which
 * covers the no-break, em and ideographic spaces, line and paragraph separators and U+FEFF) and
 * the invisible characters that render as nothing: zero-width space, non-joiner and joiner
 * (U+200B-U+200D), word joiner (U+2060), the byte order mark (U+FEFF), the soft hyphen (U+00AD)
 * and the Mongolian vowel separator (U+180E, white space before Unicode 6.3). Three zero-width
 * spaces are no title: they show as an empty card.
 */
const BLANK_EDGES =
  /^[\s\u00AD\u180E\u200B-\u200D\u2060\uFEFF]+|[\s\u00AD\u180E\u200B-\u200D\u2060\uFEFF]+$/g;

/** The text without white space and invisible characters at its ends. */
export function trimText(value: string): string {
  return value.replace(BLANK_EDGES, '');
}

/** Optional text: trimmed, and empty (or only white space and invisible characters) means none. */
export function trimmed(value: string | null | undefined): string | null {
  const v = value == null ? '' : trimText(value);
  return v ? v : null;
}

/**
 * Trimmed text of `min`..`max` characters; null when absent, or empty and optional (`min` 0).
 * Anything else is BAD_USER_INPUT on `field`.
 */
export function boundedText(
  value: string | null | undefined,
  field: string,
  min: number,
  max: number,
): string | null {
  if (value == null) return null;
  const v = trimText(value);
  if (v.length === 0 && min === 0) return null;
  if (v.length < min || v.length > max) {
    throw new BadUserInputError(`${field} must be ${min} to ${max} characters long`, field);
  }
  return v;
}

/**
 * A required text (a title, a name, a subject): trimmed, then `min`..`max` characters. Absent,
 * null, blank or only invisible characters is BAD_USER_INPUT naming `field`, before anything is
 * written. On an update, pass only the fields that were given.
 */
export function requiredText(
  value: string | null | undefined,
  field: string,
  min = 1,
  max = 200,
): string {
  const v = value == null ? '' : trimText(value);
  if (v.length === 0) throw new BadUserInputError(`${field} must not be empty`, field);
  if (v.length < min || v.length > max) {
    throw new BadUserInputError(`${field} must be ${min} to ${max} characters long`, field);
  }
  return v;
}

/** Free search text: trimmed, at most 200 characters; null when empty. */
export function searchText(text: string | null | undefined, field = 'filter.text'): string | null {
  const t = text?.trim() ?? '';
  if (t.length > 200) throw new BadUserInputError(`${field} must be at most 200 characters`, field);
  return t.length > 0 ? t : null;
}

/** Topics and tags: trimmed, lower-cased, without duplicates; at most 30 of 50 characters. */
export function normalizeTopics(topics: string[] | null | undefined, field = 'topics'): string[] {
  const out: string[] = [];
  for (const t of topics ?? []) {
    const v = trimText(t).toLowerCase();
    if (v.length === 0) continue;
    if (v.length > 50)
      throw new BadUserInputError(`each of ${field} must be at most 50 characters`, field);
    if (!out.includes(v)) out.push(v);
  }
  if (out.length > 30) throw new BadUserInputError(`at most 30 ${field}`, field);
  return out;
}
