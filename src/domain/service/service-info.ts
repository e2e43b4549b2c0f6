import { invalid } from '../shared/errors.js';
import { hasControlCharacters } from '../shared/text.js';
import { USER_LIMITS } from '../user/parse-user.js';

/**
 * What a service says about itself on its About and Contact pages, written by its editors:
 * plain paragraphs (a blank line between them), an email address, a postal address (lines)
 * and a phone number. Empty means "not written yet": the pages then show the catalogue's text.
 */
export interface ServiceInfo {
  readonly about: string;
  readonly email: string;
  readonly postal: string;
  readonly phone: string;
}

/** An about text is at most 4,000 characters; a postal address 400 (a few lines); a phone number 40. */
export const SERVICE_INFO_LIMITS = { about: 4000, email: USER_LIMITS.email, postal: 400, phone: 40 } as const;

export const EMPTY_SERVICE_INFO: ServiceInfo = { about: '', email: '', postal: '', phone: '' };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const PHONE = /^\+?[0-9][0-9 ()./-]*[0-9]$/u;

/** Checks what an editor entered; every field may be left empty. Line breaks are kept as "\n". */
export function parseServiceInfo(input: { about?: unknown; email?: unknown; postal?: unknown; phone?: unknown }): ServiceInfo {
  const about = multiline(input.about, 'about', SERVICE_INFO_LIMITS.about);
  const postal = multiline(input.postal, 'postal', SERVICE_INFO_LIMITS.postal);
  const email = oneLine(input.email, 'email', SERVICE_INFO_LIMITS.email);
  if (email && !EMAIL.test(email)) throw invalid('FIELD_INVALID', 'email must be an email address, such as newsroom@example.org', 'email');
  const phone = oneLine(input.phone, 'phone', SERVICE_INFO_LIMITS.phone);
  if (phone && !PHONE.test(phone)) throw invalid('FIELD_INVALID', 'phone must be a phone number: digits, spaces, and + ( ) - . /', 'phone');
  return { about, email, postal, phone };
}

/** The about text's paragraphs, as an editor separated them with blank lines. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/u)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** The postal address's lines. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

function text(value: unknown, field: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw invalid('FIELD_INVALID', `${field} must be text`, field);
  return value.replace(/\r\n?/gu, '\n').trim();
}

function multiline(value: unknown, field: string, max: number): string {
  const result = text(value, field);
  if (result.length > max) throw invalid('FIELD_TOO_LONG', `${field} must be at most ${max} characters (it has ${result.length})`, field);
  if (hasControlCharacters(result)) throw invalid('FIELD_INVALID', `${field} contains control characters`, field);
  return result;
}

function oneLine(value: unknown, field: string, max: number): string {
  const result = multiline(value, field, max);
  if (result.includes('\n')) throw invalid('FIELD_INVALID', `${field} must be on one line`, field);
  return result;
}
