import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { loadOrCreateSecret } from '../../src/secret.js';

describe('the server secret', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-secret-'));

  it('is generated on first start, kept readable by the owner only, and reused', () => {
    const folder = dir();
    const config = loadConfig({ SECRET_FILE: path.join(folder, 'data', 'secret') }, folder);
    const first = loadOrCreateSecret(config);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(config.secretFile).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSecret(config)).toBe(first);
    fs.rmSync(folder, { recursive: true });
  });

  it('comes from SECRET when set', () => {
    const secret = 'a'.repeat(48);
    expect(loadOrCreateSecret(loadConfig({ SECRET: secret, SECRET_FILE: '/nonexistent/secret' }))).toBe(secret);
  });

  it('refuses a malformed stored secret with a clear error', () => {
    const folder = dir();
    const file = path.join(folder, 'secret');
    fs.writeFileSync(file, 'short\n');
    expect(() => loadOrCreateSecret(loadConfig({ SECRET_FILE: file }))).toThrow(ConfigError);
    try {
      loadOrCreateSecret(loadConfig({ SECRET_FILE: file }));
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => ({ variable: p.variable, code: p.code }))).toEqual([{ variable: 'SECRET_FILE', code: 'malformed' }]);
    }
    fs.rmSync(folder, { recursive: true });
  });
});
