import { ERRORS, type CodeOf, type ErrorCode, type ErrorKind } from './error-catalogue.js';

export type { ErrorCode, ErrorKind };

/** Where an error points: the input field at fault, and context for the logs only. */
export interface ErrorDetails {
  readonly field?: string;
  /** Written to the log with the request; never shown to the client. */
  readonly context?: Readonly<Record<string, unknown>>;
}

/**
 * The one error family of Dateline. `code` is stable and machine-readable (STORY_NOT_FOUND) and
 * declared in the catalogue with its kind; `message` is safe to show to anyone (the catalogue's
 * unless the throw site says more), `field` names the input at fault, `context` is for logs only.
 * The details may be given as just the field's name.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly kind: ErrorKind;
  readonly field: string | undefined;
  readonly context: Readonly<Record<string, unknown>> | undefined;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    details: string | ErrorDetails = {},
  ) {
    super(message ?? ERRORS[code].message);
    this.kind = ERRORS[code].kind;
    const { field, context } = typeof details === 'string' ? { field: details, context: undefined } : details;
    this.field = field;
    this.context = context;
  }
}

export function invalid(code: CodeOf<'invalid'>, message?: string, details?: string | ErrorDetails): DomainError {
  return new DomainError(code, message, details);
}

export function notFound(code: CodeOf<'not-found'>, message?: string, details?: string | ErrorDetails): DomainError {
  return new DomainError(code, message, details);
}

export function conflict(code: CodeOf<'conflict'>, message?: string, details?: string | ErrorDetails): DomainError {
  return new DomainError(code, message, details);
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
