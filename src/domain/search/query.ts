import { searchWords } from './normalise.js';

/** A word, or a "quoted phrase" (its words in this order, next to each other). */
export interface SearchTerm {
  readonly words: readonly string[];
}

/**
 * A reader's query: terms a story must all contain, and terms it must not. Only normalised
 * words survive parsing, so no character a reader types reaches a database as syntax.
 */
export interface SearchQuery {
  readonly include: readonly SearchTerm[];
  readonly exclude: readonly SearchTerm[];
}

export const MAX_QUERY_LENGTH = 200;
/** More terms than this are dropped: they would only slow the query down. */
export const MAX_QUERY_TERMS = 16;

/**
 * Parses the query syntax: words, "phrases" and -exclusions (a minus before a word or a
 * phrase). Anything else (punctuation, SQL, FTS5 or tsquery operators) only separates words;
 * a word that normalisation splits in two ("Нур-Султан", "o'clock") becomes a phrase.
 * A query with nothing to include matches nothing: exclusions alone never list the archive.
 */
export function parseSearchQuery(raw: string): SearchQuery {
  const include: SearchTerm[] = [];
  const exclude: SearchTerm[] = [];
  const text = raw.slice(0, MAX_QUERY_LENGTH);
  let i = 0;
  while (i < text.length && include.length + exclude.length < MAX_QUERY_TERMS) {
    const char = text[i]!;
    if (/\s/u.test(char)) {
      i++;
      continue;
    }
    let negated = false;
    if (char === '-' && i + 1 < text.length && !/\s/u.test(text[i + 1]!)) {
      negated = true;
      i++;
    }
    let chunk: string;
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1);
      chunk = text.slice(i + 1, end === -1 ? text.length : end);
      i = end === -1 ? text.length : end + 1;
    } else {
      let end = i;
      while (end < text.length && !/\s/u.test(text[end]!) && text[end] !== '"') end++;
      chunk = text.slice(i, end);
      i = end;
    }
    const words = searchWords(chunk);
    if (words.length === 0) continue;
    (negated ? exclude : include).push({ words });
  }
  return { include, exclude };
}

export function isEmptyQuery(query: SearchQuery): boolean {
  return query.include.length === 0;
}
