import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scryptPasswords, type PasswordHasher } from '../../src/actions/users/passwords.js';
import { signIn } from '../../src/actions/users/sessions.js';
import { THROTTLE } from '../../src/domain/user/throttle.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenService } from '../support/factories.js';
import { API, givenUser, PASSWORD } from '../support/newsroom.js';

describe.each(STORE_KINDS)('sign-in lockout under parallel requests on %s', (kind) => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions);
    for (const name of ['target', 'burst', 'editor']) {
      await givenUser(t.actions, name, [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    }
    base = await listen(t.app);
  });
  afterAll(async () => t.close());

  /** A real HTTP request to the listening server (every one comes from 127.0.0.1). */
  const overHttp = async (email: string, password: string) =>
    (await fetch(`${base}${API}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) }))
      .status;
  const fromAddress = async (email: string, password: string, address: string) =>
    (await t.app.inject({ method: 'POST', url: `${API}/session`, payload: { email, password }, remoteAddress: address })).statusCode;
  /** Lets every lock of the previous test pass. */
  const afterTheLocks = () => t.clock.advance(THROTTLE.lockMs + THROTTLE.windowMs + 1);

  it('counts every one of 30 parallel wrong guesses: at most the limit are evaluated, then the account is locked', async () => {
    const statuses = await Promise.all(Array.from({ length: 30 }, (_, i) => overHttp('target@example.org', `wrong guess number ${i}`)));
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(THROTTLE.maxPerAccount);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30 - THROTTLE.maxPerAccount);
    // The right password from another address is refused too: the account is locked.
    expect(await fromAddress('target@example.org', PASSWORD, '10.9.0.1')).toBe(429);
    afterTheLocks();
    expect(await overHttp('target@example.org', PASSWORD)).toBe(200);
  });

  it('does not let the right password in once a parallel burst has passed the limit', async () => {
    afterTheLocks();
    const guesses = Array.from({ length: 29 }, (_, i) => `wrong guess number ${i}`);
    const statuses = await Promise.all([...guesses, PASSWORD].map((password) => overHttp('burst@example.org', password)));
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(THROTTLE.maxPerAccount);
    expect(statuses).not.toContain(200);
    expect(await fromAddress('burst@example.org', PASSWORD, '10.9.0.2')).toBe(429);
  });

  it('counts every parallel guess of one address across many accounts (concurrent inject)', async () => {
    afterTheLocks();
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => fromAddress(`someone${i}@example.org`, 'wrong guess for anyone', '10.8.0.1')),
    );
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(THROTTLE.maxPerAddress);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30 - THROTTLE.maxPerAddress);
    expect(await fromAddress('editor@example.org', PASSWORD, '10.8.0.1')).toBe(429);
    expect(await fromAddress('editor@example.org', PASSWORD, '10.8.0.2')).toBe(200);
  });

  it('does not count successful sign-ins against their address', async () => {
    afterTheLocks();
    for (let i = 0; i < THROTTLE.maxPerAddress + 5; i++) expect(await fromAddress('editor@example.org', PASSWORD, '10.7.0.1')).toBe(200);
  });
});

describe.each(STORE_KINDS)('sign-in costs one password check whether the account exists or not, on %s', (kind) => {
  let t: TestApp;
  const checked: string[] = [];
  /** The real scrypt, counting what it is asked to check against. */
  const counting: PasswordHasher = {
    ...scryptPasswords,
    verify: async (password, stored) => {
      checked.push(stored);
      return scryptPasswords.verify(password, stored);
    },
  };
  beforeAll(async () => {
    // The app's own scrypt parameters: the decoy's cost is compared with a real account's.
    t = await startTestApp(kind, { demo: false, passwords: scryptPasswords });
    await givenService(t.actions);
    await givenUser(t.actions, 'known', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    await givenUser(t.actions, 'tokenonly', [{ role: 'editor', serviceCode: 'en' }]);
  });
  afterAll(async () => t.close());

  const attempt = async (email: unknown, password: unknown, address: string) => {
    checked.length = 0;
    const error = await signIn({ ...t.actions, passwords: counting }, { email, password, address }).then(
      () => undefined,
      (e: unknown) => e as { code?: string },
    );
    return { code: error?.code, checks: [...checked] };
  };

  it('checks one hash of the same parameters for a known account, an unknown email, a malformed one and a passwordless account', async () => {
    const decoy = await scryptPasswords.decoy();
    const params = (hash: string) => hash.split('$').slice(0, 4).join('$');
    const known = await attempt('known@example.org', 'not the password at all', '10.6.0.1');
    expect(known).toMatchObject({ code: 'SIGN_IN_FAILED' });
    expect(known.checks).toHaveLength(1);
    expect(known.checks[0]).not.toBe(decoy);
    for (const email of ['nobody@example.org', 'not an email', 'tokenonly@example.org', 42]) {
      const other = await attempt(email, 'not the password at all', '10.6.0.2');
      expect(other).toEqual({ code: 'SIGN_IN_FAILED', checks: [decoy] });
    }
    expect(params(decoy)).toBe(params(known.checks[0] ?? ''));
    expect((await attempt('known@example.org', 'x'.repeat(5_000), '10.6.0.3')).checks).toHaveLength(1);
    expect(await attempt('known@example.org', PASSWORD, '10.6.0.4')).toMatchObject({ code: undefined, checks: [known.checks[0]] });
  });
});
