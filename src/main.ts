import { ConfigError, loadConfig } from './config.js';
import { composeApp } from './compose.js';
import { startServer } from './web/server.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const { app, store, workers, demoLoaded, demoAdmin } = await composeApp(config);
  const address = await startServer(app, {
    port: config.port,
    host: config.host,
    // A job in progress is handed back to the queue before the database closes.
    onClosed: () => workers.stop().then(() => store.close()),
  });
  workers.start();
  if (demoLoaded) app.log.info('loaded the demo content into the empty database');
  app.log.info({ address, publicUrl: config.publicUrl.href, database: config.database.kind }, 'Dateline is running');
  if (config.logLevel !== 'silent') {
    process.stdout.write(`\nDateline is running: open ${config.publicUrl.href}en/ (database: ${config.database.kind})\n\n`);
  }
  if (demoAdmin) {
    // Shown once: only the hash is stored.
    process.stdout.write(
      `A demo admin was created. Sign in at ${config.publicUrl.href}newsroom with\n  email:    ${demoAdmin.email}\n  password: ${demoAdmin.password}\n(shown only now)\n\n`,
    );
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Dateline failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
