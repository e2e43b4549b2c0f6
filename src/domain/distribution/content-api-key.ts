import { invalid } from '../shared/errors.js';
import { requireText } from '../shared/text.js';

/** A key a partner uses to read the Content API; the key itself is shown once, only its hash is kept. */
export interface ContentApiKey {
  readonly id: number;
  readonly name: string;
  /** The first characters of the key, so people can tell keys apart. */
  readonly prefix: string;
  readonly requestsPerMinute: number;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

export const API_KEY_LIMITS = { name: 120, minPerMinute: 1, maxPerMinute: 100_000, defaultPerMinute: 600 } as const;

export function parseApiKeyInput(input: { name: unknown; requestsPerMinute?: unknown }): { name: string; requestsPerMinute: number } {
  const name = requireText(input.name, 'name', API_KEY_LIMITS.name);
  const rpm = input.requestsPerMinute ?? API_KEY_LIMITS.defaultPerMinute;
  if (typeof rpm !== 'number' || !Number.isInteger(rpm) || rpm < API_KEY_LIMITS.minPerMinute || rpm > API_KEY_LIMITS.maxPerMinute) {
    throw invalid('FIELD_INVALID', `requestsPerMinute must be a whole number from 1 to ${API_KEY_LIMITS.maxPerMinute}`, 'requestsPerMinute');
  }
  return { name, requestsPerMinute: rpm };
}
