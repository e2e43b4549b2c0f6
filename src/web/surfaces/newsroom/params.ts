import type { FastifyRequest } from 'fastify';

/** A positive id from the route's `:name` parameter; 0 (never found) for anything else. */
export function idOf(request: FastifyRequest, name = 'id'): number {
  const id = Number((request.params as Record<string, string | undefined>)[name]);
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
}
