// How free text matches a record, for every module that searches (actors, needs, offers): one
// WHERE condition and one score, so ranks are comparable across tables and lists merge by rank.
//
// German compounds ("Schule" in "Grundschule", "Verein" in "Sportverein") and small typos
// ("Feuerwher") are found by trigram word similarity (pg_trgm) of each word of the text against
// the umlaut-folded name or title; everything else (stems, topics, descriptions) by the stemmed
// full-text vector. The `search` query joins the words by OR and ranks ("Sport & Spiel" finds
// what has either word, what has both first); list and subscription filters narrow: every word.
// Both sides have a GIN index (IDX_*_search, IDX_*_trgm); the planner combines them with a
// BitmapOr, so a search stays one indexed statement.
//
// The score adds twice the full-text rank (weighted: name or title A, topics B, description C;
// about 0 without a full-text match) and the mean word similarity of the words to the name, so
// a name holding the exact word (both parts count) ranks before one holding it inside a
// compound or misspelt (only the second), and those before a mention in a description.

/** The most words of one search text that are matched one by one. */
export const MAX_SEARCH_WORDS = 8;

/**
 * The words of a search text: runs of letters and digits, at least two characters long, without
 * duplicates (case-insensitive), at most MAX_SEARCH_WORDS. Only letters and digits, so the words
 * are safe to join into a tsquery.
 */
export function searchWords(text: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const w of text.split(/[^\p{L}\p{N}]+/u)) {
    const key = w.toLowerCase();
    if ([...w].length < 2 || seen.has(key)) continue;
    seen.add(key);
    words.push(w);
    if (words.length === MAX_SEARCH_WORDS) break;
  }
  return words;
}

export interface TextMatchSql {
  /** The condition: a full-text or a trigram match. */
  where: string;
  /** The relevance of a matching row, higher is better. */
  score: string;
}

/**
 * SQL for matching `text` against `alias.search_vector` and `alias.search_name` (the folded name
 * or title); pushes its parameters onto `params`. Null when the text has no word to look for.
 * `any` (search): a record matching one of the words; `every` (filters): each word matches.
 */
export function textMatchSql(
  alias: string,
  text: string,
  params: unknown[],
  mode: 'any' | 'every' = 'any',
): TextMatchSql | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  if (mode === 'every') return everyWordSql(alias, words, params);
  params.push(words.join(' | '));
  const tsq = `to_tsquery('german', hub_fold($${params.length}))`;
  const name = `${alias}.search_name`;
  const wordParams = words.map((w) => {
    params.push(w);
    return `hub_fold($${params.length})`;
  });
  // `search_name %> word` is the operator form the trigram index serves (word_similarity >= 0.6,
  // pg_trgm.word_similarity_threshold).
  const where = `(${alias}.search_vector @@ ${tsq} ${wordParams.map((w) => `OR ${name} %> ${w}`).join(' ')})`;
  const mean = (fn: string) =>
    `(${wordParams.map((w) => `${fn}(${w}, ${name})`).join(' + ')}) / ${words.length}`;
  const score = `(2 * ts_rank(${alias}.search_vector, ${tsq}) + ${mean('word_similarity')})`;
  return { where, score };
}

/**
 * Filters (`filter.text` of lists and subscriptions) narrow: every word must match, by full text
 * or by the name's trigrams ("Hafenfest Helfer" is what has both). A stop word ("und", "für")
 * has no lexeme and is left out, as plainto_tsquery leaves it out.
 */
function everyWordSql(alias: string, words: string[], params: unknown[]): TextMatchSql {
  const conditions = words.map((w) => {
    params.push(w);
    const word = `hub_fold($${params.length})`;
    const q = `to_tsquery('german', ${word})`;
    return `(numnode(${q}) = 0 OR ${alias}.search_vector @@ ${q} OR ${alias}.search_name %> ${word})`;
  });
  const score = `(${words
    .map((_, i) => {
      const word = `hub_fold($${params.length - words.length + i + 1})`;
      return `ts_rank(${alias}.search_vector, to_tsquery('german', ${word})) * 2 + word_similarity(${word}, ${alias}.search_name)`;
    })
    .join(' + ')}) / ${words.length}`;
  return { where: `(${conditions.join(' AND ')})`, score };
}
