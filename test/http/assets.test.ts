import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAssets } from '../../src/web/assets.js';

describe('the client script bundles', () => {
  const dirs: string[] = [];
  const cacheDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-assets-test-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  const bodies = (bundle: Awaited<ReturnType<typeof loadAssets>>) => new Map([...bundle.files].map(([url, file]) => [url, file.body.toString('base64')]));

  it('are kept and reused while nothing they are made from changes, and made again when something does', async () => {
    const dir = cacheDir();
    const first = await loadAssets({ cacheDir: dir });
    expect(first.urls.editorScript).toMatch(/^\/assets\/editor\.[\w-]{12}\.js$/u);
    const manifest = path.join(dir, 'editor.json');
    const written = fs.statSync(path.join(dir, 'editor.js')).mtimeMs;
    const inputs = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { inputs: Record<string, string> }).inputs;
    expect(Object.keys(inputs)).toContain('src/client/editor.ts');
    expect(Object.keys(inputs).some((file) => file.startsWith('node_modules/@tiptap/'))).toBe(true);

    // Reused: the same URLs and bytes, and the cached file is not written again.
    const second = await loadAssets({ cacheDir: dir });
    expect(bodies(second)).toEqual(bodies(first));
    expect(fs.statSync(path.join(dir, 'editor.js')).mtimeMs).toBe(written);

    // A source that no longer matches what the bundle was made from: bundled again, from the real source.
    const cached = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { inputs: Record<string, string> };
    cached.inputs['src/client/editor.ts'] = 'a-source-that-changed';
    fs.writeFileSync(manifest, JSON.stringify(cached));
    fs.writeFileSync(path.join(dir, 'player.js'), 'tampered');
    const third = await loadAssets({ cacheDir: dir });
    expect(bodies(third)).toEqual(bodies(first));
    expect((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { inputs: Record<string, string> }).inputs['src/client/editor.ts']).toBe(
      inputs['src/client/editor.ts'],
    );
    expect(fs.readFileSync(path.join(dir, 'player.js'), 'utf8')).not.toBe('tampered');
  });

  it('are the same whether bundled fresh or taken from the cache', async () => {
    const fresh = await loadAssets({ cacheDir: cacheDir() });
    const shared = await loadAssets();
    expect(bodies(shared)).toEqual(bodies(fresh));
    expect(shared.urls).toEqual(fresh.urls);
  });
});
