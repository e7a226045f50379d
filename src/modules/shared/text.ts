// Text rules shared by every module: trimming, bounded free text, search text, tag lists.
import { BadUserInputError } from '../../graphql/errors';

/** Optional text: trimmed, and empty means none. */
export function trimmed(value: string | null | undefined): string | null {
  const v = value?.trim();
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
  const v = value.trim();
  if (v.length === 0 && min === 0) return null;
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
    const v = t.trim().toLowerCase();
    if (v.length === 0) continue;
    if (v.length > 50)
      throw new BadUserInputError(`each of ${field} must be at most 50 characters`, field);
    if (!out.includes(v)) out.push(v);
  }
  if (out.length > 30) throw new BadUserInputError(`at most 30 ${field}`, field);
  return out;
}
