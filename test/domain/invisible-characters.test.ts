import { describe, expect, it } from 'vitest';
import { parseAuthorName } from '../../src/domain/comment/comment-text.js';
import { invisibleCharacterIn, requireName } from '../../src/domain/shared/text.js';

/** Characters that show nothing or turn the text around them. */
const INVISIBLE = [
  '\u200b', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e',
  '\u2066', '\u2067', '\u2068', '\u2069', '\ufeff', '\u061c', '\u00ad', '\u2060', '\u180e',
  '\u0085', '\u009b', '\u2028', '\u2029', '\u{e0041}',
];

describe('names refuse invisible and direction-changing characters', () => {
  it('refuses each of them, alone, at an edge or inside a name', () => {
    for (const char of INVISIBLE) {
      const code = char.codePointAt(0)!.toString(16);
      // JavaScript's trim() already takes U+FEFF and the separators off the ends of a name; inside, they are refused.
      const names = char.trim() === '' ? [`E${char}d`] : [char, `${char}Ed`, `Ed${char}`, `E${char}d`];
      for (const name of names) {
        expect(invisibleCharacterIn(name), `U+${code} in ${JSON.stringify(name)}`).toBe(char);
        expect(() => requireName(name, 'name', 80), code).toThrow(expect.objectContaining({ field: 'name', kind: 'invalid' }));
        expect(() => parseAuthorName(name), code).toThrow(expect.objectContaining({ field: 'authorName' }));
      }
    }
  });

  it('keeps the joiners Persian, Indic scripts and emoji need, between visible characters only', () => {
    for (const name of ['می‌خواهم', 'نامه‌ها', 'Ana 👩‍💻', '👨‍👩‍👧', 'क्\u200dष', 'Роза Отунбаева', 'Ed Itor', 'O’Brien']) {
      expect(requireName(name, 'name', 80)).toBe(name);
      expect(parseAuthorName(name)).toBe(name);
    }
    for (const name of ['\u200c', '\u200d', '\u200cمی', 'می\u200c', 'a \u200cb', 'a\u200c\u200cb', 'a\u200d\u200bb']) {
      expect(() => requireName(name, 'name', 80), JSON.stringify(name)).toThrow(expect.objectContaining({ field: 'name' }));
    }
  });
});
