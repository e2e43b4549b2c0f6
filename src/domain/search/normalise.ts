/**
 * The one normalisation search applies to text, at indexing and at query time alike, so that
 * what a reader types meets what was written however either was keyed in:
 * - Unicode NFKC (Arabic presentation forms, full-width Latin), then case folding;
 * - Cyrillic ё -> е (Russian writes both for the same word);
 * - Arabic script: Arabic yeh and alef maksura -> Persian yeh, Arabic kaf -> Persian kaf,
 *   teh marbuta -> heh, no diacritics (harakat, superscript alef, Quranic marks), no tatweel,
 *   no zero-width non-joiner or joiner (so "می‌خواهم" and "میخواهم" are one word);
 * - Persian and Arabic-Indic digits -> ASCII digits.
 */
export function normaliseForSearch(text: string): string {
  // Most text of English services needs nothing but case folding.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u064A\u0649]/g, '\u06CC')
    .replace(/\u0643/g, '\u06A9')
    .replace(/\u0629/g, '\u0647')
    .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]|[\u0300-\u036F]|\u200C|\u200D/g, '')
    .replace(/[\u06F0-\u06F9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660));
}

const ASCII = /^[\t\n\r -~]*$/;

/** Letters, digits and the marks that belong to them: everything else separates words. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The normalised words of a text, in order. */
export function searchWords(text: string): string[] {
  return normaliseForSearch(text).match(WORD) ?? [];
}

/**
 * Where words are in the original text (for highlighting): runs of letters, digits, marks and
 * the characters normalisation removes inside a word (ZWNJ, ZWJ, tatweel).
 */
export const ORIGINAL_WORD = /(?:[\p{L}\p{N}\p{M}\u0640]|\u200C|\u200D)+/gu;
