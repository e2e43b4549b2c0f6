import { parseArgs } from 'node:util';
import { createApiToken } from '../actions/users/api-tokens.js';
import { createUser } from '../actions/users/create-user.js';
import type { Config } from '../config.js';
import { composeCore } from '../compose.js';
import type { Logger } from '../logger.js';
import { systemActor } from '../domain/user/user.js';
import { UsageError } from './worker-command.js';

export const userUsage = `dateline user add --email E --name N --role admin            (password on standard input)
  dateline user add --email E --name N --role editor --service en
                    roles: admin, editor, reporter, moderator; repeat --service for several services
  dateline token create --email E [--label L]                  prints a personal API token`;

/** `user add` and `token create`: accounts and personal tokens, in the server's database. */
export async function userCommand(config: Config, logger: Logger, command: 'user add' | 'token create', args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      service: { type: 'string', multiple: true },
      label: { type: 'string' },
    },
    strict: true,
  });
  if (command === 'user add') {
    if (!values.email || !values.name || !values.role) throw new UsageError('user add needs --email, --name and --role');
    const services = values.service ?? [];
    if (values.role !== 'admin' && services.length === 0) throw new UsageError(`--role ${values.role} needs --service (e.g. --service en)`);
  } else if (!values.email) {
    throw new UsageError('token create needs --email');
  }
  const core = await composeCore(config, { logger, relayPollMs: 0 });
  const { actions } = core;
  const actor = systemActor('cli');
  try {
    if (command === 'user add') {
      const role = values.role ?? '';
      const password = await readPassword();
      const user = await createUser(actions, actor, {
        email: values.email ?? '',
        name: values.name ?? '',
        password,
        grants: role === 'admin' ? [{ role: 'admin' }] : (values.service ?? []).map((serviceCode) => ({ role, serviceCode })),
      });
      process.stdout.write(
        `created user ${user.id} <${user.email}>: ${user.grants.map((g) => (g.serviceCode ? `${g.role} of ${g.serviceCode}` : g.role)).join(', ')}\n`,
      );
    } else {
      const token = await createApiToken(actions, actor, { email: values.email ?? '', ...(values.label ? { label: values.label } : {}) });
      process.stdout.write(`${token}\n`);
    }
  } finally {
    await core.close();
  }
  return 0;
}

/** The password is read from standard input (a pipe or the terminal), never from the command line. */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (at least 12 characters), then Enter and Ctrl-D: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
