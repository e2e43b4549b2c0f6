import { describe, expect, it } from 'vitest';
import { scryptHasher, scryptPasswords } from '../../src/actions/users/passwords.js';

describe('passwords', () => {
  it('are hashed with scrypt at N=2^15, r=8, p=1 with a salt of their own, and checked', async () => {
    const hash = await scryptPasswords.hash('a long enough passphrase');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await scryptPasswords.hash('a long enough passphrase')).not.toBe(hash);
    expect(await scryptPasswords.verify('a long enough passphrase', hash)).toBe(true);
    expect(await scryptPasswords.verify('a long enough passphrase!', hash)).toBe(false);
    expect((await scryptPasswords.decoy()).split('$').slice(0, 4).join('$')).toBe('scrypt$32768$8$1');
  });

  it('are checked with the parameters written in their hash, so the cost can be raised without locking anyone out', async () => {
    const older = await scryptHasher({ N: 2 ** 10, r: 8, p: 1 }).hash('an older passphrase');
    expect(older).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await scryptPasswords.verify('an older passphrase', older)).toBe(true);
    expect(await scryptPasswords.verify('another passphrase', older)).toBe(false);
  });

  it('never match a stored value that is not a whole scrypt hash', async () => {
    for (const stored of ['', 'scrypt$', 'bcrypt$10$abc', 'scrypt$32768$8$1$c2FsdA', 'plain text']) {
      expect(await scryptPasswords.verify('plain text', stored)).toBe(false);
    }
  });
});
