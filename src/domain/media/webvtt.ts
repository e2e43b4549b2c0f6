import { invalid } from '../shared/errors.js';
import { hasControlCharacters, requireName, requireText } from '../shared/text.js';

/** Largest captions file taken: hours of dialogue fit in far less. */
export const CAPTIONS_MAX_BYTES = 512 * 1024;

const TIMING = /^((?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3})[ \t]+-->[ \t]+((?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3})(?:[ \t]+[^\n]*)?$/;
/** Cue text may carry WebVTT's own spans (and timestamps); anything else that looks like markup is refused. */
const CUE_TAG = /<\/?([A-Za-z][A-Za-z0-9]*)?[^>]*>/g;
const ALLOWED_TAGS = new Set(['b', 'i', 'u', 'c', 'v', 'lang', 'ruby', 'rt']);
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export interface CaptionsInput {
  readonly language: string;
  readonly label: string;
  /** The file as it arrived: text in UTF-8. */
  readonly text: string;
}

/**
 * Checks a WebVTT captions file: UTF-8 text within the size limit, the WEBVTT signature,
 * well-formed cue timings whose starts never go back and whose ends follow their starts, and
 * cue text without markup other than WebVTT's own. Names the line at fault.
 */
export function parseCaptions(input: { language: unknown; label: unknown; bytes: Uint8Array }): CaptionsInput {
  const language = requireText(input.language, 'language', 35);
  if (!LANGUAGE.test(language)) throw invalid('CAPTIONS_LANGUAGE_INVALID', 'language must be a language tag such as en, ru, ky or fa-IR', 'language');
  const label = requireName(input.label, 'label', 60);
  if (input.bytes.length === 0) throw captionsInvalid('the captions file is empty');
  if (input.bytes.length > CAPTIONS_MAX_BYTES) throw captionsInvalid(`a captions file may be at most ${CAPTIONS_MAX_BYTES / 1024} KB`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(input.bytes);
  } catch {
    throw captionsInvalid('the captions file is not text in UTF-8');
  }
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) throw captionsInvalid('a WebVTT file starts with the line WEBVTT');
  if (lines.some((line) => hasControlCharacters(line))) {
    throw captionsInvalid('the captions file contains control characters: it is not a text file');
  }
  let previousStart = -1;
  let cues = 0;
  let inCue = false;
  lines.forEach((line, index) => {
    const number = index + 1;
    if (line.trim() === '') {
      inCue = false;
      return;
    }
    if (line.includes('-->')) {
      const match = TIMING.exec(line);
      if (!match) throw captionsInvalid(`line ${number}: a cue timing reads like 00:01.000 --> 00:04.000`);
      const start = milliseconds(match[1]!);
      const end = milliseconds(match[2]!);
      if (end <= start) throw captionsInvalid(`line ${number}: the cue ends before it starts`);
      if (start < previousStart) throw captionsInvalid(`line ${number}: cues must be in order of their start times`);
      previousStart = start;
      cues += 1;
      inCue = true;
      return;
    }
    if (inCue) {
      for (const tag of line.matchAll(CUE_TAG)) {
        const name = tag[1]?.toLowerCase();
        const timestamp = /^<(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}>$/.test(tag[0]);
        if (!timestamp && (!name || !ALLOWED_TAGS.has(name))) throw captionsInvalid(`line ${number}: only WebVTT's own tags (b, i, u, c, v, lang, ruby) may be in cue text`);
      }
    }
  });
  if (cues === 0) throw captionsInvalid('the captions file has no cues');
  return { language, label, text };
}

function milliseconds(timestamp: string): number {
  const parts = timestamp.split(':').map(Number);
  const seconds = parts.pop() ?? 0;
  const minutes = parts.pop() ?? 0;
  const hours = parts.pop() ?? 0;
  return Math.round(((hours * 60 + minutes) * 60 + seconds) * 1000);
}

function captionsInvalid(message: string) {
  return invalid('CAPTIONS_INVALID', message, 'file');
}
