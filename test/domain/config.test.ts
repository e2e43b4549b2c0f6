import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type ConfigProblem } from '../../src/config.js';

function problemsOf(env: Record<string, string>): readonly ConfigProblem[] {
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
    expect(config.jobLeaseMs).toBe(15_000);
    expect(config.port).toBe(3000);
    expect(config.demo).toBe(true);
    expect(config.publicUrl.href).toBe('http://localhost:3000/');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('takes how long a job worker\'s claim lasts from JOB_LEASE_SECONDS', () => {
    expect(loadConfig({ JOB_LEASE_SECONDS: '3' }, '/srv/dateline').jobLeaseMs).toBe(3_000);
  });

  it('takes PostgreSQL from a postgres:// DATABASE_URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://news@db:5432/dateline', PUBLIC_URL: 'https://news.example.org' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://news@db:5432/dateline' });
    expect(config.publicUrl.origin).toBe('https://news.example.org');
    const inSchema = loadConfig({ DATABASE_URL: 'postgres://news@db:5432/dateline', DATABASE_SCHEMA: 'newsroom_2' });
    expect(inSchema.database).toEqual({ kind: 'postgres', url: 'postgres://news@db:5432/dateline', schema: 'newsroom_2' });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT', 'not-a-whole-number'],
    [{ PORT: '70000' }, 'PORT', 'out-of-range'],
    [{ DATABASE_URL: 'mysql://root@db/news' }, 'DATABASE_URL', 'not-allowed'],
    [{ DATABASE_URL: 'postgres://news@db/news', DATABASE_SCHEMA: 'News; drop' }, 'DATABASE_SCHEMA', 'not-allowed'],
    [{ DATABASE_SCHEMA: 'newsroom' }, 'DATABASE_SCHEMA', 'not-allowed'],
    [{ PUBLIC_URL: 'news.example.org' }, 'PUBLIC_URL', 'not-allowed'],
    [{ PUBLIC_URL: 'ftp://news.example.org' }, 'PUBLIC_URL', 'not-allowed'],
    [{ PUBLIC_URL: 'https://news.example.org/site/' }, 'PUBLIC_URL', 'not-allowed'],
    [{ DEMO: 'perhaps' }, 'DEMO', 'not-allowed'],
    [{ WORKERS: '100' }, 'WORKERS', 'out-of-range'],
    [{ JOB_LEASE_SECONDS: '1' }, 'JOB_LEASE_SECONDS', 'out-of-range'],
    [{ JOB_LEASE_SECONDS: '2.5' }, 'JOB_LEASE_SECONDS', 'not-a-whole-number'],
    [{ MEDIA_DIR: 'data/media', ORIGINALS_DIR: 'data/media/originals' }, 'ORIGINALS_DIR', 'inside-media-dir'],
    [{ MEDIA_DIR: 'data/media', UPLOADS_DIR: 'data/media/uploads' }, 'UPLOADS_DIR', 'inside-media-dir'],
    [{ MAX_VIDEO_MB: '2GB' }, 'MAX_VIDEO_MB', 'not-a-whole-number'],
    [{ MAX_IMAGE_MB: '0' }, 'MAX_IMAGE_MB', 'out-of-range'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', 'not-allowed'],
    [{ PAGE_CACHE_ENTRIES: '-1' }, 'PAGE_CACHE_ENTRIES', 'not-a-whole-number'],
    [{ DATELINE_COLOUR: 'blue' }, 'DATELINE_COLOUR', 'unknown-setting'],
    [{ SECRET: 'too-short' }, 'SECRET', 'not-allowed'],
    [{ SECRET: `${'x'.repeat(40)} spaces` }, 'SECRET', 'not-allowed'],
    [{ TRUST_PROXY: 'everyone' }, 'TRUST_PROXY', 'not-allowed'],
    [{ TRUST_PROXY: '10.0.0.0/40' }, 'TRUST_PROXY', 'not-allowed'],
    [{ TRUST_PROXY: '99' }, 'TRUST_PROXY', 'not-allowed'],
  ] as const)('refuses %j, naming the variable (%s: %s) in a message that names it too', (env, variable, code) => {
    const problems = problemsOf(env);
    expect(problems.map((p) => ({ variable: p.variable, code: p.code }))).toEqual([{ variable, code }]);
    expect(problems[0]?.message).toContain(variable);
  });

  it('trusts no proxy unless TRUST_PROXY names them (hops, addresses or CIDR ranges)', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', '::1']);
  });

  it('reports every bad value at once', () => {
    const problems = problemsOf({ PORT: 'x', DEMO: 'maybe', LOG_LEVEL: 'loud' });
    expect(problems.map((p) => p.variable)).toEqual(['PORT', 'DEMO', 'LOG_LEVEL']);
  });
});
