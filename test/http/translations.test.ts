import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../../src/actions/stories/create-story.js';
import { storyPath } from '../../src/domain/story/story-path.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { CONTENT_API, contentApiKey } from '../support/content-api.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenPublishedStory, givenService, storyInput, SYSTEM } from '../support/factories.js';
import { strictXml } from '../support/feeds.js';
import { API, givenUser, signInAs } from '../support/newsroom.js';

const ORIGIN = 'http://localhost:3000';
type Link = { '@rel': string; '@hreflang': string; '@href': string };

/** hreflang alternates in a page's head, as hreflang -> href. */
const alternatesOf = (html: string) =>
  Object.fromEntries([...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]]));
/** The switcher's links: [lang, text, href]. */
const switcherOf = (html: string) =>
  [...(/<nav class="language-switcher"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '').matchAll(/<a href="([^"]+)" hreflang="[^"]+" lang="([^"]+)" dir="([^"]+)">([^<]+)<\/a>/g)].map((m) => [
    m[2],
    m[4],
    m[1],
  ]);

describe.each(STORE_KINDS)('stories linked across services on %s', (kind) => {
  let t: TestApp;
  let editor: Awaited<ReturnType<typeof givenUser>>;
  let key: string;
  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    for (const [code, dir] of [['en', 'ltr'], ['ru', 'ltr'], ['ky', 'ltr'], ['fa', 'rtl']] as const) await givenService(t.actions, code, dir);
    editor = await givenUser(t.actions, 'desk', ['en', 'ru', 'ky', 'fa'].map((serviceCode) => ({ role: 'editor' as const, serviceCode })), { withPassword: true });
    key = await contentApiKey(t);
  });
  afterAll(async () => t.close());

  const published = async (serviceCode: string, headline: string) => givenPublishedStory(t.actions, { serviceCode, headline });
  const link = (id: number, storyIds: number[], headers: Record<string, string> = editor.bearer) =>
    t.app.inject({ method: 'PUT', url: `${API}/stories/${id}/translations`, headers, payload: { storyIds } });
  const page = async (id: number) => {
    const story = await t.store.read.stories.findById(id);
    const response = await t.app.inject({ method: 'GET', url: storyPath(story!) });
    expect(response.statusCode).toBe(200);
    return response.body;
  };
  const pathOf = async (id: number) => storyPath((await t.store.read.stories.findById(id))!);
  const groupOf = async (id: number) => (await t.store.read.translations.groupOf(id)).map((m) => m.storyId);

  it('links a story to its versions: each page has a switcher named in the other languages and reciprocal hreflang with x-default', async () => {
    const en = await published('en', 'Budget Passes');
    const ru = await published('ru', 'Бюджет принят');
    const fa = await published('fa', 'بودجه تصویب شد');
    const response = await link(en, [ru, fa]);
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((i: { id: number }) => i.id)).toEqual([ru, fa]);

    const paths = { en: await pathOf(en), ru: await pathOf(ru), fa: await pathOf(fa) };
    for (const [id, code] of [[en, 'en'], [ru, 'ru'], [fa, 'fa']] as const) {
      const html = await page(id);
      expect(alternatesOf(html), code).toEqual({
        en: `${ORIGIN}${paths.en}`,
        ru: `${ORIGIN}${paths.ru}`,
        fa: `${ORIGIN}${paths.fa}`,
        'x-default': `${ORIGIN}${paths.en}`,
      });
      const switcher = switcherOf(html);
      const expected = [['en', 'English', paths.en], ['ru', 'Русский', paths.ru], ['fa', 'فارسی', paths.fa]].filter(([lang]) => lang !== code);
      expect(switcher, code).toEqual(expected);
    }
    expect((await t.app.inject({ method: 'GET', url: `${API}/stories/${ru}/translations`, headers: editor.bearer })).json().items.map((i: { id: number }) => i.id)).toEqual([en, fa]);
  });

  it('links only published versions for readers, and a version published later appears on the cached pages', async () => {
    const en = await published('en', 'Election Called');
    const draft = await createStory(t.actions, SYSTEM, storyInput({ serviceCode: 'ky', headline: 'Шайлоо дайындалды' }));
    expect((await link(en, [draft])).statusCode).toBe(200);
    expect(switcherOf(await page(en))).toEqual([]);
    expect(alternatesOf(await page(en))).toEqual({});
    const publish = await t.app.inject({ method: 'POST', url: `${API}/stories/${draft}/publish`, headers: editor.bearer, payload: {} });
    expect(publish.statusCode).toBe(200);
    expect(switcherOf(await page(en))).toEqual([['ky', 'Кыргызча', await pathOf(draft)]]);
  });

  it('carries the links in the Content API and in the sitemaps', async () => {
    const en = await published('en', 'Floods In The South');
    const ru = await published('ru', 'Наводнения на юге');
    const alone = await published('ru', 'Один материал');
    await link(ru, [en]);
    const story = (await t.app.inject({ method: 'GET', url: `${CONTENT_API}/stories/${en}`, headers: { authorization: `Bearer ${key}` } })).json();
    expect(story.translations).toEqual([{ id: ru, service: 'ru', locale: 'ru', url: `${ORIGIN}${await pathOf(ru)}`, headline: 'Наводнения на юге' }]);

    const sitemap = strictXml((await t.app.inject({ method: 'GET', url: '/ru/sitemap-1.xml' })).body) as { urlset: { url: { loc: string; 'xhtml:link'?: Link[] }[] } };
    const ruPath = await pathOf(ru);
    const entry = sitemap.urlset.url.find((u) => u.loc === `${ORIGIN}${ruPath}`);
    expect(entry?.['xhtml:link']?.map((l) => [l['@hreflang'], l['@href']])).toEqual([
      ['ru', `${ORIGIN}${await pathOf(ru)}`],
      ['en', `${ORIGIN}${await pathOf(en)}`],
      ['x-default', `${ORIGIN}${await pathOf(en)}`],
    ]);
    const alonePath = await pathOf(alone);
    const unlinked = sitemap.urlset.url.find((u) => u.loc === `${ORIGIN}${alonePath}`);
    expect(unlinked).toBeDefined();
    expect(unlinked?.['xhtml:link']).toBeUndefined();
  });

  it('refuses an unknown story, one of the same service, two of one service, with a clear 4xx, and changes nothing', async () => {
    const en = await published('en', 'Talks Resume');
    const ru = await published('ru', 'Переговоры возобновились');
    const ru2 = await published('ru', 'Переговоры снова');
    const en2 = await published('en', 'Talks Again');
    const ky = await published('ky', 'Сүйлөшүүлөр');
    await link(en, [ru]);
    const before = { en: await groupOf(en), ky: await groupOf(ky), en2: await groupOf(en2) };

    const cases: [number, number[], number, string, string][] = [
      [en, [ru, 999_999], 404, 'STORY_NOT_FOUND', 'storyIds[1]'],
      [en, [en2], 400, 'TRANSLATION_SAME_SERVICE', 'storyIds[0]'],
      [en, [en], 400, 'TRANSLATION_SAME_SERVICE', 'storyIds[0]'],
      [en, [ru, ru2], 400, 'TRANSLATION_SERVICE_TWICE', 'storyIds[1]'],
      [ky, [en, ru2, ru], 400, 'TRANSLATION_SERVICE_TWICE', 'storyIds[2]'],
    ];
    for (const [id, ids, status, code, field] of cases) {
      const refused = await link(id, ids);
      expect(refused.statusCode, JSON.stringify(ids)).toBe(status);
      expect(refused.json().error, JSON.stringify(ids)).toMatchObject({ code, field });
    }
    expect((await link(999_998, [ru])).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PUT', url: `${API}/stories/${en}/translations`, headers: editor.bearer, payload: { storyIds: ['x'] } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'PUT', url: `${API}/stories/${en}/translations`, headers: editor.bearer, payload: { storyIds: [ru], also: 1 } })).statusCode).toBe(400);
    expect({ en: await groupOf(en), ky: await groupOf(ky), en2: await groupOf(en2) }).toEqual(before);
    expect(before.en).toEqual([en, ru]);
  });

  it('refuses a reporter of another service and a moderator; their attempt changes nothing', async () => {
    const en = await published('en', 'Markets Fall');
    const ru = await published('ru', 'Рынки упали');
    const reporter = await givenUser(t.actions, 'ru-reporter', [{ role: 'reporter', serviceCode: 'ru' }]);
    const refused = await link(en, [ru], reporter.bearer);
    expect(refused.statusCode).toBe(403);
    const moderator = await givenUser(t.actions, 'en-ru-moderator', [
      { role: 'moderator', serviceCode: 'en' },
      { role: 'moderator', serviceCode: 'ru' },
    ]);
    expect((await link(en, [ru], moderator.bearer)).statusCode).toBe(403);
    expect(await groupOf(en)).toEqual([]);
  });

  it('moves a version from its old group, unlinks with [] and dissolves a group left with one story', async () => {
    const en = await published('en', 'Drought Deepens');
    const ru = await published('ru', 'Засуха усиливается');
    const fa = await published('fa', 'خشکسالی شدت گرفت');
    const ky = await published('ky', 'Кургакчылык күчөдү');
    await link(en, [ru]);
    await link(fa, [ky]);
    await link(fa, [ky, ru]);
    expect(await groupOf(fa)).toEqual([ru, fa, ky]);
    expect(await groupOf(en)).toEqual([]);
    expect(switcherOf(await page(en))).toEqual([]);
    expect((await link(ru, [])).statusCode).toBe(200);
    expect(await groupOf(fa)).toEqual([fa, ky]);
    expect(await groupOf(ru)).toEqual([]);
  });

  it('a published version moved to another service leaves its group when the move goes live, not before', async () => {
    const en = await published('en', 'Harvest Fails');
    const ru = await published('ru', 'Урожай погиб');
    const fa = await published('fa', 'برداشت از دست رفت');
    await link(en, [ru, fa]);
    const story = (await t.app.inject({ method: 'GET', url: `${API}/stories/${ru}`, headers: editor.bearer })).json<{ version: number }>();
    // Its desk moves the Russian story to the Kyrgyz service: a pending version until Update.
    const saved = await t.app.inject({
      method: 'PUT',
      url: `${API}/stories/${ru}`,
      headers: editor.bearer,
      payload: { ...storyInput({ serviceCode: 'ky', headline: 'Түшүм жок болду' }), version: story.version },
    });
    expect(saved.statusCode).toBe(200);
    expect(await groupOf(en)).toEqual([en, ru, fa]);
    const updated = await t.app.inject({ method: 'POST', url: `${API}/stories/${ru}/update`, headers: editor.bearer, payload: {} });
    expect(updated.statusCode).toBe(200);
    expect(await groupOf(en)).toEqual([en, fa]);
    expect(await groupOf(ru)).toEqual([]);
    expect(switcherOf(await page(en)).map(([lang]) => lang)).toEqual(['fa']);
  });

  it('links and unlinks from the newsroom story page, and refuses a bad number with the reason in the form', async () => {
    const en = await published('en', 'Bridge Opens');
    const ru = await published('ru', 'Мост открыт');
    const session = await signInAs(t, editor.email);
    const form = (url: string, body: string) =>
      t.app.inject({ method: 'POST', url, headers: { ...session.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(session.csrfToken)}&${body}` });
    const tools = await t.app.inject({ method: 'GET', url: `/newsroom/stories/${en}`, headers: { cookie: session.cookie } });
    expect(tools.body).toContain(`href="/newsroom/stories/${en}/translations"`);

    expect((await form(`/newsroom/stories/${en}/translations`, `storyId=${ru}`)).statusCode).toBe(303);
    expect(await groupOf(en)).toEqual([en, ru]);
    const shown = await t.app.inject({ method: 'GET', url: `/newsroom/stories/${en}/translations`, headers: { cookie: session.cookie } });
    expect(shown.body).toContain('Мост открыт');

    for (const [typed, status] of [['abc', 400], [String(en), 400], ['999999', 404]] as const) {
      const refused = await form(`/newsroom/stories/${en}/translations`, `storyId=${typed}`);
      expect(refused.statusCode, typed).toBe(status);
      expect(refused.body, typed).toContain('role="alert"');
      expect(refused.body, typed).toContain(`value="${typed}"`);
    }
    expect(await groupOf(en)).toEqual([en, ru]);

    expect((await form(`/newsroom/stories/${en}/translations/unlink`, `storyId=${ru}`)).statusCode).toBe(303);
    expect(await groupOf(en)).toEqual([]);
  });
});
