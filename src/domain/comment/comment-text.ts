import { invalid } from '../shared/errors.js';
import { hasControlCharacters, invisibleCharacterIn } from '../shared/text.js';

export const NAME_MAX = 80;
export const BODY_MAX = 5_000;

/** A display name: one line, trimmed, no control or invisible formatting characters. */
export function parseAuthorName(value: unknown): string {
  return parseText(value, 'authorName', NAME_MAX, false);
}

/** A comment's text: plain text, line breaks kept, at most a few blank lines in a row. */
export function parseCommentBody(value: unknown): string {
  return parseText(value, 'body', BODY_MAX, true);
}

function parseText(value: unknown, field: string, max: number, multiline: boolean): string {
  if (typeof value !== 'string') throw invalid('COMMENT_FIELD_INVALID', `${field} must be text`, field);
  let text = value.replace(/\r\n?/g, '\n').trim();
  if (multiline) text = text.replace(/\n{3,}/g, '\n\n');
  if (text.length === 0) throw invalid('COMMENT_FIELD_REQUIRED', `${field} must not be empty`, field);
  if ([...text].length > max) throw invalid('COMMENT_FIELD_TOO_LONG', `${field} must be at most ${max} characters`, field);
  if (hasControlCharacters(text) || (!multiline && (/[\n\t]/.test(text) || invisibleCharacterIn(text) !== null))) {
    throw invalid('COMMENT_CONTROL_CHARACTERS', `${field} contains control characters`, field);
  }
  return text;
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+|\bwww\.[^\s<>"']+/giu;

/** Text split into plain runs and web links, for a view to render links without HTML from the reader. */
export type TextRun = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'link'; readonly text: string; readonly href: string };

export function splitLinks(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    // Trailing punctuation usually ends the sentence, not the address.
    const raw = match[0].replace(/[.,;:!?)\]}]+$/u, '');
    if (start > last) runs.push({ kind: 'text', text: text.slice(last, start) });
    const href = raw.toLowerCase().startsWith('www.') ? `https://${raw}` : raw;
    runs.push(safeHref(href) ? { kind: 'link', text: raw, href } : { kind: 'text', text: raw });
    last = start + raw.length;
  }
  if (last < text.length) runs.push({ kind: 'text', text: text.slice(last) });
  return runs;
}

function safeHref(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function countLinks(text: string): number {
  return [...text.matchAll(URL_PATTERN)].length;
}

/** The first banned word the text contains as a whole word, case and width folded; null if none. */
export function findBannedWord(text: string, bannedWords: readonly string[]): string | null {
  if (bannedWords.length === 0) return null;
  const folded = text.normalize('NFKC').toLocaleLowerCase();
  const words = new Set(folded.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean));
  for (const banned of bannedWords) {
    if (/[^\p{L}\p{N}\p{M}]/u.test(banned) ? folded.includes(banned) : words.has(banned)) return banned;
  }
  return null;
}

/** Text compared for duplicates: case, width and spacing do not make a comment new. */
export function duplicateKey(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase().replace(/\s+/gu, ' ').trim();
}
