import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * Where the global setup puts this run's programs. Two folders below the project, as `dist/`'s
 * modules are, so what the app finds beside its own modules (the client sources, the demo's
 * media) resolves from there as it does in `dist/` after `npm run build`.
 */
const PROGRAMS_DIR = path.join(ROOT, 'node_modules', '.dateline-test-programs');

/**
 * `src/main.ts` (the server) and `src/cli.ts` (the `dateline` command), each bundled into one
 * module, as the tests start them as processes. Made once per run (about a second): such a
 * process starts in 0.5 s, where tsx compiling some 300 modules and Node reading a thousand
 * package files took 2 s of CPU (more in a process given a temp folder of its own, where tsx
 * keeps no cache).
 */
export async function bundlePrograms(): Promise<void> {
  await build({
    entryPoints: { main: path.join(ROOT, 'src', 'main.ts'), cli: path.join(ROOT, 'src', 'cli.ts') },
    outdir: PROGRAMS_DIR,
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
}

/** The arguments that start a program (after `node`): e.g. `program('cli', 'worker')`. */
export function program(name: 'main' | 'cli', ...args: string[]): string[] {
  return ['--enable-source-maps', path.join(PROGRAMS_DIR, `${name}.mjs`), ...args];
}
