import type { FastifyInstance } from 'fastify';
import type { ActionDeps } from '../../../actions/deps.js';
import { checkReadiness } from '../../../actions/reader/check-readiness.js';
import type { Metrics } from '../../../metrics.js';

/** /healthz: the process answers. /readyz: it can also reach its database. /metrics: this process's counters. */
export async function healthSurface(app: FastifyInstance, options: { actions: Pick<ActionDeps, 'store'>; metrics: Metrics }): Promise<void> {
  app.get('/healthz', (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const readiness = await checkReadiness(options.actions);
    return reply
      .code(readiness.ready ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(readiness.ready ? { status: 'ready' } : { status: 'not-ready', reason: readiness.reason });
  });
  app.get('/metrics', (_request, reply) =>
    reply.header('cache-control', 'no-store').type('text/plain; version=0.0.4; charset=utf-8').send(options.metrics.render()),
  );
}
