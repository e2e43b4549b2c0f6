import { describe, expect, it } from 'vitest';
import { NEWSROOM_LOCALES } from '../../src/domain/user/user.js';
import { directionOf, languageNameOf, translatorFor } from '../../src/i18n/i18n.js';
import { en } from '../../src/i18n/messages/en.js';
import { fa } from '../../src/i18n/messages/fa.js';
import { ky } from '../../src/i18n/messages/ky.js';
import { ru } from '../../src/i18n/messages/ru.js';

const catalogues: Record<string, Readonly<Record<string, string>>> = { en, ru, ky, fa };
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the interface catalogues', () => {
  const allKeys = [...new Set(Object.values(catalogues).flatMap((c) => Object.keys(c)))].sort();

  it.each(Object.keys(catalogues))('%s has every key another catalogue has, and no other', (locale) => {
    const keys = Object.keys(catalogues[locale]!).sort();
    expect(allKeys.filter((key) => !keys.includes(key)), `missing from ${locale}`).toEqual([]);
    expect(keys).toEqual(allKeys);
  });

  it.each(Object.keys(catalogues))('%s fills every string and keeps the placeholders of the English one', (locale) => {
    const catalogue = catalogues[locale]!;
    for (const key of allKeys) {
      expect(catalogue[key]?.trim(), `${locale} ${key}`).not.toBe('');
      expect(placeholders(catalogue[key] ?? ''), `${locale} ${key}`).toEqual(placeholders((en as Record<string, string>)[key] ?? ''));
    }
  });

  it('has a catalogue for every language the newsroom offers, each named in itself with its direction', () => {
    expect(NEWSROOM_LOCALES.every((locale) => locale in catalogues)).toBe(true);
    expect(NEWSROOM_LOCALES.map(languageNameOf)).toEqual(['English', 'Русский', 'Кыргызча', 'فارسی']);
    expect(NEWSROOM_LOCALES.map(directionOf)).toEqual(['ltr', 'ltr', 'ltr', 'rtl']);
    expect(directionOf('ar-EG')).toBe('rtl');
    expect(directionOf('ur')).toBe('rtl');
  });

  it('formats dates and numbers by Intl: Persian digits and the Solar Hijri calendar, Gregorian elsewhere', () => {
    const day = new Date('2010-04-08T14:05:00Z');
    expect(translatorFor('fa').date(day)).toBe('۱۹ فروردین ۱۳۸۹');
    expect(translatorFor('fa').number(1234)).toBe('۱٬۲۳۴');
    expect(translatorFor('ru').date(day)).toBe('8 апреля 2010 г.');
    expect(translatorFor('en').date(day)).toBe('April 8, 2010');
  });
});
