import { ErrorBody } from './schemas.js';

/** The error answers every Admin API route may give, so the OpenAPI document lists them. */
export function responses<T extends Record<number, unknown>>(ok: T) {
  return {
    ...ok,
    400: ErrorBody,
    401: ErrorBody,
    403: ErrorBody,
    404: ErrorBody,
    409: ErrorBody,
    429: ErrorBody,
    503: ErrorBody,
  };
}
