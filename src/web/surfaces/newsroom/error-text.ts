import type { FastifyRequest } from 'fastify';
import { isDomainError, type DomainError } from '../../../domain/shared/errors.js';
import type { Translator } from '../../../i18n/i18n.js';
import { translatorOf } from './page-helpers.js';

/**
 * What a newsroom page says of a refused form, in the person's language. In English, the
 * error's own precise message ("bylines[0] must be at most 120 characters"); in the other
 * languages, the code's translation (or its kind's, "this is not valid") with the field at
 * fault (its name in the person's language where the catalogue has one, else as the form sent
 * it), since a message built at the throw site is English.
 */
export function errorText(i18n: Translator, error: DomainError): string {
  if (i18n.locale === 'en') return error.message;
  const byCode = `error.code.${error.code}`;
  const byKind = `error.kind.${error.kind}`;
  const text = i18n.has(byCode) ? i18n.t(byCode) : i18n.has(byKind) ? i18n.t(byKind) : error.message;
  if (!error.field) return text;
  const byField = `error.field.${error.field}`;
  return i18n.t('error.withField', { message: text, field: i18n.has(byField) ? i18n.t(byField) : error.field });
}

/**
 * What a refused form shows again, in the person's language: bad input only. Anything else (not
 * allowed, gone, a version conflict, the database away) is thrown on, to the error page.
 */
export function refusalText(request: FastifyRequest, error: unknown): string {
  if (!isDomainError(error) || error.kind !== 'invalid') throw error;
  return errorText(translatorOf(request), error);
}
