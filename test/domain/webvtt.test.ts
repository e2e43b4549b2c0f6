import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/shared/errors.js';
import { CAPTIONS_MAX_BYTES, parseCaptions } from '../../src/domain/media/webvtt.js';

const GOOD = [
  'WEBVTT - Bishkek, the day after',
  '',
  'NOTE made by the Kyrgyz Service',
  '',
  '1',
  '00:00.000 --> 00:02.500 line:90%',
  '<v Roza>We will <i>not</i> back down.</v>',
  '',
  '00:01:02.000 --> 00:01:04.000',
  'Толпа на площади <00:01:03.000>Ала-Тоо',
  '',
].join('\r\n');

const bytes = (text: string) => new TextEncoder().encode(text);
const refusal = (text: string | Uint8Array, language = 'en') => {
  try {
    parseCaptions({ language, label: 'English', bytes: typeof text === 'string' ? bytes(text) : text });
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'accepted';
};

describe('WebVTT captions', () => {
  it('takes a well-formed file with notes, cue ids, settings, voices and timestamps', () => {
    expect(parseCaptions({ language: 'ky', label: 'Кыргызча', bytes: bytes(`\uFEFF${GOOD}`) })).toMatchObject({ language: 'ky', label: 'Кыргызча' });
  });

  it.each([
    ['no signature', 'WEBVTTX\n\n00:00.000 --> 00:01.000\nHi', /starts with the line WEBVTT/],
    ['an SRT file', '1\n00:00:00,000 --> 00:00:01,000\nHi\n', /starts with the line WEBVTT/],
    ['a malformed timing', 'WEBVTT\n\n0:00.000 --> 00:01.000\nHi', /line 3: a cue timing/],
    ['a cue ending before it starts', 'WEBVTT\n\n00:05.000 --> 00:01.000\nHi', /line 3: the cue ends before it starts/],
    ['cues out of order', 'WEBVTT\n\n00:05.000 --> 00:06.000\nA\n\n00:01.000 --> 00:02.000\nB', /line 6: cues must be in order/],
    ['a script tag', 'WEBVTT\n\n00:00.000 --> 00:01.000\n<script>alert(1)</script>', /line 4: only WebVTT's own tags/],
    ['an image tag', 'WEBVTT\n\n00:00.000 --> 00:01.000\n<img src=x onerror=alert(1)>', /only WebVTT's own tags/],
    ['no cues', 'WEBVTT\n', /no cues/],
    ['an empty file', '', /empty/],
    ['control characters', 'WEBVTT\n\n00:00.000 --> 00:01.000\nA\u0007B', /control characters/],
  ])('refuses %s, naming what is wrong', (_name, text, message) => {
    const result = refusal(text);
    expect(result).toMatch(/^CAPTIONS_INVALID: /);
    expect(result).toMatch(message);
  });

  it('refuses bytes that are not UTF-8 text, files over the limit, and a bad language tag', () => {
    expect(refusal(new Uint8Array([0x57, 0x45, 0x42, 0xff, 0xfe, 0x00]))).toMatch(/not text in UTF-8/);
    expect(refusal(`WEBVTT\n\n00:00.000 --> 00:01.000\n${'a'.repeat(CAPTIONS_MAX_BYTES)}`)).toMatch(/at most 512 KB/);
    expect(refusal(GOOD, 'English')).toMatch(/^CAPTIONS_LANGUAGE_INVALID/);
    expect(refusal(GOOD, '../x')).toMatch(/^CAPTIONS_LANGUAGE_INVALID/);
  });
});
