import type { FastifyInstance } from 'fastify';

/**
 * Listens, and closes gracefully on SIGTERM/SIGINT: stop taking connections, finish the
 * requests in flight, then run `onClosed` (close the database). A second signal exits at once.
 */
export async function startServer(
  app: FastifyInstance,
  options: { port: number; host: string; onClosed: () => Promise<void> },
): Promise<string> {
  app.server.keepAliveTimeout = 65_000;
  app.server.headersTimeout = 66_000;
  app.server.requestTimeout = 30_000;
  const address = await app.listen({ port: options.port, host: options.host });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) process.exit(1);
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app
      .close()
      .then(options.onClosed)
      .then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return address;
}
