import type { Page } from 'playwright-core';
import type { ActionDeps } from '../../src/actions/deps.js';
import { createApiToken } from '../../src/actions/users/api-tokens.js';
import { createUser } from '../../src/actions/users/create-user.js';
import type { RoleGrant } from '../../src/domain/user/user.js';
import type { TestApp } from './app.js';
import { SYSTEM } from './factories.js';

export const API = '/api/admin/v1';
export const PASSWORD = 'correct horse battery staple';

/** A user with these roles and a personal token; with a password when `withPassword`. */
export async function givenUser(deps: ActionDeps, name: string, grants: RoleGrant[], options: { withPassword?: boolean } = {}) {
  const email = `${name}@example.org`;
  const user = await createUser(deps, SYSTEM, {
    email,
    name,
    ...(options.withPassword ? { password: PASSWORD } : {}),
    grants: grants.map((g) => (g.serviceCode ? { role: g.role, serviceCode: g.serviceCode } : { role: g.role })),
  });
  const token = await createApiToken(deps, SYSTEM, { email });
  return { id: user.id, email, token, bearer: { authorization: `Bearer ${token}` } };
}

/** Signs in through the API; returns the cookie header and CSRF token to send back. */
export async function signInAs(t: TestApp, email: string, password = PASSWORD) {
  const response = await t.app.inject({ method: 'POST', url: `${API}/session`, payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const setCookie = String(response.headers['set-cookie']);
  const cookie = setCookie.split(';')[0] ?? '';
  const { csrfToken } = response.json() as { csrfToken: string };
  return { cookie, csrfToken, setCookie, headers: { cookie, 'x-csrf-token': csrfToken } };
}

/** Signs in to the newsroom with the keyboard alone: focus the email field, type, Tab, type, Enter. */
export async function signInByKeyboard(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/newsroom`);
  await page.getByLabel('Email').focus();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}/newsroom/stories`);
}
