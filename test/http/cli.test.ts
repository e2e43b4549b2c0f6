import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { program } from '../support/programs.js';
import { API } from '../support/newsroom.js';

const run = promisify(execFile);

/** Runs `dateline ...` against the test app's database, with `input` on standard input. */
async function dateline(t: TestApp, args: string[], input = '') {
  const child = run(process.execPath, program('cli', ...args), { env: { ...process.env, DATABASE_URL: t.databaseUrl } });
  child.child.stdin?.end(input);
  return child;
}

describe('the dateline command', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(async () => t.close());

  it('adds an editor with a password from standard input, and makes a token that works with Authorization: Bearer', async () => {
    const added = await dateline(t, ['user', 'add', '--email', 'ed@example.org', '--name', 'Ed Itor', '--role', 'editor', '--service', 'en'], 'a long enough passphrase\n');
    expect(added.stdout).toMatch(/created user \d+ <ed@example.org>: editor of en/);
    // Hashed with the app's scrypt parameters: N=2^15, r=8, p=1 (32 MiB a guess).
    expect((await t.store.read.users.findByEmail('ed@example.org'))?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);

    const signIn = await t.app.inject({ method: 'POST', url: `${API}/session`, payload: { email: 'ed@example.org', password: 'a long enough passphrase' } });
    expect(signIn.statusCode).toBe(200);

    const { stdout } = await dateline(t, ['token', 'create', '--email', 'ed@example.org']);
    const token = stdout.trim();
    const me = await t.app.inject({ method: 'GET', url: `${API}/session`, headers: { authorization: `Bearer ${token}` } });
    expect(me.json().user).toMatchObject({ email: 'ed@example.org', grants: [{ role: 'editor', serviceCode: 'en' }] });
  });

  it('created a demo admin with a random password on the fresh demo start', async () => {
    expect(t.demoAdmin?.password).toMatch(/^[\w-]{16}$/);
    const signIn = await t.app.inject({ method: 'POST', url: `${API}/session`, payload: { email: t.demoAdmin?.email, password: t.demoAdmin?.password } });
    expect(signIn.json().user.grants).toEqual([{ role: 'admin', serviceCode: null }]);
  });

  it('refuses a short password and an editor without a service, creating nobody', async () => {
    await expect(dateline(t, ['user', 'add', '--email', 'short@example.org', '--name', 'S', '--role', 'admin'], 'short\n')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('PASSWORD_TOO_SHORT'),
    });
    await expect(dateline(t, ['user', 'add', '--email', 'nosvc@example.org', '--name', 'N', '--role', 'editor'], 'a long enough passphrase\n')).rejects.toMatchObject({ code: 2 });
    expect(await t.store.read.users.findByEmail('short@example.org')).toBeUndefined();
    expect(await t.store.read.users.findByEmail('nosvc@example.org')).toBeUndefined();
  });
});
