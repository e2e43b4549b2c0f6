import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DomainError } from '../../domain/shared/errors.js';

const failures = new WeakMap<FastifyRequest, DomainError>();

/** Remembers why a request failed, for its log line: the code and the error's private context. */
export function noteFailure(request: FastifyRequest, error: DomainError): void {
  failures.set(request, error);
}

/**
 * One info line per request that reaches the router (cached reader pages are answered before
 * it and only counted): method, route pattern (not the path, so ids and slugs group), status,
 * time taken, the request id every other line of the request carries too, and for a refusal
 * its code and private context (logged, never shown to the client).
 */
export function requestLog(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    const failure = failures.get(request);
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        ...(failure ? { error: { code: failure.code, ...(failure.context ? { context: failure.context } : {}) } } : {}),
      },
      'request',
    );
    done();
  });
}
