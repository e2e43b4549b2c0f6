/**
 * Gets this machine ready for the test suite, or says in one command how to. The suite uses real
 * parts: Debian's Chromium, ffmpeg, a Java runtime (the Nu HTML checker), fonts for Cyrillic and
 * Persian pages, and a PostgreSQL answering at TEST_DATABASE_URL with its database.
 *
 * Quick probes first (files on disk and one connection): when everything is there, nothing else
 * runs. Otherwise, as root or with passwordless sudo, `scripts/setup-debian.sh` installs and starts
 * what is missing; without either, the command to run is printed and the suite does not start.
 * Vitest's global setup calls `prepareMachine` before any test; `.ci/run` runs this file.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
const SETUP_SCRIPT = 'scripts/setup-debian.sh';
const POSTGRES_CONFIG_DIR = '/etc/postgresql';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
/** Names the setup script may put into SQL: plain identifiers only. */
const PLAIN_NAME = /^[a-z_][a-z0-9_]{0,62}$/u;

/** How the test database answered. */
export type PostgresAnswer = 'ready' | 'no-database' | 'login-refused' | 'not-answering';

/** What the quick probes found: facts only, so the decision below is a pure function. */
export interface Probes {
  readonly chromium: boolean;
  readonly ffmpeg: boolean;
  readonly java: boolean;
  readonly fonts: boolean;
  readonly postgres: {
    readonly url: string;
    readonly answer: PostgresAnswer;
    /** A Debian cluster exists under /etc/postgresql, with the port it listens on. */
    readonly cluster: { readonly port: number } | null;
  };
  /** Who may install: root, passwordless sudo, or nobody (then the command is printed). */
  readonly privilege: 'root' | 'sudo' | 'none';
}

export interface Plan {
  /** One line per missing part, for people. */
  readonly missing: readonly string[];
  /** The one command that fixes everything fixable here; null when nothing is missing or it cannot help. */
  readonly command: string | null;
  /** Whether this process may run that command itself. */
  readonly canRun: boolean;
  /** What the setup script cannot fix (a remote or odd PostgreSQL): the person must. */
  readonly blocked: readonly string[];
}

interface DatabaseTarget {
  readonly local: boolean;
  readonly port: number;
  readonly database: string;
  readonly role: string;
}

