import type { Stemmer } from './language.js';
import { ORIGINAL_WORD, searchWords } from './normalise.js';
import type { SearchQuery } from './query.js';

/** A piece of a result's text; `marked` pieces matched the query (shown in <mark>). */
export interface SnippetPart {
  readonly text: string;
  readonly marked: boolean;
}

export const SNIPPET_LENGTH = 240;
const SCAN_LIMIT = 4_000;

/**
 * A short passage of `text` around the first word that matches one of the query's words
 * (after normalisation and the language's stemming, as the index compares them), with every
 * matching word marked. No match: the start of the text. Text only: the view escapes it.
 */
export function buildSnippet(text: string, query: SearchQuery, stem: Stemmer): SnippetPart[] {
  const wanted = new Set(query.include.flatMap((term) => term.words.map(stem)));
  const seen = new Map<string, boolean>();
  const matches = (original: string) => {
    let marked = seen.get(original);
    if (marked === undefined) {
      marked = searchWords(original).some((word) => wanted.has(stem(word)));
      seen.set(original, marked);
    }
    return marked;
  };
  // Words are looked at up to the end of the passage around the first match, and no further
  // than SCAN_LIMIT characters when nothing matches: a long body costs no more than a short one.
  const words: { start: number; end: number; marked: boolean }[] = [];
  let stopAt = SCAN_LIMIT;
  let found = false;
  for (const match of text.matchAll(ORIGINAL_WORD)) {
    if (match.index > stopAt) break;
    const word = { start: match.index, end: match.index + match[0].length, marked: matches(match[0]) };
    if (word.marked && !found) {
      found = true;
      stopAt = word.start + SNIPPET_LENGTH;
    }
    words.push(word);
  }
  const first = words.find((word) => word.marked);
  let start = first ? Math.max(0, first.start - SNIPPET_LENGTH / 4) : 0;
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  // Never cut a word in two.
  const startWord = words.find((word) => word.end > start);
  if (startWord && startWord.start < start) start = startWord.start;
  const endWord = words.find((word) => word.end > end);
  if (endWord && endWord.start < end) end = endWord.start;

  const parts: SnippetPart[] = [];
  const push = (part: string, marked: boolean) => {
    if (!part) return;
    const last = parts[parts.length - 1];
    if (last && last.marked === marked) parts[parts.length - 1] = { text: last.text + part, marked };
    else parts.push({ text: part, marked });
  };
  if (start > 0) push('… ', false);
  let at = start;
  for (const word of words) {
    if (word.start < start || word.end > end || !word.marked) continue;
    push(text.slice(at, word.start), false);
    push(text.slice(word.start, word.end), true);
    at = word.end;
  }
  push(text.slice(at, end).replace(/\s+$/u, ''), false);
  if (end < text.length) push(' …', false);
  return parts;
}
