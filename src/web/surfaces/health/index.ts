import type { FastifyInstance } from 'fastify';
import { RETRY_AFTER_SECONDS } from '../../plugins/unavailable.js';

/**
 * /healthz: the process answers. /readyz: it can also reach its database. Why it cannot is
 * logged for the operator, never told to whoever asks (it may name hosts, users, databases).
 */
export async function healthSurface(
  app: FastifyInstance,
  options: { readonly checkReadiness: () => Promise<{ ready: boolean; reason?: string }> },
): Promise<void> {
  app.get('/healthz', (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));
  app.get('/readyz', async (request, reply) => {
    const readiness = await options.checkReadiness();
    reply.header('cache-control', 'no-store');
    if (readiness.ready) return reply.send({ status: 'ready' });
    request.log.warn({ reason: readiness.reason }, 'not ready: the database does not answer');
    return reply.code(503).header('retry-after', String(RETRY_AFTER_SECONDS)).send({ status: 'not-ready', reason: 'database-unavailable' });
  });
}
