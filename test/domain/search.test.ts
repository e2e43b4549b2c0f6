import { describe, expect, it } from 'vitest';
import { parseDateRange } from '../../src/domain/search/date-range.js';
import { normaliseForSearch, searchWords } from '../../src/domain/search/normalise.js';
import { MAX_QUERY_TERMS, parseSearchQuery } from '../../src/domain/search/query.js';
import { buildSnippet } from '../../src/domain/search/snippet.js';

const words = (...list: string[][]) => list.map((w) => ({ words: w }));

describe('search normalisation', () => {
  it('folds case and ё, in every script', () => {
    expect(searchWords('ЁЛКА Президента IRAN')).toEqual(['елка', 'президента', 'iran']);
  });

  it('makes Arabic and Persian spellings of a word one word', () => {
    // Arabic yeh and kaf, harakat, tatweel, ZWNJ: all the same word as plain Persian.
    expect(normaliseForSearch('كتاب')).toBe(normaliseForSearch('کتاب'));
    expect(normaliseForSearch('ايران')).toBe('ایران');
    expect(normaliseForSearch('قُدرَت')).toBe('قدرت');
    expect(normaliseForSearch('قــدرت')).toBe('قدرت');
    expect(searchWords('می‌خواهم')).toEqual(['میخواهم']);
    expect(searchWords('۱۳۸۹ و ١٣٨٩')).toEqual(['1389', 'و', '1389']);
  });

  it('keeps Kyrgyz letters as they are', () => {
    expect(searchWords('Кеңеш өкмөт Үй')).toEqual(['кеңеш', 'өкмөт', 'үй']);
  });
});

describe('the reader query syntax', () => {
  it('parses words, "phrases" and -exclusions', () => {
    expect(parseSearchQuery('президент "жогорку кеңеш" -ош -"white house"')).toEqual({
      include: words(['президент'], ['жогорку', 'кеңеш']),
      exclude: words(['ош'], ['white', 'house']),
    });
  });

  it('turns everything else into separators, so no character is syntax', () => {
    expect(parseSearchQuery("' OR 1=1; -- NEAR(a*) %_\\ !!x & y | z:*")).toEqual({
      include: words(['or'], ['1', '1'], ['near', 'a'], ['x'], ['y'], ['z']),
      exclude: [],
    });
    expect(parseSearchQuery('Нур-Султан')).toEqual({ include: words(['нур', 'султан']), exclude: [] });
  });

  it('gives nothing to include for empty input, punctuation or exclusions alone', () => {
    for (const raw of ['', '   ', '"', '""', '-', '- -', '%', '-word', '-"a phrase"', '\u200c']) {
      expect(parseSearchQuery(raw).include, raw).toEqual([]);
    }
  });

  it('an unclosed quote runs to the end; a minus inside a word is a hyphen', () => {
    expect(parseSearchQuery('"interim government').include).toEqual(words(['interim', 'government']));
    expect(parseSearchQuery('e-mail').include).toEqual(words(['e', 'mail']));
  });

  it('keeps at most a set number of terms', () => {
    expect(parseSearchQuery('a '.repeat(100)).include).toHaveLength(MAX_QUERY_TERMS);
  });
});

describe('snippets', () => {
  const identity = (word: string) => word;

  it('marks the matching words in the original spelling and cuts around the first', () => {
    const text = `${'word '.repeat(80)}Мы хотим ایران and كتاب here. ${'tail '.repeat(80)}`;
    const parts = buildSnippet(text, parseSearchQuery('ایران کتاب'), identity);
    expect(parts.filter((p) => p.marked).map((p) => p.text)).toEqual(['ایران', 'كتاب']);
    const joined = parts.map((p) => p.text).join('');
    expect(joined.startsWith('… ')).toBe(true);
    expect(joined.endsWith(' …')).toBe(true);
    expect(joined).not.toMatch(/\bwor\b|\bwo\b/);
  });

  it('uses the stemmer to mark other forms, and shows the start when nothing matches', () => {
    const stem = (word: string) => word.replace(/(ом|а|у)$/u, '');
    expect(buildSnippet('Встреча с президентом.', parseSearchQuery('президента'), stem)).toEqual([
      { text: 'Встреча с ', marked: false },
      { text: 'президентом', marked: true },
      { text: '.', marked: false },
    ]);
    expect(buildSnippet('Short text.', parseSearchQuery('absent'), identity)).toEqual([{ text: 'Short text.', marked: false }]);
  });
});

describe('search date range', () => {
  it('takes whole days, both included', () => {
    expect(parseDateRange('2026-11-01', '2026-11-02')).toEqual({
      from: new Date('2026-11-01T00:00:00Z'),
      until: new Date('2026-11-03T00:00:00Z'),
    });
    expect(parseDateRange('', undefined)).toEqual({});
  });

  it('refuses what is not a date, and a range that ends before it starts', () => {
    for (const [from, to] of [['2026-02-30', ''], ['yesterday', ''], ['', '2026-1-1'], ['2026-11-02', '2026-11-01']]) {
      expect(() => parseDateRange(from, to)).toThrow();
    }
  });
});
