import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markMediaFailed } from '../../src/actions/media/mark-media-failed.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenService } from '../support/factories.js';
import { filesUnder, givenMediaItem, makeIndirectionAttacks, makeTone, wasRead } from '../support/media.js';
import { API, givenUser, signInAs } from '../support/newsroom.js';
import { tusClient } from '../support/tus.js';

const VTT = 'WEBVTT\n\n00:00.000 --> 00:02.000\nWe will not back down.\n';

describe.each(STORE_KINDS)('the media library in the newsroom on %s', (kind) => {
  let t: TestApp;
  let base: string;
  let session: Awaited<ReturnType<typeof signInAs>>;
  let moderator: Awaited<ReturnType<typeof signInAs>>;
  let files: string;
  let video: Awaited<ReturnType<typeof givenMediaItem>>;
  let reporter: Awaited<ReturnType<typeof givenUser>>;
  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions);
    reporter = await givenUser(t.actions, 'reporter', [{ role: 'reporter', serviceCode: 'en' }], { withPassword: true });
    await givenUser(t.actions, 'moderator', [{ role: 'moderator', serviceCode: 'en' }], { withPassword: true });
    session = await signInAs(t, 'reporter@example.org');
    moderator = await signInAs(t, 'moderator@example.org');
    base = await listen(t.app);
    files = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-newsroom-media-'));
    video = await givenMediaItem(t.actions, { title: 'Бишкек после протестов', caption: 'WATCH: the square' });
    await givenMediaItem(t.actions, { kind: 'image', title: 'Portrait of Roza Otunbaeva' });
  });
  afterAll(async () => {
    fs.rmSync(files, { recursive: true, force: true });
    await t.close();
  });

  const get = (url: string, who = session) => t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const postForm = (url: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
  const postMultipart = (url: string, form: FormData) =>
    fetch(base + url, { method: 'POST', headers: { cookie: session.cookie }, body: form, redirect: 'manual' });

  it('lists, searches in any script and filters by kind, with the upload form and its limits', async () => {
    const page = await get('/newsroom/media');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<a href="/newsroom/media">Media</a>');
    expect(page.body).toContain('<progress id="upload-progress-bar" max="100" value="0"');
    expect(page.body).toMatch(/<script src="\/assets\/upload\.[\w-]+\.js" defer><\/script>/);
    expect(page.body).toContain('Video up to 4,096 MB, audio up to 500 MB, images up to 50 MB.');
    expect(page.body).toContain('Бишкек после протестов');
    expect(page.body).toContain('Portrait of Roza Otunbaeva');
    const searched = await get(`/newsroom/media?q=${encodeURIComponent('БИШКЕК')}`);
    expect(searched.body).toContain('Бишкек после протестов');
    expect(searched.body).not.toContain('Portrait of Roza Otunbaeva');
    const images = await get('/newsroom/media?kind=image');
    expect(images.body).not.toContain('Бишкек после протестов');
    expect(images.body).toContain('Portrait of Roza Otunbaeva');
  });

  it('refuses moderators, and the signed out without writing their file anywhere', async () => {
    expect((await get('/newsroom/media', moderator)).statusCode).toBe(403);
    const form = new FormData();
    form.set('title', 'Anonymous');
    form.set('file', new Blob([Buffer.alloc(100_000, 1)]), 'junk.bin');
    const anonymous = await fetch(`${base}/newsroom/media`, { method: 'POST', body: form, redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/newsroom/sign-in');
    expect(filesUnder(t.uploadsDir)).toEqual([]);
    expect((await get(`/newsroom/media/${video.id}`, moderator)).statusCode).toBe(403);
    const before = await t.store.read.media.findById(video.id);
    const edit = await t.app.inject({
      method: 'POST',
      url: `/newsroom/media/${video.id}`,
      headers: { cookie: moderator.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: moderator.csrfToken, title: 'Moderated' }).toString(),
    });
    expect(edit.statusCode).toBe(403);
    expect(await t.store.read.media.findById(video.id)).toEqual(before);
  });

  it("shows an item's state, preview and renditions, and a failed item's reason", async () => {
    const page = await get(`/newsroom/media/${video.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Status: Ready');
    expect(page.body).toContain('<video');
    expect(page.body).toContain('MP4 720p');
    const waiting = await givenMediaItem(t.actions, { title: 'Still cooking', state: 'processing' });
    await markMediaFailed(t.actions, waiting.id, 'the file could not be converted: moov atom not found');
    const failed = await get(`/newsroom/media/${waiting.id}`);
    expect(failed.body).toContain('Status: Failed');
    expect(failed.body).toContain('Reason: the file could not be converted: moov atom not found');
    expect(failed.body).toContain('No media source currently available');
    expect((await get('/newsroom/media/999999')).statusCode).toBe(404);
  });

  it('edits the details with a plain form; bad input is shown again and changes nothing', async () => {
    const saved = await postForm(`/newsroom/media/${video.id}`, { _csrf: session.csrfToken, title: 'Bishkek, the day after', caption: '', credit: 'RFE/RL', alt: '' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/newsroom/media/${video.id}?done=saved`);
    expect((await get(String(saved.headers.location))).body).toMatch(/role="status"[^>]*>Saved\.<\/p>/);
    expect(await t.store.read.media.findById(video.id)).toMatchObject({ title: 'Bishkek, the day after', caption: null, credit: 'RFE/RL' });

    const before = await t.store.read.media.findById(video.id);
    const tooLong = await postForm(`/newsroom/media/${video.id}`, { _csrf: session.csrfToken, title: 'x'.repeat(301), credit: 'AP' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('role="alert"');
    expect(tooLong.body).toContain('title must be at most 300 characters');
    const noToken = await postForm(`/newsroom/media/${video.id}`, { title: 'Hijacked' });
    expect(noToken.statusCode).toBe(403);
    expect(await t.store.read.media.findById(video.id)).toEqual(before);
  });

  it('takes captions from a file form, and refuses a bad file with the reason', async () => {
    const good = new FormData();
    good.set('_csrf', session.csrfToken);
    good.set('language', 'ky');
    good.set('label', 'Кыргызча');
    good.set('file', new Blob([VTT], { type: 'text/vtt' }), 'ky.vtt');
    const response = await postMultipart(`/newsroom/media/${video.id}/captions`, good);
    expect(response.status).toBe(303);
    expect((await t.store.read.media.findById(video.id))?.captions).toMatchObject([{ language: 'ky', label: 'Кыргызча' }]);

    const before = await t.store.read.media.findById(video.id);
    const bad = new FormData();
    bad.set('_csrf', session.csrfToken);
    bad.set('language', 'ru');
    bad.set('label', 'Русский');
    bad.set('file', new Blob(['1\n00:00:00,000 --> 00:00:01,000\nSRT, not WebVTT\n']), 'ru.srt');
    const refused = await postMultipart(`/newsroom/media/${video.id}/captions`, bad);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('a WebVTT file starts with the line WEBVTT');
    expect(await t.store.read.media.findById(video.id)).toEqual(before);
    expect(filesUnder(t.uploadsDir)).toEqual([]);
  });

  it('never takes in a server file named by a text field, answers the same whether it exists or not, and refuses url-encoded file forms', async () => {
    // A real recording and real captions on the server's disk: what a hostile reporter would aim at.
    const tape = makeTone(path.join(files, 'server-tape.wav'), 1);
    const vtt = path.join(files, 'server-captions.vtt');
    fs.writeFileSync(vtt, VTT);
    const missing = path.join(files, 'no-such-file.wav');
    const mediaBefore = (await t.store.read.media.search({ limit: 1, offset: 0 })).total;
    const videoBefore = await t.store.read.media.findById(video.id);

    const textFieldForm = (url: string, file: string) => {
      const form = new FormData();
      form.set('_csrf', session.csrfToken);
      form.set('title', 'Taken from the server');
      form.set('language', 'de');
      form.set('label', 'Deutsch');
      form.set('file', file);
      return postMultipart(url, form);
    };
    for (const url of ['/newsroom/media', `/newsroom/media/${video.id}/captions`]) {
      const target = url === '/newsroom/media' ? tape : vtt;
      const existing = await textFieldForm(url, target);
      const absent = await textFieldForm(url, missing);
      expect(existing.status).toBe(400);
      expect(absent.status).toBe(existing.status);
      const [existingBody, absentBody] = [await existing.text(), await absent.text()];
      expect(existingBody).toContain(url === '/newsroom/media' ? 'choose a file to upload' : 'choose a WebVTT file');
      // No oracle: the answer says nothing about the path.
      expect(absentBody).toBe(existingBody);

      const urlEncoded = await postForm(url, { _csrf: session.csrfToken, title: 'Taken from the server', language: 'de', label: 'Deutsch', file: target });
      expect(urlEncoded.statusCode).toBe(400);
      expect(urlEncoded.body).toContain('multipart/form-data');
      const urlEncodedMissing = await postForm(url, { _csrf: session.csrfToken, title: 'Taken from the server', language: 'de', label: 'Deutsch', file: missing });
      expect(urlEncodedMissing.statusCode).toBe(400);
      expect(urlEncodedMissing.body).toBe(urlEncoded.body);
    }
    expect((await t.store.read.media.search({ limit: 1, offset: 0 })).total).toBe(mediaBefore);
    expect(await t.store.read.media.findById(video.id)).toEqual(videoBefore);
    expect(filesUnder(path.join(path.dirname(t.mediaDir), 'originals'))).toEqual([]);
    expect(fs.existsSync(tape) && fs.existsSync(vtt)).toBe(true);
  });

  it('refuses playlists and lists of files sent with the form as not a supported format, without reading the files they name', async () => {
    const { secret, attacks } = makeIndirectionAttacks(files);
    const originals = path.join(path.dirname(t.mediaDir), 'originals');
    const stored = filesUnder(t.mediaDir);
    for (const attack of attacks) {
      const before = (await t.store.read.media.search({ limit: 1, offset: 0 })).total;
      const form = new FormData();
      form.set('_csrf', session.csrfToken);
      form.set('title', attack.name);
      form.set('file', new Blob([fs.readFileSync(attack.file)]), 'clip.mp4');
      const response = await postMultipart('/newsroom/media', form);
      expect(response.status, attack.name).toBe(400);
      const body = await response.text();
      expect(body).toContain('not a supported format');
      expect(body).not.toMatch(/7[.,]3|7300|176x144/);
      expect((await t.store.read.media.search({ limit: 1, offset: 0 })).total).toBe(before);
      expect(filesUnder(originals)).toEqual([]);
      expect(filesUnder(t.mediaDir)).toEqual(stored);
      expect(filesUnder(t.uploadsDir)).toEqual([]);
      expect(wasRead(secret), attack.name).toBe(false);
    }
  });

  it('takes an upload without script as one form post, and keeps no file of it', async () => {
    const form = new FormData();
    form.set('_csrf', session.csrfToken);
    form.set('title', 'Interview, raw tape');
    form.set('file', new Blob([fs.readFileSync(makeTone(path.join(files, 'tape.wav'), 1))]), 'tape.wav');
    const response = await postMultipart('/newsroom/media', form);
    expect(response.status).toBe(303);
    const id = Number(/\/newsroom\/media\/(\d+)\?done=uploaded$/.exec(response.headers.get('location') ?? '')?.[1]);
    expect(await t.store.read.media.findById(id)).toMatchObject({ kind: 'audio', title: 'Interview, raw tape', state: 'processing' });
    expect(filesUnder(t.uploadsDir)).toEqual([]);

    const junk = new FormData();
    junk.set('_csrf', session.csrfToken);
    junk.set('title', 'Junk');
    junk.set('file', new Blob(['not media at all '.repeat(100)]), 'junk.mp4');
    const before = (await t.store.read.media.search({ limit: 1, offset: 0 })).total;
    const refused = await postMultipart('/newsroom/media', junk);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('not a video, audio or image file');
    expect((await t.store.read.media.search({ limit: 1, offset: 0 })).total).toBe(before);
    expect(filesUnder(t.uploadsDir)).toEqual([]);
  });

  it('counts a form upload against the open uploads of its sender while it streams in, and refuses one over the limit', async () => {
    const since = new Date(t.clock.now().getTime() - 24 * 60 * 60_000);
    const openNow = () => t.store.read.openUploads.countOpen(reporter.id, since);
    const tus = tusClient(`${base}${API}`, reporter.bearer);
    const locations: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const created = await tus.create(1_000, { title: `Resumable ${i}` });
      expect(created.status).toBe(201);
      locations.push(created.headers.get('location')!);
    }
    const tape = fs.readFileSync(makeTone(path.join(files, 'quota.wav'), 1));
    const mediaBefore = (await t.store.read.media.search({ limit: 1, offset: 0 })).total;
    const form = new FormData();
    form.set('_csrf', session.csrfToken);
    form.set('title', 'One too many');
    form.set('file', new Blob([tape]), 'quota.wav');
    const refused = await postMultipart('/newsroom/media', form);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('finish or cancel one');
    expect((await t.store.read.media.search({ limit: 1, offset: 0 })).total).toBe(mediaBefore);
    expect(await openNow()).toBe(10);

    // One cancelled: a form upload takes its place while it streams in, and gives it back when done.
    expect((await tus.cancel(locations.pop()!)).status).toBe(204);
    expect(await openNow()).toBe(9);
    const boundary = 'dateline-quota-boundary';
    const head = Buffer.from(
      [`--${boundary}`, 'Content-Disposition: form-data; name="_csrf"', '', session.csrfToken,
        `--${boundary}`, 'Content-Disposition: form-data; name="title"', '', 'Streaming in',
        `--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="quota.wav"', 'Content-Type: audio/wav', '', ''].join('\r\n'),
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const half = Math.floor(tape.length / 2);
    const url = new URL('/newsroom/media', base);
    const request = http.request(url, {
      method: 'POST',
      headers: {
        cookie: session.cookie,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + tape.length + tail.length),
      },
    });
    const answered = new Promise<number>((resolve, reject) => {
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
    });
    request.write(Buffer.concat([head, tape.subarray(0, half)]));
    const deadline = Date.now() + 5_000;
    while ((await openNow()) < 10 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await openNow()).toBe(10);
    expect((await tus.create(1_000, { title: 'While a form streams' })).status).toBe(429);
    request.end(Buffer.concat([tape.subarray(half), tail]));
    expect(await answered).toBe(303);
    expect(await openNow()).toBe(9);

    for (const location of locations) expect((await tus.cancel(location)).status).toBe(204);
    expect(await openNow()).toBe(0);
    expect(filesUnder(t.uploadsDir)).toEqual([]);
  });
});
