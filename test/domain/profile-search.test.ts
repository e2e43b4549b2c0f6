import { describe, expect, it } from 'vitest';
import { PREFIX_MAX, profileNamePrefixes, profileSearchTerms } from '../../src/domain/profile/profile-search.js';

describe('profile name search terms', () => {
  it('indexes every prefix of every word, lower-cased in any script', () => {
    expect(profileNamePrefixes('Roza Otun')).toEqual(['r', 'ro', 'roz', 'roza', 'o', 'ot', 'otu', 'otun']);
    expect(profileNamePrefixes('ЖОГОРКУ')).toContain('жогорку');
    expect(profileNamePrefixes('Co-operation')).toContain('operation');
  });

  it('cuts long words and terms to the same length, so a long search still finds its word', () => {
    const long = 'a'.repeat(40);
    expect(Math.max(...profileNamePrefixes(long).map((p) => p.length))).toBe(PREFIX_MAX);
    expect(profileSearchTerms(long)).toEqual(['a'.repeat(PREFIX_MAX)]);
  });

  it('makes terms of the words typed, ignoring punctuation and repeats', () => {
    expect(profileSearchTerms('  Roza,  ROZA ot ')).toEqual(['roza', 'ot']);
    expect(profileSearchTerms('%_\\')).toEqual([]);
  });
});
