import { en, type MessageKey, type Messages } from './messages/en.js';
import { fa } from './messages/fa.js';
import { ky } from './messages/ky.js';
import { ru } from './messages/ru.js';

const catalogues: Readonly<Record<string, Messages>> = { en, ru, ky, fa };

export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

export interface Translator {
  readonly locale: string;
  readonly t: Translate;
  /** "April 8, 2010, 14:05 UTC" in the locale's own words and digits. */
  readonly dateTime: (date: Date) => string;
  readonly date: (date: Date) => string;
  readonly number: (value: number) => string;
}

const translators = new Map<string, Translator>();

/** One translator per locale, built once: formatters are costly to make and cheap to use. */
export function translatorFor(locale: string): Translator {
  const cached = translators.get(locale);
  if (cached) return cached;
  const language = new Intl.Locale(locale).language;
  const messages = catalogues[language] ?? en;
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const numberFormat = new Intl.NumberFormat(locale);
  const translator: Translator = {
    locale,
    t: (key, params) => interpolate(messages[key] ?? en[key], params, numberFormat),
    dateTime: (date) => `${dateTimeFormat.format(date)} ${messages['time.utc'] ?? en['time.utc']}`,
    date: (date) => dateFormat.format(date),
    number: (value) => numberFormat.format(value),
  };
  translators.set(locale, translator);
  return translator;
}

function interpolate(
  template: string,
  params: Readonly<Record<string, string | number>> | undefined,
  numbers: Intl.NumberFormat,
): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

export const supportedLanguages = Object.keys(catalogues);
export type { MessageKey };
