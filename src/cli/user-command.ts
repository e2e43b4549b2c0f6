import { parseArgs } from 'node:util';
import { disableUser, enableUser } from '../actions/users/account-state.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../actions/users/api-tokens.js';
import { createUser } from '../actions/users/create-user.js';
import type { Config } from '../config.js';
import { parseEmail } from '../domain/user/parse-user.js';
import { systemActor } from '../domain/user/user.js';
import { openCore } from './open-core.js';
import { UsageError } from './worker-command.js';

export const userUsage = `dateline user add --email E --name N --role admin            (password on standard input)
  dateline user add --email E --name N --role editor --service en
                    roles: admin, editor, reporter, moderator; repeat --service for several services
  dateline user disable --email E                              ends its sessions, revokes its tokens, refuses sign-in
  dateline user enable --email E
  dateline token create --email E [--label L] [--expires-days N]   prints a personal API token
  dateline token list --email E                                id, label, created, expires, last used
  dateline token revoke --id N`;

export type UserCommand = 'user add' | 'user disable' | 'user enable' | 'token create' | 'token list' | 'token revoke';
export const USER_COMMANDS: readonly UserCommand[] = ['user add', 'user disable', 'user enable', 'token create', 'token list', 'token revoke'];

/** Accounts and personal tokens, in the server's database. */
export async function userCommand(config: Config, command: UserCommand, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      service: { type: 'string', multiple: true },
      label: { type: 'string' },
      'expires-days': { type: 'string' },
      id: { type: 'string' },
    },
    strict: true,
  });
  if (command === 'user add') {
    if (!values.email || !values.name || !values.role) throw new UsageError('user add needs --email, --name and --role');
    const services = values.service ?? [];
    if (values.role !== 'admin' && services.length === 0) throw new UsageError(`--role ${values.role} needs --service (e.g. --service en)`);
  } else if (command === 'token revoke') {
    if (!values.id || !/^\d{1,10}$/.test(values.id)) throw new UsageError('token revoke needs --id N (see token list)');
  } else if (!values.email) {
    throw new UsageError(`${command} needs --email`);
  }
  if (values['expires-days'] !== undefined && !/^\d{1,4}$/.test(values['expires-days'])) throw new UsageError('--expires-days needs a whole number of days');
  const core = await openCore(config);
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
    } else if (command === 'token create') {
      const token = await createApiToken(actions, actor, {
        email: values.email ?? '',
        ...(values.label ? { label: values.label } : {}),
        ...(values['expires-days'] ? { expiresInDays: Number(values['expires-days']) } : {}),
      });
      process.stdout.write(`${token}\n`);
    } else if (command === 'token list') {
      const { items } = await listApiTokens(actions, actor, { email: parseEmail(values.email) });
      const when = (date: Date | null) => date?.toISOString() ?? '-';
      for (const token of items) {
        process.stdout.write(`${token.id}\t${token.label}\tcreated ${when(token.createdAt)}\texpires ${when(token.expiresAt)}\tlast used ${when(token.lastUsedAt)}\n`);
      }
    } else if (command === 'token revoke') {
      const token = await revokeApiToken(actions, actor, Number(values.id));
      process.stdout.write(`revoked token ${token.id} (${token.label}) of user ${token.userId}\n`);
    } else if (command === 'user disable') {
      const result = await disableUser(actions, actor, { email: parseEmail(values.email) });
      process.stdout.write(`disabled user ${result.user.id} <${result.user.email}>: ${result.sessions} sessions ended, ${result.tokens} tokens revoked\n`);
    } else {
      const user = await enableUser(actions, actor, { email: parseEmail(values.email) });
      process.stdout.write(`enabled user ${user.id} <${user.email}>\n`);
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
