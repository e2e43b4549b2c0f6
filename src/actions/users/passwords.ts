import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords are hashed with scrypt (memory-hard): N=2^15, r=8, p=1 uses 32 MiB and takes
 * tens of milliseconds per guess. The parameters are stored with the hash, so they can be
 * raised later without breaking existing accounts.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/** How passwords are hashed and checked; actions take it from their deps (tests count the work). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
  /**
   * A hash of a random password with the same parameters, to check against when there is no
   * account (or it has no password), so that sign-in costs the same either way.
   */
  decoy(): Promise<string>;
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * scrypt with these parameters for new hashes; any stored hash is checked with the parameters
 * written in it. The app uses PARAMS (`scryptPasswords`); tests that sign in hundreds of times
 * use the same scheme with less work.
 */
export function scryptHasher(params: ScryptParams): PasswordHasher {
  const hash = async (password: string) => {
    const salt = randomBytes(16);
    const key = await derive(password, salt, params);
    return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
  };
  let decoy: Promise<string> | undefined;
  return { hash, verify: verifyPassword, decoy: () => (decoy ??= hash(randomBytes(16).toString('hex'))) };
}

async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** scrypt, as above: what the app uses. */
export const scryptPasswords: PasswordHasher = scryptHasher(PARAMS);
