import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Assets } from '../views/page-model.js';

export interface StaticAsset {
  readonly body: Buffer;
  readonly contentType: string;
  /** Compressed once at start-up, for text types only; null where compression would not pay. */
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
const COMPRESSIBLE = /^(text\/|application\/manifest\+json|image\/svg\+xml)/;
const FONT_DIR = path.join(projectRoot, 'node_modules', '@fontsource', 'vazirmatn', 'files');

function staticAsset(body: Buffer, contentType: string): StaticAsset {
  if (!COMPRESSIBLE.test(contentType)) return { body, contentType, br: null, gzip: null };
  const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  const gzip = gzipSync(body, { level: 9 });
  return { body, contentType, br: br.length < body.length ? br : null, gzip: gzip.length < body.length ? gzip : null };
}

/**
 * The reader site's stylesheet, script islands, icons, manifest and Persian typeface, named by
 * content hash so a browser keeps them for a year and a deploy changes their address, and
 * compressed (Brotli and gzip) once here rather than on every request. Scripts are bundled
 * from src/client with esbuild at start-up (a few milliseconds), so there is no separate build to forget.
 */
export async function loadAssets(): Promise<AssetBundle> {
  const files = new Map<string, StaticAsset>();
  const add = (name: string, ext: string, body: Buffer, contentType: string) => {
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 12);
    const url = `/assets/${name}.${hash}.${ext}`;
    files.set(url, staticAsset(body, contentType));
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

  const bundle = async (entry: string) => {
    const result = await build({
      entryPoints: [path.join(projectRoot, 'src', 'client', `${entry}.ts`)],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2020',
      write: false,
      legalComments: 'none',
    });
    const output = result.outputFiles[0];
    return output ? add(entry, 'js', Buffer.from(output.contents), 'text/javascript; charset=utf-8') : null;
  };
  const [playerUrl, commentsUrl, hlsUrl, uploadUrl, editorUrl] = await Promise.all([
    bundle('player'),
    bundle('comments'),
    bundle('hls'),
    bundle('upload'),
    bundle('editor'),
  ]);
  return {
    urls: {
      css: cssUrl,
      playerScript: playerUrl,
      commentsScript: commentsUrl,
      hlsScript: hlsUrl,
      uploadScript: uploadUrl,
      editorScript: editorUrl,
      icon,
      appleTouchIcon,
      manifest,
      arabicFonts: [fonts.regular, fonts.bold],
    },
    files,
    favicon: staticAsset(read('icons', 'favicon.ico'), 'image/x-icon'),
  };
}
