/** What went wrong, in terms every surface can map: HTTP status, page, or CLI exit. */
export type ErrorKind = 'invalid' | 'not-found' | 'gone' | 'conflict' | 'forbidden' | 'too-many' | 'unavailable';

/**
 * The one error family of Dateline. `code` is stable and machine-readable
 * (STORY_NOT_FOUND), `message` is safe to show to anyone, `field` names the
 * input at fault, `context` is for logs only.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly field?: string,
    readonly context?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

export function invalid(code: string, message: string, field?: string): DomainError {
  return new DomainError(code, 'invalid', message, field);
}

export function notFound(code: string, message: string, context?: Record<string, unknown>): DomainError {
  return new DomainError(code, 'not-found', message, undefined, context);
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
