import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, version as esbuildVersion } from 'esbuild';
import type { Assets } from '../views/page-model.js';

export interface StaticAsset {
  readonly body: Buffer;
  readonly contentType: string;
  /** Compressed once (at start-up, or taken from the cache), for text types only; null where compression would not pay. */
  readonly br: Buffer | null;
  readonly gzip: Buffer | null;
}

export interface AssetBundle {
  /** URLs for the views. */
  readonly urls: Assets;
  /** Hashed URL -> file, served with a year-long immutable cache. */
  readonly files: ReadonlyMap<string, StaticAsset>;
  /** /favicon.ico, asked for by browsers and tools whatever the page links: served at its fixed address. */
  readonly favicon: StaticAsset;
}

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Bundles kept between starts (and between test processes), checked against their inputs' contents. */
const DEFAULT_CACHE_DIR = path.join(projectRoot, 'node_modules', '.cache', 'dateline-assets');

const COMPRESSIBLE = /^(text\/|application\/manifest\+json|image\/svg\+xml)/;
const FONT_DIR = path.join(projectRoot, 'node_modules', '@fontsource', 'vazirmatn', 'files');

const BUILD_OPTIONS = { bundle: true, minify: true, target: 'es2020', legalComments: 'none' } as const;
/**
 * Each page script in its own scope: they are classic scripts side by side on one page, whose
 * top-level names (minified to one letter) would otherwise share the global scope and overwrite
 * each other's functions (the live island's `x` replaced the comments island's). Only hls.js,
 * which the player imports as a module, keeps its exports.
 */
const FORMAT_OF = (entry: string) => (entry === 'hls' ? 'esm' : 'iife');
/** What changes a bundle besides the files esbuild reads (those are listed in its metafile). */
const BUILD_KEY = JSON.stringify({ BUILD_OPTIONS, formats: 'iife; hls esm', esbuild: esbuildVersion, configs: ['tsconfig.json', 'package.json'] });

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
    format: FORMAT_OF(entry),
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
 * A static file with its Brotli (quality 11) and gzip (level 9) forms. Compressing the larger
 * bundles at that quality takes a while, so the results are kept in the cache folder under the
 * hash of what they compress and reused.
 */
function staticAsset(body: Buffer, contentType: string, cacheDir: string): StaticAsset {
  if (!COMPRESSIBLE.test(contentType)) return { body, contentType, br: null, gzip: null };
  const key = hashOf(body);
  const compressed = (ext: string, compress: () => Buffer) => {
    const file = path.join(cacheDir, 'compressed', `${key}.${ext}`);
    try {
      return fs.readFileSync(file);
    } catch {
      const made = compress();
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const temp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temp, made);
        fs.renameSync(temp, file);
      } catch {
        // A cache that cannot be written costs time at the next start, nothing else.
      }
      return made;
    }
  };
  const br = compressed('br', () => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
  const gzip = compressed('gz', () => gzipSync(body, { level: 9 }));
  return { body, contentType, br: br.length < body.length ? br : null, gzip: gzip.length < body.length ? gzip : null };
}

/**
 * The reader site's stylesheet, script islands, icons, manifest and Persian typeface, named by
 * content hash so a browser keeps them for a year and a deploy changes their address, and
 * compressed (Brotli, gzip) before the first request. Scripts are bundled from src/client
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
    files.set(url, staticAsset(body, contentType, cacheDir));
    return url;
  };
  const read = (...parts: string[]) => fs.readFileSync(path.join(projectRoot, 'assets', ...parts));

  // Fonts first: the stylesheet names them by their hashed addresses.
  const fonts = {
    regular: add('vazirmatn-arabic-400', 'woff2', fs.readFileSync(path.join(FONT_DIR, 'vazirmatn-arabic-400-normal.woff2')), 'font/woff2'),
    bold: add('vazirmatn-arabic-700', 'woff2', fs.readFileSync(path.join(FONT_DIR, 'vazirmatn-arabic-700-normal.woff2')), 'font/woff2'),
  };
  const css = read('site.css').toString('utf8').replaceAll('url("vazirmatn-400.woff2")', `url("${fonts.regular}")`).replaceAll('url("vazirmatn-700.woff2")', `url("${fonts.bold}")`);
  const cssUrl = add('site', 'css', Buffer.from(css), 'text/css; charset=utf-8');

  const icon = add('favicon', 'svg', read('icons', 'favicon.svg'), 'image/svg+xml');
  const appleTouchIcon = add('apple-touch-icon', 'png', read('icons', 'apple-touch-icon.png'), 'image/png');
  const icon192 = add('icon-192', 'png', read('icons', 'icon-192.png'), 'image/png');
  const icon512 = add('icon-512', 'png', read('icons', 'icon-512.png'), 'image/png');
  const manifest = add(
    'site',
    'webmanifest',
    Buffer.from(
      JSON.stringify({
        name: 'Dateline',
        short_name: 'Dateline',
        start_url: '/',
        display: 'browser',
        background_color: '#ffffff',
        theme_color: '#0b4f8a',
        icons: [
          { src: icon192, sizes: '192x192', type: 'image/png' },
          { src: icon512, sizes: '512x512', type: 'image/png' },
          { src: icon, sizes: 'any', type: 'image/svg+xml' },
        ],
      }),
    ),
    'application/manifest+json',
  );
  const logoUrl = add('logo', 'png', read('logo.png'), 'image/png');

  const bundle = async (entry: string) => {
    const body = await bundleEntry(entry, cacheDir);
    return body ? add(entry, 'js', body, 'text/javascript; charset=utf-8') : null;
  };
  const [playerUrl, commentsUrl, hlsUrl, uploadUrl, editorUrl, timeUrl, shareUrl, newsroomUrl, liveUrl, pushWorkerUrl, embedsUrl] = await Promise.all([
    bundle('player'),
    bundle('comments'),
    bundle('hls'),
    bundle('upload'),
    bundle('editor'),
    bundle('time'),
    bundle('share'),
    bundle('newsroom'),
    bundle('live'),
    bundle('push-worker'),
    bundle('embeds'),
  ]);
  return {
    urls: {
      css: cssUrl,
      logo: logoUrl,
      playerScript: playerUrl,
      commentsScript: commentsUrl,
      hlsScript: hlsUrl,
      uploadScript: uploadUrl,
      editorScript: editorUrl,
      timeScript: timeUrl,
      shareScript: shareUrl,
      newsroomScript: newsroomUrl,
      liveScript: liveUrl,
      pushWorker: pushWorkerUrl,
      embedsScript: embedsUrl,
      icon,
      appleTouchIcon,
      manifest,
      arabicFonts: [fonts.regular, fonts.bold],
    },
    files,
    favicon: staticAsset(read('icons', 'favicon.ico'), 'image/x-icon', cacheDir),
  };
}
