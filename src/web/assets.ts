import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, version as esbuildVersion } from 'esbuild';
import type { Assets } from '../views/page-model.js';

export interface StaticAsset {
  readonly body: Buffer;
  readonly contentType: string;
}

export interface AssetBundle {
  /** URLs for the views. */
  readonly urls: Assets;
  /** Hashed URL -> file, served with a year-long immutable cache. */
  readonly files: ReadonlyMap<string, StaticAsset>;
}

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Bundles kept between starts (and between test processes), checked against their inputs' contents. */
const DEFAULT_CACHE_DIR = path.join(projectRoot, 'node_modules', '.cache', 'dateline-assets');

const BUILD_OPTIONS = { bundle: true, minify: true, format: 'esm', target: 'es2020', legalComments: 'none' } as const;
/** What changes a bundle besides the files esbuild reads (those are listed in its metafile). */
const BUILD_KEY = JSON.stringify({ BUILD_OPTIONS, esbuild: esbuildVersion, configs: ['tsconfig.json', 'package.json'] });

interface CachedBundle {
  readonly key: string;
  /** The hash of the bundle itself, so a torn or altered file is never served. */
  readonly output: string;
  /** Every file the bundle was made from (relative to the project), with the hash of its content. */
  readonly inputs: Record<string, string>;
}

const hashOf = (body: Buffer | string) => createHash('sha256').update(body).digest('base64url');

function inputsUnchanged(inputs: Record<string, string>): boolean {
  return Object.entries(inputs).every(([file, hash]) => {
    try {
      return hashOf(fs.readFileSync(path.join(projectRoot, file))) === hash;
    } catch {
      return false;
    }
  });
}

function readCached(manifestFile: string, outputFile: string): Buffer | null {
  try {
    const cached = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as CachedBundle;
    if (cached.key !== BUILD_KEY || !inputsUnchanged(cached.inputs)) return null;
    const body = fs.readFileSync(outputFile);
    return hashOf(body) === cached.output ? body : null;
  } catch {
    return null; // No cache yet, or an unreadable one: bundle.
  }
}

function writeCached(manifestFile: string, outputFile: string, body: Buffer, files: readonly string[]): void {
  try {
    const inputs: Record<string, string> = {};
    for (const file of [...files, 'tsconfig.json', 'package.json']) {
      // Entries such as "(disabled):fs" name no file.
      const full = path.join(projectRoot, file);
      if (fs.existsSync(full)) inputs[file] = hashOf(fs.readFileSync(full));
    }
    fs.mkdirSync(path.dirname(manifestFile), { recursive: true });
    // Written aside and renamed, so a process reading at the same moment sees all or nothing.
    const unique = `${process.pid}.${Date.now()}`;
    fs.writeFileSync(`${outputFile}.${unique}`, body);
    fs.renameSync(`${outputFile}.${unique}`, outputFile);
    fs.writeFileSync(`${manifestFile}.${unique}`, JSON.stringify({ key: BUILD_KEY, output: hashOf(body), inputs } satisfies CachedBundle));
    fs.renameSync(`${manifestFile}.${unique}`, manifestFile);
  } catch {
    // A read-only install still starts; it bundles every time.
  }
}

/** One client entry bundled by esbuild, or taken from the cache when none of its inputs changed. */
async function bundleEntry(entry: string, cacheDir: string): Promise<Buffer | null> {
  const manifestFile = path.join(cacheDir, `${entry}.json`);
  const outputFile = path.join(cacheDir, `${entry}.js`);
  const cached = readCached(manifestFile, outputFile);
  if (cached) return cached;
  const result = await build({
    ...BUILD_OPTIONS,
    absWorkingDir: projectRoot,
    entryPoints: [path.join('src', 'client', `${entry}.ts`)],
    write: false,
    metafile: true,
  });
  const output = result.outputFiles[0];
  if (!output) return null;
  const body = Buffer.from(output.contents);
  writeCached(manifestFile, outputFile, body, Object.keys(result.metafile.inputs));
  return body;
}

/**
 * The reader site's stylesheet and script islands, named by content hash so a browser keeps
 * them for a year and a deploy changes their address. Scripts are bundled from src/client
 * with esbuild at start-up, so there is no separate build to forget; the bundles are kept in
 * node_modules/.cache/dateline-assets and reused while none of the files they were made from
 * changed (content hashes), so a second start, and every test app after the first, skips esbuild.
 */
export async function loadAssets(options: { cacheDir?: string } = {}): Promise<AssetBundle> {
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  const files = new Map<string, StaticAsset>();
  const add = (name: string, ext: string, body: Buffer, contentType: string) => {
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 12);
    const url = `/assets/${name}.${hash}.${ext}`;
    files.set(url, { body, contentType });
    return url;
  };
  const css = fs.readFileSync(path.join(projectRoot, 'assets', 'site.css'));
  const cssUrl = add('site', 'css', css, 'text/css; charset=utf-8');

  const bundle = async (entry: string) => {
    const body = await bundleEntry(entry, cacheDir);
    return body ? add(entry, 'js', body, 'text/javascript; charset=utf-8') : null;
  };
  const [playerUrl, commentsUrl, hlsUrl, uploadUrl, editorUrl, liveUrl, pushWorkerUrl] = await Promise.all([
    bundle('player'),
    bundle('comments'),
    bundle('hls'),
    bundle('upload'),
    bundle('editor'),
    bundle('live'),
    bundle('push-worker'),
  ]);
  return {
    urls: { css: cssUrl, playerScript: playerUrl, commentsScript: commentsUrl, hlsScript: hlsUrl, uploadScript: uploadUrl, editorScript: editorUrl, liveScript: liveUrl, pushWorker: pushWorkerUrl },
    files,
  };
}
