import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenService } from '../support/factories.js';
import { filesUnder, makeClip, makeHugeImageHeader, makeIndirectionAttacks, makeTone, wasRead } from '../support/media.js';
import { API, givenUser, signInAs } from '../support/newsroom.js';
import { tusClient } from '../support/tus.js';

const MB = 1024 * 1024;

describe.each(STORE_KINDS)('resumable uploads on %s', (kind) => {
  let t: TestApp;
  let base: string;
  let files: string;
  let reporter: Awaited<ReturnType<typeof givenUser>>;
  let other: Awaited<ReturnType<typeof givenUser>>;
  let moderator: Awaited<ReturnType<typeof givenUser>>;
  beforeAll(async () => {
    // Small limits, so "too large" needs no gigabytes: video 2 MB, audio and images 1 MB.
    t = await startTestApp(kind, { demo: false, env: { MAX_VIDEO_MB: '2', MAX_AUDIO_MB: '1', MAX_IMAGE_MB: '1' } });
    await givenService(t.actions);
    reporter = await givenUser(t.actions, 'reporter', [{ role: 'reporter', serviceCode: 'en' }], { withPassword: true });
    other = await givenUser(t.actions, 'other-reporter', [{ role: 'reporter', serviceCode: 'en' }]);
    moderator = await givenUser(t.actions, 'moderator', [{ role: 'moderator', serviceCode: 'en' }]);
    base = `${await listen(t.app)}${API}`;
    files = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-upload-files-'));
  });
  afterAll(async () => {
    fs.rmSync(files, { recursive: true, force: true });
    await t.close();
  });

  const mediaCount = async () => (await t.store.read.media.search({ limit: 100, offset: 0 })).total;
  const nothingLeft = () => {
    expect(filesUnder(t.uploadsDir)).toEqual([]);
  };
  /** Uploads a whole file in one PATCH; returns the final answer. */
  const uploadWhole = async (file: string, fields: Record<string, string>) => {
    const tus = tusClient(base, reporter.bearer);
    const bytes = fs.readFileSync(file);
    const created = await tus.create(bytes.length, fields);
    expect(created.status).toBe(201);
    return tus.send(created.headers.get('location')!, 0, bytes);
  };
  const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

  it('takes a clip in chunks through a dropped connection, resumes where the server got to, and the worker makes it ready', async () => {
    const clip = fs.readFileSync(makeClip(path.join(files, 'clip.mp4'), { width: 320, height: 240, seconds: 3 }));
    const tus = tusClient(base, reporter.bearer);
    const created = await tus.create(clip.length, { filename: 'clip.mp4', title: 'Bishkek at dawn', credit: 'Reuters' });
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    expect(location).toMatch(/^\/api\/admin\/v1\/uploads\/[a-f0-9]{32}$/);

    const third = Math.ceil(clip.length / 3);
    const first = await tus.send(location, 0, clip.subarray(0, third));
    expect(first.status).toBe(204);
    expect(Number(first.headers.get('upload-offset'))).toBe(third);

    // The second chunk is cut off halfway: the server keeps what arrived and says where it is.
    await tus.sendAndDrop(location, third, clip.subarray(third, 2 * third), Math.floor(third / 2));
    const { status, offset } = await tus.offsetOf(location);
    expect(status).toBe(200);
    expect(offset).toBeGreaterThanOrEqual(third);
    expect(offset).toBeLessThan(2 * third);
    expect(await mediaCount()).toBe(0);

    const last = await tus.send(location, offset, clip.subarray(offset));
    expect(last.status).toBe(204);
    const mediaId = Number(last.headers.get('dateline-media-id'));
    expect(mediaId).toBeGreaterThan(0);
    nothingLeft();

    expect(await t.workers.workers[0]?.runOnce()).toBe('done');
    const item = await t.store.read.media.findById(mediaId);
    expect(item).toMatchObject({ kind: 'video', state: 'ready', title: 'Bishkek at dawn', credit: 'Reuters' });
    expect(Math.abs((item?.durationMs ?? 0) - 3_000)).toBeLessThan(150);
    const kinds = new Set(item?.renditions.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['hls', 'mp4', 'poster']);
    const mp4 = item!.renditions.find((r) => r.kind === 'mp4')!;
    expect(fs.statSync(path.join(t.mediaDir, mp4.path)).size).toBe(mp4.sizeBytes);
  });

  it('decides the kind by content: a WAV named photo.jpg becomes an audio item', async () => {
    const tone = path.join(files, 'photo.jpg');
    fs.renameSync(makeTone(path.join(files, 'tone.wav'), 1), tone);
    const response = await uploadWhole(tone, { filename: 'photo.jpg' });
    expect(response.status).toBe(204);
    const item = await t.store.read.media.findById(Number(response.headers.get('dateline-media-id')));
    expect(item).toMatchObject({ kind: 'audio', title: 'photo.jpg', state: 'processing' });
    nothingLeft();
  });

  const REFUSED: { name: string; make: () => string; code: string; message?: string }[] = [
    {
      name: 'a truncated clip',
      make: () => {
        const whole = fs.readFileSync(makeClip(path.join(files, 'whole.mp4'), { width: 320, height: 240, seconds: 2, faststart: false }));
        const cut = path.join(files, 'cut.mp4');
        fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
        return cut;
      },
      code: 'MEDIA_UNREADABLE',
    },
    {
      name: 'a text file named clip.mp4',
      make: () => {
        const fake = path.join(files, 'fake.mp4');
        fs.writeFileSync(fake, 'This is not a video.\n'.repeat(500));
        return fake;
      },
      code: 'MEDIA_UNREADABLE',
    },
    {
      name: 'a small PNG that declares 16000 x 16000 pixels',
      make: () => makeHugeImageHeader(path.join(files, 'bomb.png')),
      code: 'MEDIA_TOO_LARGE',
      message: 'the image is 16000 x 16000 pixels (256 megapixels): an image may have at most 50 megapixels',
    },
    {
      name: 'audio over the audio limit (yet under the largest)',
      make: () => makeTone(path.join(files, 'long.wav'), 14),
      code: 'MEDIA_TOO_LARGE',
    },
  ];
  for (const refused of REFUSED) {
    it(`refuses ${refused.name} with the reason, keeps no media item and no temporary file`, async () => {
      const before = await mediaCount();
      const originalsBefore = filesUnder(path.join(path.dirname(t.mediaDir), 'originals'));
      const response = await uploadWhole(refused.make(), { filename: 'clip.mp4', title: 'Refused' });
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe(refused.code);
      expect(error.message.length).toBeGreaterThan(10);
      if (refused.message) expect(error.message).toBe(refused.message);
      expect(await mediaCount()).toBe(before);
      expect(filesUnder(path.join(path.dirname(t.mediaDir), 'originals'))).toEqual(originalsBefore);
      nothingLeft();
    });
  }

  it('refuses playlists and lists of files as not a supported format, without reading the files they name', async () => {
    const { secret, attacks } = makeIndirectionAttacks(files);
    for (const attack of attacks) {
      const before = await mediaCount();
      const originals = path.join(path.dirname(t.mediaDir), 'originals');
      const originalsBefore = filesUnder(originals);
      const renditionsBefore = filesUnder(t.mediaDir);
      const response = await uploadWhole(attack.file, { filename: 'clip.mp4', title: attack.name });
      expect(response.status, attack.name).toBe(400);
      expect(response.headers.get('dateline-media-id')).toBeNull();
      const error = await errorOf(response);
      expect(error.code, attack.name).toBe('MEDIA_FORMAT_UNSUPPORTED');
      expect(error.message).toContain('not a supported format');
      // Nothing of the clip it names: not its length, not a frame, not that it exists.
      expect(error.message).not.toMatch(/7[.,]3|7300|176x144/);
      expect(await mediaCount()).toBe(before);
      expect(filesUnder(originals)).toEqual(originalsBefore);
      expect(filesUnder(t.mediaDir)).toEqual(renditionsBefore);
      expect(wasRead(secret), attack.name).toBe(false);
      nothingLeft();
    }
  });

  it('refuses at creation an upload declared larger than the largest limit, or of no declared size', async () => {
    const tus = tusClient(base, reporter.bearer);
    const tooBig = await tus.create(2 * MB + 1, { title: 'Huge' });
    expect(tooBig.status).toBe(400);
    expect((await errorOf(tooBig)).code).toBe('MEDIA_TOO_LARGE');
    const deferred = await fetch(`${base}/uploads`, {
      method: 'POST',
      headers: { ...reporter.bearer, 'tus-resumable': '1.0.0', 'upload-defer-length': '1' },
    });
    expect(deferred.status).toBe(400);
    expect((await errorOf(deferred)).code).toBe('UPLOAD_LENGTH_REQUIRED');
    const untitled = await tus.create(100, {});
    expect(untitled.status).toBe(400);
    nothingLeft();
  });

  it("answers with the app's security headers, same-origin only, and every refusal as JSON", async () => {
    const tus = tusClient(base, { ...reporter.bearer, origin: 'https://evil.example' });
    const expectSecured = (response: Response) => {
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('strict-transport-security')).toBeNull(); // plain http here
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    };
    const created = await tus.create(1_000, { title: 'Headers' });
    expect(created.status).toBe(201);
    expectSecured(created);
    const location = created.headers.get('location')!;
    const sent = await tus.send(location, 0, Buffer.alloc(100, 1));
    expect(sent.status).toBe(204);
    expectSecured(sent);
    const head = await fetch(new URL(location, base), { method: 'HEAD', headers: { ...reporter.bearer, 'tus-resumable': '1.0.0' } });
    expect(head.headers.get('upload-offset')).toBe('100');
    expectSecured(head);

    // Refused by our hooks (no title), and by tus itself (wrong offset, no protocol version).
    const untitled = await tus.create(100, { caption: 'No title' });
    const wrongOffset = await tus.send(location, 7, Buffer.alloc(10, 1));
    const noVersion = await fetch(`${base}/uploads`, { method: 'POST', headers: { ...reporter.bearer, 'upload-length': '100' } });
    for (const [response, status, code] of [
      [untitled, 400, /^FIELD_/],
      [wrongOffset, 409, /^UPLOAD_OFFSET_CONFLICT$/],
      [noVersion, 412, /^UPLOAD_REFUSED$/],
    ] as const) {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expectSecured(response);
      const error = await errorOf(response);
      expect(error.code).toMatch(code);
      expect(error.message.length).toBeGreaterThan(5);
    }
    expect((await tus.cancel(location)).status).toBe(204);
    nothingLeft();
  });

  it('lets one person have at most 10 open uploads, however many they start at once', async () => {
    const tus = tusClient(base, other.bearer);
    const answers = await Promise.all(Array.from({ length: 16 }, (_, i) => tus.create(1_000, { title: `Parallel ${i}` })));
    const created = answers.filter((answer) => answer.status === 201);
    const refused = answers.filter((answer) => answer.status !== 201);
    expect(created).toHaveLength(10);
    expect(refused.map((answer) => answer.status)).toEqual([429, 429, 429, 429, 429, 429]);
    for (const answer of refused) {
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      const error = await errorOf(answer);
      expect(error.code).toBe('UPLOADS_TOO_MANY');
      expect(error.message).toContain('finish or cancel one');
    }
    const since = new Date(t.clock.now().getTime() - 24 * 60 * 60_000);
    expect(await t.store.read.openUploads.countOpen(other.id, since)).toBe(10);
    const locations = created.map((answer) => answer.headers.get('location')!);
    expect(new Set(locations).size).toBe(10);

    // Another person is not held back; a cancelled or finished upload frees a place.
    const mine = await tusClient(base, reporter.bearer).create(1_000, { title: 'Someone else' });
    expect(mine.status).toBe(201);
    expect((await tusClient(base, reporter.bearer).cancel(mine.headers.get('location')!)).status).toBe(204);
    expect((await tus.create(1_000, { title: 'Eleventh' })).status).toBe(429);
    expect((await tus.cancel(locations.pop()!)).status).toBe(204);
    const afterCancel = await tus.create(1_000, { title: 'In its place' });
    expect(afterCancel.status).toBe(201);
    locations.push(afterCancel.headers.get('location')!);
    const finished = await tus.send(locations.pop()!, 0, Buffer.alloc(1_000, 7));
    expect(finished.status).toBe(400); // not media, but finished: it no longer counts
    const afterFinish = await tus.create(1_000, { title: 'In its place again' });
    expect(afterFinish.status).toBe(201);
    locations.push(afterFinish.headers.get('location')!);
    expect(await t.store.read.openUploads.countOpen(other.id, since)).toBe(10);

    for (const location of locations) expect((await tus.cancel(location)).status).toBe(204);
    expect(await t.store.read.openUploads.countOpen(other.id, since)).toBe(0);
    nothingLeft();
  });

  it('lets only the uploader resume or cancel an upload, and cancelling removes it', async () => {
    const tus = tusClient(base, reporter.bearer);
    const created = await tus.create(1_000, { title: 'Mine' });
    const location = created.headers.get('location')!;
    expect((await tus.send(location, 0, Buffer.alloc(100, 1))).status).toBe(204);

    const stranger = tusClient(base, other.bearer);
    expect((await stranger.offsetOf(location)).status).toBe(404);
    expect((await stranger.send(location, 100, Buffer.alloc(100, 2))).status).toBe(404);
    expect((await stranger.cancel(location)).status).toBe(404);
    expect((await tus.offsetOf(location)).offset).toBe(100);

    expect((await tus.cancel(location)).status).toBe(204);
    expect((await tus.offsetOf(location)).status).toBe(404);
    nothingLeft();
  });

  it('refuses the signed out, moderators, and a session without its CSRF token', async () => {
    expect((await tusClient(base, {}).create(100, { title: 'x' })).status).toBe(401);
    expect((await tusClient(base, moderator.bearer).create(100, { title: 'x' })).status).toBe(403);
    const session = await signInAs(t, reporter.email);
    expect((await tusClient(base, { cookie: session.cookie }).create(100, { title: 'x' })).status).toBe(403);
    const withCsrf = await tusClient(base, session.headers).create(100, { title: 'x' });
    expect(withCsrf.status).toBe(201);
    await tusClient(base, session.headers).cancel(withCsrf.headers.get('location')!);
    nothingLeft();
  });
});

describe.each(STORE_KINDS)('resumable uploads over https on %s', (kind) => {
  it('send HSTS like every other answer of the app', async () => {
    const t = await startTestApp(kind, { demo: false, env: { PUBLIC_URL: 'https://news.example.org' } });
    try {
      await givenService(t.actions);
      const reporter = await givenUser(t.actions, 'reporter', [{ role: 'reporter', serviceCode: 'en' }]);
      const base = `${await listen(t.app)}${API}`;
      const tus = tusClient(base, reporter.bearer);
      const created = await tus.create(100, { title: 'Over https' });
      expect(created.status).toBe(201);
      expect(created.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
      const refused = await tus.create(100, {});
      expect(refused.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
      expect((await tus.cancel(created.headers.get('location')!)).status).toBe(204);
    } finally {
      await t.close();
    }
  });
});