function target(url: string): DatabaseTarget | null {
  try {
    const parsed = new URL(url);
    const database = decodeURIComponent(parsed.pathname.replace(/^\//u, ''));
    const role = decodeURIComponent(parsed.username) || 'postgres';
    return { local: LOCAL_HOSTS.has(parsed.hostname), port: Number(parsed.port || 5432), database, role };
  } catch {
    return null;
  }
}

/** The decision: what is missing, and the one command that brings it, from the probes alone. */
export function planPreparation(probes: Probes): Plan {
  const missing: string[] = [];
  const blocked: string[] = [];
  let setup = false;
  let postgresArgs = '';
  const packageNeed = (present: boolean, what: string) => {
    if (present) return;
    missing.push(what);
    setup = true;
  };
  packageNeed(probes.chromium, 'Chromium, for the browser tests (Debian package "chromium")');
  packageNeed(probes.ffmpeg, 'ffmpeg and ffprobe, for the media pipeline (Debian package "ffmpeg")');
  packageNeed(probes.java, 'a Java runtime, for the Nu HTML checker (Debian package "default-jre-headless")');
  packageNeed(probes.fonts, 'fonts for Cyrillic and Persian pages (Debian package "fonts-noto-core")');

  const { url, answer, cluster } = probes.postgres;
  if (answer !== 'ready') {
    const where = target(url);
    const why = {
      'no-database': 'its database does not exist',
      'login-refused': 'it refuses the login',
      'not-answering': cluster ? 'it is not running' : 'it is not installed',
    }[answer];
    missing.push(`PostgreSQL at ${url}: ${why}`);
    // The setup script manages this machine's Debian cluster (or a new one on the default port) only.
    const ours = where !== null && where.local && where.port === (cluster?.port ?? 5432);
    if (!ours || !PLAIN_NAME.test(where.database) || !PLAIN_NAME.test(where.role)) {
      blocked.push(
        `PostgreSQL at ${url} is not this machine's Debian cluster (or its names are not plain): start it and create the database yourself, or set TEST_DATABASE_URL`,
      );
    } else {
      setup = true;
      postgresArgs = ` --database ${where.database} --role ${where.role}`;
    }
  }
  if (!setup) return { missing, command: null, canRun: false, blocked };
  const command = `${probes.privilege === 'root' ? '' : 'sudo '}bash ${SETUP_SCRIPT}${postgresArgs}`;
  return { missing, command, canRun: probes.privilege !== 'none', blocked };
}

/** What `planPreparation` says, as a message for a person. */
export function describePlan(plan: Plan, options: { withCommand?: boolean } = {}): string {
  const lines = ['The test suite needs real parts this machine lacks:', ...plan.missing.map((line) => `- ${line}`)];
  if (plan.command && options.withCommand !== false) lines.push('Run once (it installs and starts only what is missing):', `  ${plan.command}`);
  lines.push(...plan.blocked);
  return lines.join('\n');
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => {
      try {
        fs.accessSync(path.join(dir, command), fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

interface Cluster {
  readonly port: number;
  /** Where its postmaster.pid is while a server runs (starting, up or stopping). */
  readonly dataDirectory: string | null;
}

function debianCluster(): Cluster | null {
  try {
    for (const version of fs.readdirSync(POSTGRES_CONFIG_DIR)) {
      const conf = path.join(POSTGRES_CONFIG_DIR, version, 'main', 'postgresql.conf');
      if (!fs.existsSync(conf)) continue;
      const text = fs.readFileSync(conf, 'utf8');
      const port = /^\s*port\s*=\s*(\d+)/mu.exec(text)?.[1];
      const dataDirectory = /^\s*data_directory\s*=\s*'([^']+)'/mu.exec(text)?.[1] ?? null;
      return { port: Number(port ?? 5432), dataDirectory };
    }
  } catch {
    // No /etc/postgresql: no Debian cluster.
  }
  return null;
}

type Attempt = PostgresAnswer | 'coming-up';

async function connectOnce(url: string): Promise<Attempt> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  // A refused connection also surfaces as an 'error' event on some paths; the connect promise says it.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return 'ready';
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    const message = error instanceof Error ? error.message : '';
    if (code === '3D000') return 'no-database';
    // 28000: no such role or no pg_hba line; 28P01: wrong password; a password the server asks for and the URL lacks.
    if (code === '28000' || code === '28P01' || /password/iu.test(message)) return 'login-refused';
    // Starting up or shutting down, or a connection a restart dropped.
    if (code === '57P03' || code === 'ECONNRESET' || /Connection terminated/u.test(message)) return 'coming-up';
    return 'not-answering';
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** This machine's cluster has a server process (its pid file is there) yet refuses connections: it is on its way. */
function localServerStarting(url: string, cluster: Cluster | null): boolean {
  const where = target(url);
  if (!where?.local || !cluster?.dataDirectory || where.port !== cluster.port) return false;
  return fs.existsSync(path.join(cluster.dataDirectory, 'postmaster.pid'));
}

/**
 * One connection to the test database, told apart by how it fails. A server that is starting
 * (just restarted) is waited for, up to `waitMs`; a stopped one is reported at once.
 */
export async function probePostgres(url: string, options: { waitMs?: number } = {}): Promise<PostgresAnswer> {
  const deadline = Date.now() + (options.waitMs ?? 30_000);
  const cluster = debianCluster();
  for (;;) {
    const attempt = await connectOnce(url);
    if (attempt !== 'coming-up' && !(attempt === 'not-answering' && localServerStarting(url, cluster))) return attempt;
    if (Date.now() > deadline) return 'not-answering';
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function privilege(): Probes['privilege'] {
  if (process.getuid?.() === 0) return 'root';
  return onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 5000 }).status === 0 ? 'sudo' : 'none';
}

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function probeMachine(url = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL): Promise<Probes> {
  const answer = await probePostgres(url);
  const cluster = debianCluster();
  const chromium = fs.existsSync(CHROMIUM_PATH);
  const ffmpeg = onPath('ffmpeg') && onPath('ffprobe');
  const java = onPath('java');
  // Debian's package database says; elsewhere fonts are the person's business.
  const fonts = !fs.existsSync('/var/lib/dpkg/info') || fs.existsSync('/var/lib/dpkg/info/fonts-noto-core.list');
  const ready = chromium && ffmpeg && java && fonts && answer === 'ready';
  return {
    chromium,
    ffmpeg,
    java,
    fonts,
    postgres: { url, answer, cluster: cluster ? { port: cluster.port } : null },
    // Asking sudo costs a process: only when something is missing.
    privilege: ready ? 'none' : privilege(),
  };
}

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Probes; when something is missing, runs the setup script if allowed (`act`) and probes again.
 * Resolves when the machine is ready; otherwise throws with the one command to run.
 */
export async function prepareMachine(options: { act?: boolean; log?: (line: string) => void } = {}): Promise<void> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  let plan = planPreparation(await probeMachine());
  if (plan.missing.length === 0) return;
  if (options.act !== false && plan.canRun && plan.command && plan.blocked.length === 0) {
    log(`${describePlan(plan, { withCommand: false })}\nprepare: running ${plan.command}`);
    const [program, ...args] = plan.command.split(' ');
    const run = spawnSync(program ?? 'bash', args, { cwd: projectRoot, stdio: ['ignore', 'inherit', 'inherit'] });
    if (run.status === 0) plan = planPreparation(await probeMachine());
    else log(`prepare: ${plan.command} failed (exit ${run.status ?? run.signal}); no network, or apt is busy?`);
    if (plan.missing.length === 0) return;
  }
  throw new Error(describePlan(plan));
}

// `tsx scripts/prepare-tests.ts [--check]`: what .ci/run calls; exits 1 with the command when it cannot.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  prepareMachine({ act: !process.argv.includes('--check') }).then(
    () => console.log(`prepare: the machine has everything the tests need (${Math.round(performance.now() - started)} ms)`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
