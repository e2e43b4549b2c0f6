import { isIP } from 'node:net';
import path from 'node:path';
import { DEFAULT_SIZE_LIMITS, type MediaSizeLimits } from './domain/media/renditions-plan.js';
import { DEFAULT_LEASE_MS } from './domain/jobs/job.js';

const MB = 1024 * 1024;

export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  /** schema: where the tables are (DATABASE_SCHEMA); PostgreSQL's default search path when absent. */
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string };

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly publicUrl: URL;
  readonly database: DatabaseConfig;
  readonly mediaDir: string;
  /** Uploaded originals, kept private (never served): they may carry a source's metadata. */
  readonly originalsDir: string;
  /** Resumable uploads in progress; never served. A finished upload is handed to the pipeline and removed. */
  readonly uploadsDir: string;
  /** Largest upload per kind of media, in bytes. */
  readonly mediaLimits: MediaSizeLimits;
  /** Job workers run inside the app process; 0 when workers run as separate `dateline worker` processes. */
  readonly workers: number;
  /**
   * How long a job worker's claim on a job lasts unless renewed (it is renewed every third of
   * it while the job runs): how soon another worker takes over the job of one that died.
   */
  readonly jobLeaseMs: number;
  /** Load demo content into an empty database at start. */
  readonly demo: boolean;
  /** Webhook endpoints on loopback, private and link-local addresses are refused unless this is on (a test or an intranet). */
  readonly webhooksAllowPrivate: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** How many rendered pages the in-memory page cache keeps. */
  readonly pageCacheEntries: number;
  /**
   * Signs reader form tokens and proof-of-work challenges and salts address hashes. From
   * SECRET, or null: then a generated secret is kept in `secretFile` (embedded installs).
   */
  readonly secret: string | null;
  readonly secretFile: string;
  /**
   * Which proxies may say who the client is (X-Forwarded-For): false (none, the default: the
   * socket's address counts), a number of hops, or addresses and CIDR ranges. Rate limits,
   * bans and sign-in locks use the address this decides.
   */
  readonly trustProxy: false | number | readonly string[];
  /**
   * Web Push: subscriptions whose endpoint is on a private or loopback address (and plain
   * http) are refused unless this is on (PUSH_ALLOW_PRIVATE_ENDPOINTS, for a push service of
   * your own inside your network).
   */
  readonly allowPrivatePushEndpoints: boolean;
}

/** What is wrong with one setting: tests and tools match `variable` and `code`, people read `message`. */
export interface ConfigProblem {
  readonly variable: string;
  readonly code: 'not-a-whole-number' | 'out-of-range' | 'not-allowed' | 'inside-media-dir' | 'unknown-setting' | 'malformed';
  readonly message: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`Dateline cannot start, the configuration has ${problems.length} problem(s):\n- ${problems.map((problem) => problem.message).join('\n- ')}`);
  }
}

type Problems = ConfigProblem[];
const problem = (variable: string, code: ConfigProblem['code'], message: string): ConfigProblem => ({ variable, code, message });

const KNOWN = [
  'PORT',
  'HOST',
  'PUBLIC_URL',
  'DATABASE_URL',
  'DATABASE_SCHEMA',
  'MEDIA_DIR',
  'ORIGINALS_DIR',
  'UPLOADS_DIR',
  'MAX_VIDEO_MB',
  'MAX_AUDIO_MB',
  'MAX_IMAGE_MB',
  'WORKERS',
  'JOB_LEASE_SECONDS',
  'DEMO',
  'LOG_LEVEL',
  'PAGE_CACHE_ENTRIES',
  'SECRET',
  'SECRET_FILE',
  'TRUST_PROXY',
  'WEBHOOKS_ALLOW_PRIVATE',
  'PUSH_ALLOW_PRIVATE_ENDPOINTS',
];

