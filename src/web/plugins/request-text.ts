import { isUtf8 } from 'node:buffer';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/shared/errors.js';
import { illFormedTextPath } from '../../domain/shared/unicode.js';

/**
 * Request bodies must be well-formed UTF-8 text: invalid bytes, a percent-escape of them, or
 * a lone surrogate in JSON are refused with 400 TEXT_ENCODING_INVALID, never turned into
 * U+FFFD (or into invalid bytes in the store) and taken in.
 */
export const textEncodingInvalid = (field?: string) =>
  new DomainError('TEXT_ENCODING_INVALID', 'invalid', `${field ? `${field} is` : 'the request is'} not well-formed UTF-8 text`, field || undefined);

/** The body as text, refused unless it is valid UTF-8. */
export function utf8Text(body: Buffer): string {
  if (!isUtf8(body)) throw textEncodingInvalid();
  return body.toString('utf8');
}

/**
 * JSON bodies everywhere: Fastify's own parser (with its prototype-poisoning checks), after the
 * bytes are checked to be UTF-8, and with every string and key checked to be well-formed.
 */
export function strictJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8Text(body as Buffer);
    } catch (error) {
      done(error as Error, undefined);
      return;
    }
    parseJson(request, text, (error, value) => {
      if (error) return done(error, undefined);
      const path = illFormedTextPath(value);
      return path === null ? done(null, value) : done(textEncodingInvalid(path || 'body'), undefined);
    });
  });
}

/**
 * An HTML form's fields (application/x-www-form-urlencoded), decoded strictly: `%FF` or any
 * percent-escape that is not UTF-8 is refused rather than becoming U+FFFD. `keep` says which
 * of repeated fields counts.
 */
export function parseFormFields(body: Buffer, keep: 'first' | 'last'): Record<string, string> {
  const fields = new Map<string, string>();
  for (const pair of utf8Text(body).split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const name = decodeFormPart(at === -1 ? pair : pair.slice(0, at));
    const value = at === -1 ? '' : decodeFormPart(pair.slice(at + 1), name);
    if (keep === 'last' || !fields.has(name)) fields.set(name, value);
  }
  return Object.fromEntries(fields);
}

function decodeFormPart(part: string, field?: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    throw textEncodingInvalid(field);
  }
}

/**
 * Multipart text fields are decoded by the multipart parser, which turns bytes that are not
 * UTF-8 into U+FFFD; a field holding U+FFFD (which nobody types on purpose) is refused, as is
 * a lone surrogate.
 */
export function refuseBrokenMultipartText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    if (!request.isMultipart() || typeof request.body !== 'object' || request.body === null) return;
    for (const [name, value] of Object.entries(request.body as Record<string, unknown>)) {
      const values = Array.isArray(value) ? value : [value];
      if (values.some((v) => typeof v === 'string' && (v.includes('\ufffd') || illFormedTextPath(v) !== null))) throw textEncodingInvalid(name);
    }
  });
}
