/**
 * How search treats a service's language: a stemmer where one exists (Snowball's, the same
 * algorithm on both stores), otherwise the normalised words as they are ("simple").
 */
export type SearchLanguage = 'english' | 'russian' | 'simple';

export function searchLanguageOf(locale: string): SearchLanguage {
  const language = locale.toLowerCase().split('-')[0];
  if (language === 'en') return 'english';
  if (language === 'ru') return 'russian';
  return 'simple';
}

/** Turns a normalised word into the form the index keeps for the language. */
export type Stemmer = (word: string) => string;
