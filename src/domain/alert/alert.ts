import { invalid } from '../shared/errors.js';
import { hasUrlControlCharacters, isSitePath } from '../shared/site-path.js';
import { requireText } from '../shared/text.js';

/** A breaking-news alert: shown on every page of its service from start until expiry. */
export interface Alert {
  readonly id: number;
  readonly serviceCode: string;
  readonly text: string;
  readonly linkUrl: string | null;
  readonly startsAt: Date;
  readonly expiresAt: Date;
}

export function isLive(alert: Pick<Alert, 'startsAt' | 'expiresAt'>, now: Date): boolean {
  return alert.startsAt <= now && now < alert.expiresAt;
}

export type AlertState = 'scheduled' | 'live' | 'expired';

export function alertState(alert: Pick<Alert, 'startsAt' | 'expiresAt'>, now: Date): AlertState {
  if (now < alert.startsAt) return 'scheduled';
  return now < alert.expiresAt ? 'live' : 'expired';
}

export function parseAlertInput(input: { text: unknown; linkUrl?: unknown; startsAt: Date; expiresAt: Date }) {
  const text = requireText(input.text, 'text', 280);
  let linkUrl: string | null = null;
  if (input.linkUrl !== undefined && input.linkUrl !== null && input.linkUrl !== '') {
    linkUrl = requireText(input.linkUrl, 'linkUrl', 2_000);
    if (!isSitePath(linkUrl) && !isWebAddress(linkUrl)) throw invalid('FIELD_INVALID', 'linkUrl must be http(s) or a path of this site', 'linkUrl');
  }
  if (!(input.expiresAt > input.startsAt)) {
    throw invalid('ALERT_EXPIRY_INVALID', 'an alert must expire after it starts', 'expiresAt');
  }
  return { text, linkUrl, startsAt: input.startsAt, expiresAt: input.expiresAt };
}

function isWebAddress(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || hasUrlControlCharacters(value)) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
