#!/usr/bin/env node
import { ConfigError, loadConfig } from './config.js';
import { mediaImportCommand, mediaImportUsage } from './cli/media-import-command.js';
import { USER_COMMANDS, userCommand, userUsage } from './cli/user-command.js';
import { UsageError, workerCommand, workerUsage } from './cli/worker-command.js';
import { isDomainError } from './domain/shared/errors.js';

const usage = `Usage:\n  ${userUsage}\n  ${workerUsage}\n  ${mediaImportUsage}\n\nConfiguration comes from the environment, as for the server (DATABASE_URL, MEDIA_DIR...).\n`;

/** The `dateline` command: a small dispatcher over the commands in src/cli/. */
async function run(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (command === 'worker') return workerCommand(loadConfig(process.env), sub === undefined ? [] : [sub, ...rest]);
  if (command === 'media' && sub === 'import') return mediaImportCommand(loadConfig(process.env), rest);
  const userCmd = USER_COMMANDS.find((c) => c === `${command} ${sub}`);
  if (userCmd) return userCommand(loadConfig(process.env), userCmd, rest);
  if (command === undefined || command === 'help' || command === '--help') {
    process.stdout.write(usage);
    return 0;
  }
  throw new UsageError(`unknown command "${argv.join(' ')}"`);
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`${error.message}\n\n${usage}`);
      process.exit(2);
    }
    if (isDomainError(error)) {
      process.stderr.write(`${error.code}: ${error.message}${error.field ? ` (${error.field})` : ''}\n`);
      process.exit(1);
    }
    process.stderr.write(`dateline failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
