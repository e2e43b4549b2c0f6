#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createApiToken } from './actions/users/api-tokens.js';
import { createUser } from './actions/users/create-user.js';
import { ConfigError, loadConfig } from './config.js';
import { systemClock } from './domain/shared/clock.js';
import { isDomainError } from './domain/shared/errors.js';
import { systemActor } from './domain/user/user.js';
import { createEventBus } from './events/event-bus.js';
import { migrateToLatest, openDatabase } from './store/open-store.js';
import { createStore } from './store/store.js';

const USAGE = `Usage:
  dateline user add --email E --name N --role admin            (password on standard input)
  dateline user add --email E --name N --role editor --service en
                    roles: admin, editor, reporter, moderator; repeat --service for several services
  dateline token create --email E [--label L]                  prints a personal API token

The database is the one the server uses: DATABASE_URL (default data/dateline.sqlite).
`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [noun, verb, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      service: { type: 'string', multiple: true },
      label: { type: 'string' },
    },
    strict: true,
  });
  const command = `${noun ?? ''} ${verb ?? ''}`;
  if (command !== 'user add' && command !== 'token create') throw new UsageError(noun ? `unknown command "${command.trim()}"` : '');

  const config = loadConfig(process.env);
  const db = openDatabase(config.database);
  try {
    await migrateToLatest(db, config.database.kind);
    const deps = { store: createStore(db, config.database.kind), clock: systemClock, events: createEventBus(() => undefined) };
    const actor = systemActor('cli');
    if (command === 'user add') {
      if (!values.email || !values.name || !values.role) throw new UsageError('user add needs --email, --name and --role');
      const services = values.service ?? [];
      if (values.role !== 'admin' && services.length === 0) throw new UsageError(`--role ${values.role} needs --service (e.g. --service en)`);
      const password = await readPassword();
      const user = await createUser(deps, actor, {
        email: values.email,
        name: values.name,
        password,
        grants: values.role === 'admin' ? [{ role: 'admin' }] : services.map((serviceCode) => ({ role: values.role, serviceCode })),
      });
      process.stdout.write(`created user ${user.id} <${user.email}>: ${user.grants.map((g) => (g.serviceCode ? `${g.role} of ${g.serviceCode}` : g.role)).join(', ')}\n`);
    } else {
      if (!values.email) throw new UsageError('token create needs --email');
      const token = await createApiToken(deps, actor, { email: values.email, ...(values.label ? { label: values.label } : {}) });
      process.stdout.write(`${token}\n`);
    }
  } finally {
    await db.destroy();
  }
}

/** The password is read from standard input (a pipe or the terminal), never from the command line. */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (at least 12 characters), then Enter and Ctrl-D: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    process.stderr.write(`${error.message ? `${error.message}\n\n` : ''}${USAGE}`);
    process.exit(2);
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  if (isDomainError(error)) {
    process.stderr.write(`${error.code}: ${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`dateline failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
