import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const PREFIX = '.dateline-test-programs-';
/** Where the global setup put this run's programs; forked test workers inherit it. */
const PROGRAMS_VARIABLE = 'TEST_PROGRAMS_DIR';

/**
 * `src/main.ts` (the server) and `src/cli.ts` (the `dateline` command), each bundled into one
 * module, as the tests start them as processes. Made once per run (about a second): such a
 * process starts in 0.5 s, where tsx compiling some 300 modules and Node reading a thousand
 * package files took 2 s of CPU (more in a process given a temp folder of its own, where tsx
 * keeps no cache).
 *
 * Each run has its own folder, so runs side by side never start each other's half-written
 * files, two folders below the project as `dist/`'s modules are, so what the app finds beside
 * its own modules (the client sources, the demo's media) resolves from there as in `dist/`.
 * Returns a function that removes it; folders that runs ended without removing go after a day.
 */
export async function bundlePrograms(run: string): Promise<() => void> {
  const dir = path.join(ROOT, 'node_modules', `${PREFIX}${run}`);
  for (const name of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
    const started = Number(name.startsWith(PREFIX) ? name.slice(PREFIX.length) : NaN);
    if (Number.isFinite(started) && started < Number(run) - 24 * 3600) fs.rmSync(path.join(ROOT, 'node_modules', name), { recursive: true, force: true });
  }
  await build({
    entryPoints: { main: path.join(ROOT, 'src', 'main.ts'), cli: path.join(ROOT, 'src', 'cli.ts') },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Native addons, and esbuild (the app bundles its client scripts with it), stay packages.
    external: ['better-sqlite3', 'sharp', 'esbuild', 'pg-native'],
    // Packages written as CommonJS require Node's own modules.
    banner: { js: "import { createRequire as createRequireOfBundle } from 'node:module'; const require = createRequireOfBundle(import.meta.url);" },
    sourcemap: true,
    logLevel: 'warning',
  });
  process.env[PROGRAMS_VARIABLE] = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

/** The arguments that start a program (after `node`): e.g. `program('cli', 'worker')`. */
export function program(name: 'main' | 'cli', ...args: string[]): string[] {
  const dir = process.env[PROGRAMS_VARIABLE];
  if (!dir) throw new Error(`${PROGRAMS_VARIABLE} is not set: the tests' global setup (test/support/requirements.ts) bundles the programs`);
  return ['--enable-source-maps', path.join(dir, `${name}.mjs`), ...args];
}
