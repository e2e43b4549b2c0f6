import { execFile } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planPreparation, prepareMachine, probePostgres, type Probes } from '../../scripts/prepare-tests.js';
import { POSTGRES_URL } from '../support/databases.js';

const URL = 'postgres://postgres@127.0.0.1:5432/test';
const everything: Probes = {
  chromium: true,
  ffmpeg: true,
  java: true,
  fonts: true,
  postgres: { url: URL, answer: 'ready', cluster: { port: 5432 } },
  privilege: 'root',
};
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A local port with nothing listening: what a stopped PostgreSQL looks like from here. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('preparing the machine for the tests', () => {
  it('does nothing when everything is there', () => {
    expect(planPreparation(everything)).toEqual({ missing: [], command: null, canRun: false, blocked: [] });
  });

  it('with PostgreSQL stopped and Chromium absent, as root, runs the setup script for both', () => {
    const plan = planPreparation({
      ...everything,
      chromium: false,
      postgres: { url: URL, answer: 'not-answering', cluster: { port: 5432 } },
    });
    expect(plan.command).toBe('bash scripts/setup-debian.sh --database test --role postgres');
    expect(plan.canRun).toBe(true);
    expect(plan.blocked).toEqual([]);
    expect(plan.missing).toHaveLength(2);
    expect(plan.missing[0]).toContain('"chromium"');
    expect(plan.missing[1]).toContain('it is not running');
  });

  it('installs PostgreSQL when there is none, and creates a missing database or role', () => {
    const none = planPreparation({ ...everything, postgres: { url: URL, answer: 'not-answering', cluster: null } });
    expect(none.missing).toEqual([`PostgreSQL at ${URL}: it is not installed`]);
    expect(none.command).toBe('bash scripts/setup-debian.sh --database test --role postgres');
    const ci = 'postgres://ci@localhost:5433/dateline_ci';
    const noDatabase = planPreparation({ ...everything, postgres: { url: ci, answer: 'no-database', cluster: { port: 5433 } } });
    expect(noDatabase.command).toBe('bash scripts/setup-debian.sh --database dateline_ci --role ci');
    const refused = planPreparation({ ...everything, postgres: { url: ci, answer: 'login-refused', cluster: { port: 5433 } } });
    expect(refused.command).toBe('bash scripts/setup-debian.sh --database dateline_ci --role ci');
  });

  it('only packages missing: the script without the database part', () => {
    const plan = planPreparation({ ...everything, ffmpeg: false, java: false, fonts: false });
    expect(plan.command).toBe('bash scripts/setup-debian.sh');
    expect(plan.missing).toHaveLength(3);
  });

  it('without root or passwordless sudo, names the one command to run and does not run it', () => {
    const plan = planPreparation({ ...everything, chromium: false, privilege: 'none' });
    expect(plan).toMatchObject({ command: 'sudo bash scripts/setup-debian.sh', canRun: false });
    expect(planPreparation({ ...everything, chromium: false, privilege: 'sudo' })).toMatchObject({
      command: 'sudo bash scripts/setup-debian.sh',
      canRun: true,
    });
  });

  it('leaves a PostgreSQL that is not this machine’s cluster to the person, and never puts odd names in a command', () => {
    for (const url of ['postgres://postgres@db.example.org:5432/test', 'postgres://postgres@127.0.0.1:6543/test', 'postgres://postgres@127.0.0.1:5432/te;st']) {
      const plan = planPreparation({ ...everything, postgres: { url, answer: 'not-answering', cluster: { port: 5432 } } });
      expect(plan.command, url).toBeNull();
      expect(plan.blocked, url).toHaveLength(1);
    }
  });

  it('tells a stopped server, a missing database and a ready one apart, for real', async () => {
    const port = await deadPort();
    expect(await probePostgres(`postgres://postgres@127.0.0.1:${port}/test`)).toBe('not-answering');
    const missing = new globalThis.URL(POSTGRES_URL);
    missing.pathname = '/dateline_no_such_database';
    expect(await probePostgres(missing.href)).toBe('no-database');
    expect(await probePostgres(POSTGRES_URL)).toBe('ready');
  });

  it('on this machine, where everything is present, the quick path finds nothing to do', async () => {
    const lines: string[] = [];
    await expect(prepareMachine({ act: false, log: (line) => lines.push(line) })).resolves.toBeUndefined();
    expect(lines).toEqual([]);
  });

  it('stops with the one command and a failing exit before anything runs when it may not act', async () => {
    const port = await deadPort();
    const outcome = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'scripts/prepare-tests.ts', '--check'],
        { cwd: projectRoot, env: { ...process.env, TEST_DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/test` } },
        (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }),
      );
    });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(`PostgreSQL at postgres://postgres@127.0.0.1:${port}/test`);
  });
});
