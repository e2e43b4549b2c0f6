import { en, type MessageKey, type Messages } from './messages/en.js';
import { fa } from './messages/fa.js';
import { ky } from './messages/ky.js';
import { ru } from './messages/ru.js';

const catalogues: Readonly<Record<string, Messages>> = { en, ru, ky, fa };

export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

export interface Translator {
  readonly locale: string;
  /** The script direction of the locale's language: the page's `dir`. */
  readonly direction: 'ltr' | 'rtl';
  /** The locale's language named in itself ("فارسی", "Русский"), for language pickers and switchers. */
  readonly languageName: string;
  readonly t: Translate;
  /** Whether the catalogues have this key (for keys made from codes, such as `error.code.FORBIDDEN`). */
  readonly has: (key: string) => key is MessageKey;
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
    direction: directionOf(locale),
    languageName: languageNameOf(locale),
    t: (key, params) => interpolate(messages[key] ?? en[key], params, numberFormat),
    has: (key): key is MessageKey => Object.hasOwn(en, key),
    dateTime: (date) => `${dateTimeFormat.format(date)} ${messages['time.utc'] ?? en['time.utc']}`,
    date: (date) => dateFormat.format(date),
    number: (value) => numberFormat.format(value),
  };
  translators.set(locale, translator);
  return translator;
}

const RIGHT_TO_LEFT_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg']);

/** `rtl` for languages written right to left (Persian, Arabic, Hebrew, Urdu, Pashto...), from the locale's likely script. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  const script = new Intl.Locale(locale).maximize().script;
  return script && RIGHT_TO_LEFT_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}

/** A language named in itself, with the capital its own script uses to start a name ("Русский", "فارسی"). */
export function languageNameOf(locale: string): string {
  const language = new Intl.Locale(locale).language;
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(language) ?? language;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
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

export type { MessageKey };
