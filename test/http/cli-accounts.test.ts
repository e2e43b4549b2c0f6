import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { program } from '../support/programs.js';
import { givenService } from '../support/factories.js';
import { API, givenUser, PASSWORD } from '../support/newsroom.js';

const run = promisify(execFile);

/** Runs `dateline ...` against the test app's database. */
function dateline(t: TestApp, args: string[]) {
  const child = run(process.execPath, program('cli', ...args), { env: { ...process.env, DATABASE_URL: t.databaseUrl } });
  child.child.stdin?.end('');
  return child;
}

describe('the dateline command: tokens and accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { demo: false });
    await givenService(t.actions);
    await givenUser(t.actions, 'ed', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
  });
  afterAll(async () => t.close());

  const me = (token: string) => t.app.inject({ method: 'GET', url: `${API}/session`, headers: { authorization: `Bearer ${token}` } });

  it('makes a token that expires, lists tokens without their secrets, and revokes one', async () => {
    const token = (await dateline(t, ['token', 'create', '--email', 'ed@example.org', '--label', 'backup job', '--expires-days', '30'])).stdout.trim();
    expect((await me(token)).statusCode).toBe(200);
    const listed = (await dateline(t, ['token', 'list', '--email', 'ed@example.org'])).stdout;
    expect(listed).toMatch(/^\d+\tbackup job\tcreated \S+\texpires 20\S+\tlast used 20\S+$/m);
    expect(listed).not.toContain(token);
    const id = /^(\d+)\tbackup job/m.exec(listed)?.[1] ?? '';
    expect((await dateline(t, ['token', 'revoke', '--id', id])).stdout).toMatch(/revoked token/);
    expect((await me(token)).statusCode).toBe(401);
    await expect(dateline(t, ['token', 'create', '--email', 'ed@example.org', '--expires-days', 'soon'])).rejects.toMatchObject({ code: 2 });
  });

  it('disables an account (its tokens stop working, it cannot sign in) and enables it again', async () => {
    const token = (await dateline(t, ['token', 'create', '--email', 'ed@example.org'])).stdout.trim();
    expect((await dateline(t, ['user', 'disable', '--email', 'ed@example.org'])).stdout).toMatch(/disabled user \d+ <ed@example.org>: 0 sessions ended, \d+ tokens revoked/);
    expect((await me(token)).statusCode).toBe(401);
    const signIn = () => t.app.inject({ method: 'POST', url: `${API}/session`, payload: { email: 'ed@example.org', password: PASSWORD } });
    expect((await signIn()).statusCode).toBe(401);
    expect((await dateline(t, ['user', 'enable', '--email', 'ed@example.org'])).stdout).toMatch(/enabled user/);
    expect((await signIn()).statusCode).toBe(200);
  });
});
