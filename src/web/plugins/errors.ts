import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, isDomainError, type ErrorCode, type ErrorKind } from '../../domain/shared/errors.js';
import { noteFailure } from './request-log.js';
import { replyUnavailable } from './unavailable.js';

/** The one place domain error kinds become HTTP statuses. */
export const STATUS_FOR: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  'not-found': 404,
  gone: 410,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  'rate-limited': 429,
  unavailable: 503,
  internal: 500,
};

/** The one JSON error shape of every API: a declared code, a public message, the field at fault. */
interface JsonError {
  readonly error: { readonly code: ErrorCode; readonly message: string; readonly field: string | null };
}

/**
 * Any error a route threw, as a DomainError with its status: a schema failure names the field
 * (FIELD_UNKNOWN, FIELD_REQUIRED...), another refusal of Fastify's keeps its 4xx status as
 * REQUEST_INVALID, and anything else is ours (INTERNAL, 500). The request's log line gets the
 * code and the error's private context; an unexpected error is logged in full.
 */
export function classifyError(request: FastifyRequest, thrown: unknown): { error: DomainError; status: number } {
  const fastifyError = thrown as Partial<FastifyError>;
  let error: DomainError;
  let status: number;
  if (isDomainError(thrown)) {
    error = thrown;
    status = STATUS_FOR[error.kind];
  } else if (fastifyError.validation) {
    error = describeValidation(fastifyError.validation);
    status = 400;
  } else if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    error = new DomainError('REQUEST_INVALID', fastifyError.message);
    status = fastifyError.statusCode;
  } else {
    request.log.error({ err: thrown }, 'request failed');
    error = new DomainError('INTERNAL');
    status = 500;
  }
  noteFailure(request, error);
  return { error, status };
}

export function jsonError(error: DomainError, message = error.message): JsonError {
  return { error: { code: error.code, message, field: error.field ?? null } };
}

/** Errors as JSON for API clients (the app's default handler). Bad input is never a 500; unexpected errors are shown without detail. */
export function jsonErrors(app: FastifyInstance): void {
  app.setErrorHandler((thrown: FastifyError, request, reply) => {
    const { error, status } = classifyError(request, thrown);
    if (error.kind === 'unavailable') return replyUnavailable(request, reply, error).send(jsonError(error));
    return reply.code(status).send(jsonError(error));
  });
}

/** The same for a surface that answers some requests with JSON (the comments island). */
export function sendJsonError(request: FastifyRequest, reply: FastifyReply, error: DomainError, status: number, message = error.message) {
  if (error.kind === 'unavailable') return replyUnavailable(request, reply, error).send(jsonError(error, message));
  return reply.code(status).header('cache-control', 'no-store').send(jsonError(error, message));
}

/**
 * A schema failure as a clear error: an unknown field is named, as is the field at fault.
 * Understands both Ajv's and TypeBox's error shapes (params.additionalProperty or
 * params.additionalProperties, params.missingProperty or params.requiredProperties).
 */
function describeValidation(errors: NonNullable<FastifyError['validation']>): DomainError {
  const fieldOf = (instancePath: string, name?: string) => {
    const path = instancePath.replace(/^\//, '').replace(/\//g, '.');
    return name ? (path ? `${path}.${name}` : name) : path;
  };
  const names = (value: unknown) => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);
  for (const item of errors) {
    const params = (item.params ?? {}) as Record<string, unknown>;
    if (item.keyword === 'additionalProperties') {
      const [name] = [...names(params.additionalProperty), ...names(params.additionalProperties)];
      if (name) {
        const field = fieldOf(item.instancePath, name);
        return new DomainError('FIELD_UNKNOWN', `${field} is not a field this request takes`, field);
      }
    }
  }
  const first = errors.find((item) => item.keyword !== 'boolean') ?? errors[0];
  const params = (first?.params ?? {}) as Record<string, unknown>;
  if (first?.keyword === 'required') {
    const [name] = [...names(params.missingProperty), ...names(params.requiredProperties)];
    const field = fieldOf(first.instancePath, name);
    return new DomainError('FIELD_REQUIRED', `${field} is required`, field);
  }
  const field = first ? fieldOf(first.instancePath) || undefined : undefined;
  const message = `${field ?? 'request'} ${first?.message ?? 'is not valid'}`;
  if (first?.keyword === 'maxLength' || first?.keyword === 'maxItems') return new DomainError('FIELD_TOO_LONG', message, field);
  return new DomainError('REQUEST_INVALID', message, field);
}
