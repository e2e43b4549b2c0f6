import type { ErrorKind } from '../../domain/shared/errors.js';

/** The one place domain error kinds become HTTP statuses. */
export const STATUS_FOR: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  'not-found': 404,
  gone: 410,
  conflict: 409,
  forbidden: 403,
  'too-many': 429,
  unavailable: 503,
};
