/**
 * Finding profiles by the start of any word of their name ("otun" finds "Roza Otunbaeva",
 * "кур" finds "Курманбек Бакиев"): case-insensitive in every script. A name is indexed as
 * the prefixes of its words, so a search is equality lookups on an index, the same on both
 * databases whatever their collation.
 */

/** Words longer than this are indexed by their first PREFIX_MAX letters (a longer search term is cut to match). */
export const PREFIX_MAX = 24;
/** Search terms beyond this many are ignored. */
export const SEARCH_TERMS_MAX = 6;

function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
}

/** Every prefix (1 to PREFIX_MAX letters) of every word of the name, lower-cased, without repeats. */
export function profileNamePrefixes(name: string): string[] {
  const prefixes = new Set<string>();
  for (const word of words(name)) {
    const letters = Array.from(word);
    for (let n = 1; n <= Math.min(letters.length, PREFIX_MAX); n++) prefixes.add(letters.slice(0, n).join(''));
  }
  return [...prefixes];
}

/** The terms of a search: each must start some word of the name. Empty when nothing searchable was typed. */
export function profileSearchTerms(query: string): string[] {
  const terms = words(query).map((word) => Array.from(word).slice(0, PREFIX_MAX).join(''));
  return [...new Set(terms)].slice(0, SEARCH_TERMS_MAX);
}
