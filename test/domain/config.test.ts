import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env, '/srv/dateline');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('configuration', () => {
  it('runs on SQLite and local disk with demo content by default', () => {
    const config = loadConfig({}, '/srv/dateline');
    expect(config.database).toEqual({ kind: 'sqlite', file: path.resolve('/srv/dateline/data/dateline.sqlite') });
    expect(config.mediaDir).toBe(path.resolve('/srv/dateline/data/media'));
    expect(config.originalsDir).toBe(path.resolve('/srv/dateline/data/originals'));
    expect(config.uploadsDir).toBe(path.resolve('/srv/dateline/data/uploads'));
    expect(config.mediaLimits).toEqual({ video: 4096 * 1024 ** 2, audio: 500 * 1024 ** 2, image: 50 * 1024 ** 2 });
    expect(config.workers).toBe(1);
    expect(config.port).toBe(3000);
    expect(config.demo).toBe(true);
    expect(config.publicUrl.href).toBe('http://localhost:3000/');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('takes PostgreSQL from a postgres:// DATABASE_URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://news@db:5432/dateline', PUBLIC_URL: 'https://news.example.org' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://news@db:5432/dateline' });
    expect(config.publicUrl.origin).toBe('https://news.example.org');
    const inSchema = loadConfig({ DATABASE_URL: 'postgres://news@db:5432/dateline', DATABASE_SCHEMA: 'newsroom_2' });
    expect(inSchema.database).toEqual({ kind: 'postgres', url: 'postgres://news@db:5432/dateline', schema: 'newsroom_2' });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be between 0 and 65535/],
    [{ DATABASE_URL: 'mysql://root@db/news' }, /DATABASE_URL must be a SQLite file path or a postgres:\/\/ URL/],
    [{ DATABASE_URL: 'postgres://news@db/news', DATABASE_SCHEMA: 'News; drop' }, /DATABASE_SCHEMA must be a schema name/],
    [{ DATABASE_SCHEMA: 'newsroom' }, /DATABASE_SCHEMA is for PostgreSQL only/],
    [{ PUBLIC_URL: 'news.example.org' }, /PUBLIC_URL must be an absolute URL/],
    [{ PUBLIC_URL: 'ftp://news.example.org' }, /PUBLIC_URL must start with http/],
    [{ PUBLIC_URL: 'https://news.example.org/site/' }, /PUBLIC_URL must be an origin without a path/],
    [{ DEMO: 'perhaps' }, /DEMO must be true or false/],
    [{ WORKERS: '100' }, /WORKERS must be between 0 and 16/],
    [{ MEDIA_DIR: 'data/media', ORIGINALS_DIR: 'data/media/originals' }, /ORIGINALS_DIR must not be inside MEDIA_DIR/],
    [{ MEDIA_DIR: 'data/media', UPLOADS_DIR: 'data/media/uploads' }, /UPLOADS_DIR must not be inside MEDIA_DIR/],
    [{ MAX_VIDEO_MB: '2GB' }, /MAX_VIDEO_MB must be a whole number/],
    [{ MAX_IMAGE_MB: '0' }, /MAX_IMAGE_MB must be between 1 and/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ PAGE_CACHE_ENTRIES: '-1' }, /PAGE_CACHE_ENTRIES must be a whole number/],
    [{ DATELINE_COLOUR: 'blue' }, /DATELINE_COLOUR is not a setting/],
    [{ SECRET: 'too-short' }, /SECRET must be at least 32 characters/],
    [{ SECRET: `${'x'.repeat(40)} spaces` }, /SECRET must be at least 32 characters/],
    [{ TRUST_PROXY: 'everyone' }, /TRUST_PROXY must be false, a number of proxy hops/],
    [{ TRUST_PROXY: '10.0.0.0/40' }, /TRUST_PROXY must be false, a number of proxy hops/],
    [{ TRUST_PROXY: '99' }, /TRUST_PROXY must be false, a number of proxy hops/],
  ])('refuses %j with a message naming the variable', (env, message) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('trusts no proxy unless TRUST_PROXY names them (hops, addresses or CIDR ranges)', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', '::1']);
  });

  it('reports every bad value at once', () => {
    const problems = problemsOf({ PORT: 'x', DEMO: 'maybe', LOG_LEVEL: 'loud' });
    expect(problems).toHaveLength(3);
  });
});
