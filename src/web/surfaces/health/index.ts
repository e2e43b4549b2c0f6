import type { FastifyInstance } from 'fastify';

/** /healthz: the process answers. /readyz: it can also reach its database. */
export async function healthSurface(
  app: FastifyInstance,
  options: { readonly checkReadiness: () => Promise<{ ready: boolean; reason?: string }> },
): Promise<void> {
  app.get('/healthz', (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const readiness = await options.checkReadiness();
    return reply
      .code(readiness.ready ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(readiness.ready ? { status: 'ready' } : { status: 'not-ready', reason: readiness.reason });
  });
}
