import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
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

/**
 * The reader site's stylesheet and script islands, named by content hash so a browser keeps
 * them for a year and a deploy changes their address. Scripts are bundled from src/client
 * with esbuild at start-up (a few milliseconds), so there is no separate build to forget.
 */
export async function loadAssets(): Promise<AssetBundle> {
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
  const [playerUrl, commentsUrl, hlsUrl, uploadUrl, editorUrl, liveUrl] = await Promise.all([
    bundle('player'),
    bundle('comments'),
    bundle('hls'),
    bundle('upload'),
    bundle('editor'),
    bundle('live'),
  ]);
  return {
    urls: { css: cssUrl, playerScript: playerUrl, commentsScript: commentsUrl, hlsScript: hlsUrl, uploadScript: uploadUrl, editorScript: editorUrl, liveScript: liveUrl },
    files,
  };
}