/**
 * Reads the environment into a typed, frozen Config. Every bad value is reported at
 * once, each with the variable's name, what it got and what it wants.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): Config {
  const problems: Problems = [];
  const get = (name: string) => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };

  const port = integer(get('PORT') ?? '3000', 'PORT', 0, 65_535, problems);
  const host = get('HOST') ?? '0.0.0.0';
  const pageCacheEntries = integer(get('PAGE_CACHE_ENTRIES') ?? '5000', 'PAGE_CACHE_ENTRIES', 0, 1_000_000, problems);

  let publicUrl = new URL(`http://localhost:${port || 3000}`);
  const rawPublicUrl = get('PUBLIC_URL');
  if (rawPublicUrl !== undefined) {
    try {
      publicUrl = new URL(rawPublicUrl);
      if (publicUrl.protocol !== 'http:' && publicUrl.protocol !== 'https:') {
        problems.push(problem('PUBLIC_URL', 'not-allowed', `PUBLIC_URL must start with http:// or https:// (got "${rawPublicUrl}")`));
      } else if (publicUrl.pathname !== '/' || publicUrl.search || publicUrl.hash) {
        problems.push(problem('PUBLIC_URL', 'not-allowed', `PUBLIC_URL must be an origin without a path, e.g. https://news.example.org (got "${rawPublicUrl}")`));
      }
    } catch {
      problems.push(problem('PUBLIC_URL', 'not-allowed', `PUBLIC_URL must be an absolute URL such as https://news.example.org (got "${rawPublicUrl}")`));
    }
  }

  const rawDatabase = get('DATABASE_URL') ?? 'data/dateline.sqlite';
  const schema = get('DATABASE_SCHEMA');
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    problems.push(problem('DATABASE_SCHEMA', 'not-allowed', `DATABASE_SCHEMA must be a schema name of lower-case letters, digits and "_" (got "${schema}")`));
  } else if (schema !== undefined && !/^postgres(ql)?:\/\//i.test(rawDatabase)) {
    problems.push(problem('DATABASE_SCHEMA', 'not-allowed', 'DATABASE_SCHEMA is for PostgreSQL only (DATABASE_URL is a SQLite file)'));
  }
  let database: DatabaseConfig = { kind: 'sqlite', file: path.resolve(cwd, rawDatabase) };
  if (/^postgres(ql)?:\/\//i.test(rawDatabase)) {
    try {
      new URL(rawDatabase);
      database = { kind: 'postgres', url: rawDatabase, ...(schema ? { schema } : {}) };
    } catch {
      problems.push(problem('DATABASE_URL', 'malformed', 'DATABASE_URL looks like a PostgreSQL URL but cannot be parsed (postgres://user@host:5432/name)'));
    }
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rawDatabase)) {
    problems.push(
      problem('DATABASE_URL', 'not-allowed', `DATABASE_URL must be a SQLite file path or a postgres:// URL (got a "${rawDatabase.split(':')[0]}:" URL)`),
    );
  } else if (rawDatabase.startsWith('sqlite:')) {
    database = { kind: 'sqlite', file: path.resolve(cwd, rawDatabase.slice('sqlite:'.length)) };
  }

  const mediaDir = path.resolve(cwd, get('MEDIA_DIR') ?? 'data/media');
  const originalsDir = path.resolve(cwd, get('ORIGINALS_DIR') ?? 'data/originals');
  if (originalsDir === mediaDir || originalsDir.startsWith(mediaDir + path.sep)) {
    problems.push(problem('ORIGINALS_DIR', 'inside-media-dir', 'ORIGINALS_DIR must not be inside MEDIA_DIR: everything in MEDIA_DIR is served to readers'));
  }
  const uploadsDir = path.resolve(cwd, get('UPLOADS_DIR') ?? 'data/uploads');
  if (uploadsDir === mediaDir || uploadsDir.startsWith(mediaDir + path.sep)) {
    problems.push(problem('UPLOADS_DIR', 'inside-media-dir', 'UPLOADS_DIR must not be inside MEDIA_DIR: everything in MEDIA_DIR is served to readers'));
  }
  const megabytes = (name: string, fallback: number) =>
    integer(get(name) ?? String(fallback / MB), name, 1, 1_000_000, problems) * MB;
  const mediaLimits = {
    video: megabytes('MAX_VIDEO_MB', DEFAULT_SIZE_LIMITS.video),
    audio: megabytes('MAX_AUDIO_MB', DEFAULT_SIZE_LIMITS.audio),
    image: megabytes('MAX_IMAGE_MB', DEFAULT_SIZE_LIMITS.image),
  };
  const workers = integer(get('WORKERS') ?? '1', 'WORKERS', 0, 16, problems);
  const jobLeaseMs = integer(get('JOB_LEASE_SECONDS') ?? String(DEFAULT_LEASE_MS / 1000), 'JOB_LEASE_SECONDS', 3, 600, problems) * 1000;

  const rawDemo = (get('DEMO') ?? 'true').toLowerCase();
  if (!['true', 'false', '1', '0', 'yes', 'no'].includes(rawDemo)) {
    problems.push(problem('DEMO', 'not-allowed', `DEMO must be true or false (got "${get('DEMO')}")`));
  }
  const demo = ['true', '1', 'yes'].includes(rawDemo);
  const rawPrivate = (get('WEBHOOKS_ALLOW_PRIVATE') ?? 'false').toLowerCase();
  if (!['true', 'false', '1', '0', 'yes', 'no'].includes(rawPrivate)) {
    problems.push(problem('WEBHOOKS_ALLOW_PRIVATE', 'not-allowed', `WEBHOOKS_ALLOW_PRIVATE must be true or false (got "${get('WEBHOOKS_ALLOW_PRIVATE')}")`));
  }
  const webhooksAllowPrivate = ['true', '1', 'yes'].includes(rawPrivate);

  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
  const rawLevel = get('LOG_LEVEL') ?? 'info';
  const logLevel = levels.find((level) => level === rawLevel);
  if (!logLevel) problems.push(problem('LOG_LEVEL', 'not-allowed', `LOG_LEVEL must be one of ${levels.join(', ')} (got "${rawLevel}")`));

  const secret = get('SECRET') ?? null;
  if (secret !== null && !isStrongSecret(secret)) {
    problems.push(
      problem('SECRET', 'not-allowed', 'SECRET must be at least 32 characters of letters, digits, "-", "_", "+", "/" or "=" (e.g. `openssl rand -base64 48`)'),
    );
  }
  const secretFile = path.resolve(cwd, get('SECRET_FILE') ?? 'data/secret');

  const trustProxy = parseTrustProxy(get('TRUST_PROXY'), problems);

  const rawPrivatePush = (get('PUSH_ALLOW_PRIVATE_ENDPOINTS') ?? 'false').toLowerCase();
  if (!['true', 'false', '1', '0', 'yes', 'no'].includes(rawPrivatePush)) {
    problems.push(problem('PUSH_ALLOW_PRIVATE_ENDPOINTS', 'not-allowed', `PUSH_ALLOW_PRIVATE_ENDPOINTS must be true or false (got "${get('PUSH_ALLOW_PRIVATE_ENDPOINTS')}")`));
  }
  const allowPrivatePushEndpoints = ['true', '1', 'yes'].includes(rawPrivatePush);

  for (const name of Object.keys(env)) {
    if (name.startsWith('DATELINE_') && !KNOWN.includes(name.slice('DATELINE_'.length))) {
      problems.push(problem(name, 'unknown-setting', `${name} is not a setting Dateline knows`));
    }
  }

  if (problems.length) throw new ConfigError(problems);
  return Object.freeze({
    port,
    host,
    publicUrl,
    database,
    mediaDir,
    originalsDir,
    uploadsDir,
    mediaLimits: Object.freeze(mediaLimits),
    workers,
    jobLeaseMs,
    demo,
    webhooksAllowPrivate,
    logLevel: logLevel ?? 'info',
    pageCacheEntries,
    trustProxy,
    secret,
    secretFile,
    allowPrivatePushEndpoints,
  });
}

function parseTrustProxy(raw: string | undefined, problems: Problems): Config['trustProxy'] {
  if (raw === undefined || ['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops <= 10) return hops;
  }
  const entries = raw.split(',').map((entry) => entry.trim()).filter(Boolean);
  const isAddressOrRange = (entry: string) => {
    const [address = '', bits, extra] = entry.split('/');
    if (extra !== undefined || isIP(address) === 0) return false;
    if (bits === undefined) return true;
    const max = isIP(address) === 4 ? 32 : 128;
    return /^\d+$/.test(bits) && Number(bits) <= max;
  };
  const bad = entries.filter((entry) => !isAddressOrRange(entry));
  if (bad.length || !entries.length) {
    problems.push(
      problem(
        'TRUST_PROXY',
        'not-allowed',
        `TRUST_PROXY must be false, a number of proxy hops (1-10), or addresses/CIDR ranges separated by commas, e.g. 10.0.0.0/8,127.0.0.1 (got "${raw}")`,
      ),
    );
    return false;
  }
  return entries;
}

export function isStrongSecret(value: string): boolean {
  return value.length >= 32 && value.length <= 512 && /^[A-Za-z0-9+/=_-]+$/.test(value);
}

function integer(raw: string, name: string, min: number, max: number, problems: Problems): number {
  if (!/^\d+$/.test(raw)) {
    problems.push(problem(name, 'not-a-whole-number', `${name} must be a whole number between ${min} and ${max} (got "${raw}")`));
    return min;
  }
  const value = Number(raw);
  if (value < min || value > max) {
    problems.push(problem(name, 'out-of-range', `${name} must be between ${min} and ${max} (got ${value})`));
    return min;
  }
  return value;
}
