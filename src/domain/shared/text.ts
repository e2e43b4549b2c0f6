import { invalid } from './errors.js';
import { isId, SLUG } from './limits.js';

/** A required single-line string, trimmed, with a length limit; names the field at fault. */
export function requireText(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string') throw invalid('FIELD_INVALID', `${field} must be text`, field);
  const text = value.trim();
  if (text.length === 0) throw invalid('FIELD_REQUIRED', `${field} must not be empty`, field);
  if (text.length > max) throw invalid('FIELD_TOO_LONG', `${field} must be at most ${max} characters`, field);
  if (hasControlCharacters(text)) {
    throw invalid('FIELD_INVALID', `${field} contains control characters`, field);
  }
  return text;
}

/** Control characters (other than tab and line breaks) have no place in text people write. */
export function hasControlCharacters(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u.test(text);
}

/**
 * Characters that show nothing, or change the direction of the text around them: format
 * characters (Unicode category Cf: U+200B..U+200F, U+202A..U+202E, U+2066..U+2069, U+FEFF,
 * U+061C, U+00AD, tag characters...), C1 controls, and line and paragraph separators. A name
 * made of them looks empty or like someone else's, and U+202E reverses what follows it.
 *
 * Two joiners are part of how some scripts and emoji are written, so they are kept where they
 * join two visible characters (never alone, at an edge, or next to a space or another
 * invisible character): ZWNJ (U+200C) in Persian ("می‌خواهم") and ZWJ (U+200D) in emoji
 * sequences and Indic scripts.
 */
const INVISIBLE = /[\p{Cf}\u0080-\u009f\u2028\u2029]/u;
const JOINER = /[\u200c\u200d]/u;
const JOINABLE = /[\p{L}\p{M}\p{N}\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]/u;

/** The first invisible or direction-changing character of a single-line name, or null. */
export function invisibleCharacterIn(text: string): string | null {
  const chars = [...text];
  for (const [index, char] of chars.entries()) {
    if (!INVISIBLE.test(char)) continue;
    if (JOINER.test(char) && JOINABLE.test(chars[index - 1] ?? '') && JOINABLE.test(chars[index + 1] ?? '')) continue;
    return char;
  }
  return null;
}

/**
 * A name or title on one line (display names, bylines, labels): requireText, and no invisible
 * or direction-changing characters (see invisibleCharacterIn).
 */
export function requireName(value: unknown, field: string, max: number): string {
  const text = requireText(value, field, max);
  const found = invisibleCharacterIn(text);
  if (found !== null) {
    const code = found.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0') ?? '';
    throw invalid('FIELD_INVALID', `${field} contains an invisible or direction-changing character (U+${code})`, field);
  }
  return text;
}

/** Like requireText, but absent or empty becomes null. */
export function optionalText(value: unknown, field: string, max: number): string | null {
  if (value === undefined || value === null || value === '') return null;
  return requireText(value, field, max);
}

export function requireId(value: unknown, field: string): number {
  if (!isId(value)) {
    throw invalid('FIELD_INVALID', `${field} must be a positive whole number`, field);
  }
  return value;
}

/**
 * A URL slug in any script: letters and digits of every language, joined by hyphens.
 * Cyrillic and Persian headlines keep their words rather than becoming empty.
 */
export function slugify(text: string, max = 80): string {
  const words = text
    .normalize('NFKC')
    .toLocaleLowerCase('und')
    .replace(/['’‘`]/gu, '')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) break;
    slug = next;
  }
  return slug || 'item';
}

const SLUG_PATTERN = new RegExp(SLUG.pattern, 'u');

export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value) && value.length <= SLUG.maxLength;
}

export function requireSlug(value: unknown, field: string): string {
  const text = requireText(value, field, SLUG.maxLength);
  if (!isSlug(text)) {
    throw invalid('SLUG_INVALID', `${field} may contain only letters, digits and single hyphens`, field);
  }
  return text;
}
