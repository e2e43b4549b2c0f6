import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenService } from '../support/factories.js';
import { filesUnder, givenMediaItem } from '../support/media.js';
import { API, givenUser } from '../support/newsroom.js';

interface Summary {
  id: number;
  kind: string;
  status: string;
  title: string;
  caption: string | null;
  credit: string | null;
  alt: string | null;
  durationMs: number | null;
  posterUrl: string | null;
  createdAt: string;
}

describe.each(STORE_KINDS)('the media library in the Admin API on %s', (kind) => {
  let t: TestApp;
  let reporter: Awaited<ReturnType<typeof givenUser>>;
  let video: Awaited<ReturnType<typeof givenMediaItem>>;
  let image: Awaited<ReturnType<typeof givenMediaItem>>;
  let waiting: Awaited<ReturnType<typeof givenMediaItem>>;
  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions);
    reporter = await givenUser(t.actions, 'reporter', [{ role: 'reporter', serviceCode: 'en' }]);
    video = await givenMediaItem(t.actions, { title: 'Бишкек после протестов', caption: 'WATCH: the square at dawn' });
    image = await givenMediaItem(t.actions, { kind: 'image', title: 'Portrait of Roza Otunbaeva', credit: 'RFE/RL' });
    waiting = await givenMediaItem(t.actions, { title: 'Press conference 100% live', state: 'processing' });
  });
  afterAll(async () => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url: API + url, headers: reporter.bearer });
  const patch = (url: string, payload: unknown) =>
    t.app.inject({ method: 'PATCH', url: API + url, headers: reporter.bearer, payload: payload as Record<string, unknown> });
  const titles = async (url: string) => ((await get(url)).json() as { items: Summary[] }).items.map((item) => item.title);

  it('lists the newest first, with a poster (or the smallest image) for each', async () => {
    const response = await get('/media');
    expect(response.statusCode).toBe(200);
    const body = response.json() as { items: Summary[]; total: number };
    expect(body.total).toBe(3);
    expect(body.items.map((item) => item.id)).toEqual([waiting.id, image.id, video.id]);
    const [w, i, v] = body.items;
    expect(v).toMatchObject({ kind: 'video', status: 'ready', credit: 'Reuters', caption: 'WATCH: the square at dawn', durationMs: 84_000 });
    expect(v?.posterUrl).toMatch(/^\/media\/.+\/poster\.jpg$/);
    expect(i?.posterUrl).toMatch(/^\/media\/.+\/320\.jpg$/);
    expect(w).toMatchObject({ status: 'processing', posterUrl: null });
    expect(new Date(v!.createdAt).toISOString()).toBe(v!.createdAt);
  });

  it('searches title, caption and credit ignoring case in any script, and filters by kind and status', async () => {
    expect(await titles(`/media?q=${encodeURIComponent('БИШКЕК')}`)).toEqual(['Бишкек после протестов']);
    expect(await titles('/media?q=DAWN')).toEqual(['Бишкек после протестов']);
    expect(await titles('/media?q=rfe%2Frl')).toEqual(['Portrait of Roza Otunbaeva']);
    expect(await titles(`/media?q=${encodeURIComponent('100%')}`)).toEqual(['Press conference 100% live']);
    expect(await titles(`/media?q=${encodeURIComponent('%')}`)).toEqual(['Press conference 100% live']);
    expect(await titles('/media?kind=image')).toEqual(['Portrait of Roza Otunbaeva']);
    expect(await titles('/media?status=processing')).toEqual(['Press conference 100% live']);
    expect(await titles('/media?kind=audio')).toEqual([]);
  });

  it('pages with limit and offset', async () => {
    const page = (await get('/media?limit=2&offset=2')).json() as { items: Summary[]; total: number; limit: number; offset: number };
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 2 });
    expect(page.items.map((item) => item.id)).toEqual([video.id]);
  });

  it('shows one item with its renditions', async () => {
    const response = await get(`/media/${video.id}`);
    expect(response.statusCode).toBe(200);
    const body = response.json() as { renditions: { kind: string; url: string; mime: string; width: number; bytes: number }[]; captions: unknown[]; failureReason: null };
    expect(body.failureReason).toBeNull();
    expect(body.captions).toEqual([]);
    expect(body.renditions).toContainEqual(
      expect.objectContaining({ kind: 'mp4', mime: 'video/mp4', width: 1280, height: 720, bytes: 4_400_000, url: expect.stringMatching(/^\/media\/.+\/720p\.mp4$/) }),
    );
  });

  it('edits title, caption, credit and alt; fields left out keep their value', async () => {
    const response = await patch(`/media/${image.id}`, { title: '  Roza Otunbaeva  ', alt: 'A woman at a lectern', credit: null });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ title: 'Roza Otunbaeva', alt: 'A woman at a lectern', credit: null, caption: null });
    const stored = await t.store.read.media.findById(image.id);
    expect(stored).toMatchObject({ title: 'Roza Otunbaeva', altText: 'A woman at a lectern', credit: null });
  });

  const BAD: { name: string; run: () => ReturnType<typeof get>; status: number; code: string; field?: string }[] = [
    { name: 'an unknown id', run: () => patch('/media/999999', { title: 'x' }), status: 404, code: 'MEDIA_NOT_FOUND' },
    { name: 'an over-long title', run: () => patch(`/media/${video.id}`, { title: 'x'.repeat(301) }), status: 400, code: '*', field: 'title' },
    { name: 'an over-long caption', run: () => patch(`/media/${video.id}`, { caption: 'x'.repeat(2_001) }), status: 400, code: '*', field: 'caption' },
    { name: 'a blank title', run: () => patch(`/media/${video.id}`, { title: '   ' }), status: 400, code: 'FIELD_REQUIRED', field: 'title' },
    { name: 'an unknown field', run: () => patch(`/media/${video.id}`, { title: 'x', status: 'ready' }), status: 400, code: 'FIELD_UNKNOWN', field: 'status' },
    { name: 'a control character', run: () => patch(`/media/${video.id}`, { credit: 'Reu\u0000ters' }), status: 400, code: 'FIELD_INVALID', field: 'credit' },
  ];
  for (const bad of BAD) {
    it(`refuses ${bad.name} and changes nothing`, async () => {
      const before = await t.store.read.media.search({ limit: 100, offset: 0 });
      const response = await bad.run();
      expect(response.statusCode).toBe(bad.status);
      const { error } = response.json() as { error: { code: string; field: string | null } };
      if (bad.code !== '*') expect(error.code).toBe(bad.code);
      if (bad.field) expect(error.field).toBe(bad.field);
      expect(await t.store.read.media.search({ limit: 100, offset: 0 })).toEqual(before);
    });
  }

  it('answers 404 for an unknown id and 400 for bad filters', async () => {
    expect((await get('/media/999999')).statusCode).toBe(404);
    expect((await get('/media?kind=document')).statusCode).toBe(400);
    expect((await get('/media?limit=1000')).statusCode).toBe(400);
    expect((await get('/media?colour=red')).statusCode).toBe(400);
  });

  const VTT = 'WEBVTT\n\n00:00.000 --> 00:02.000\nWe will not back down.\n';
  const putCaptions = (id: number, language: string, payload: unknown) =>
    t.app.inject({ method: 'PUT', url: `${API}/media/${id}/captions/${language}`, headers: reporter.bearer, payload: payload as Record<string, unknown> });

  it('adds captions per language, serves them as text/vtt, and a new upload replaces the old file', async () => {
    const first = await putCaptions(video.id, 'en', { label: 'English', vtt: VTT });
    expect(first.statusCode).toBe(200);
    const [caption] = (first.json() as { captions: { language: string; label: string; url: string; bytes: number }[] }).captions;
    expect(caption).toMatchObject({ language: 'en', label: 'English', bytes: Buffer.byteLength(VTT) });
    const served = await t.app.inject({ method: 'GET', url: caption!.url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toMatch(/^text\/vtt/);
    expect(served.body).toBe(VTT);

    const second = await putCaptions(video.id, 'en', { label: 'English (corrected)', vtt: VTT.replace('not', 'never') });
    const captions = (second.json() as { captions: { url: string; label: string }[] }).captions;
    expect(captions).toHaveLength(1);
    expect(captions[0]?.label).toBe('English (corrected)');
    expect((await t.app.inject({ method: 'GET', url: captions[0]!.url })).body).toContain('never');
    expect((await t.app.inject({ method: 'GET', url: caption!.url })).statusCode).toBe(404);
  });

  it('refuses bad captions with the reason and changes nothing', async () => {
    const before = await t.store.read.media.findById(image.id);
    const files = filesUnder(t.mediaDir);
    for (const [language, payload, code] of [
      ['en', { label: 'English', vtt: 'not a caption file' }, 'CAPTIONS_INVALID'],
      ['en', { label: 'English', vtt: 'WEBVTT\n\n00:00.000 --> 00:01.000\n<script>alert(1)</script>\n' }, 'CAPTIONS_INVALID'],
      ['en', { label: 'English', vtt: VTT, kind: 'subtitles' }, 'FIELD_UNKNOWN'],
      ['not a language', { label: 'English', vtt: VTT }, 'CAPTIONS_LANGUAGE_INVALID'],
    ] as const) {
      const response = await putCaptions(image.id, language, payload);
      expect(response.statusCode).toBe(400);
      expect((response.json() as { error: { code: string } }).error.code).toBe(code);
    }
    expect((await putCaptions(999_999, 'en', { label: 'English', vtt: VTT })).statusCode).toBe(404);
    expect(await t.store.read.media.findById(image.id)).toEqual(before);
    expect(filesUnder(t.mediaDir)).toEqual(files);
  });
});
