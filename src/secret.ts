import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, isStrongSecret, type Config } from './config.js';

/**
 * The server secret: SECRET when set, else the one kept in the data folder, generated on the
 * first start (readable by the owner only) so an embedded install needs no setup and keeps
 * its readers' form tokens and bans across restarts.
 */
export function loadOrCreateSecret(config: Pick<Config, 'secret' | 'secretFile'>): string {
  if (config.secret) return config.secret;
  if (fs.existsSync(config.secretFile)) {
    const stored = fs.readFileSync(config.secretFile, 'utf8').trim();
    if (!isStrongSecret(stored)) {
      throw new ConfigError([
        { variable: 'SECRET_FILE', code: 'malformed', message: `the secret in ${config.secretFile} is malformed: delete the file to generate a new one, or set SECRET` },
      ]);
    }
    return stored;
  }
  const secret = randomBytes(48).toString('base64url');
  fs.mkdirSync(path.dirname(config.secretFile), { recursive: true });
  fs.writeFileSync(config.secretFile, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
