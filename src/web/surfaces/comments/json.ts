import type { FastifyRequest } from 'fastify';

/** The comments script asks for JSON; a browser without it posts a form and gets pages. */
export function isJson(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').startsWith('application/json') || (request.headers.accept ?? '').startsWith('application/json');
}
