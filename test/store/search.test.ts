import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProfile } from '../../src/actions/profiles/create-profile.js';
import { updateProfile } from '../../src/actions/profiles/update-profile.js';
import { registerMedia } from '../../src/actions/media/register-media.js';
import { editMedia } from '../../src/actions/media/edit-media.js';
import { searchStories, type SearchParams } from '../../src/actions/reader/search-stories.js';
import { createSection } from '../../src/actions/services/create-service.js';
import { createStory } from '../../src/actions/stories/create-story.js';
import { publishStory } from '../../src/actions/stories/publish-story.js';
import { unpublishStory } from '../../src/actions/stories/unpublish-story.js';
import { listNewsroomStories } from '../../src/actions/stories/newsroom-stories.js';
import { migrateToLatest } from '../../src/store/open-store.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenPublishedStory, givenService, storyInput, SYSTEM } from '../support/factories.js';
import { openTestStore, type TestStore } from '../support/store.js';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe.each(STORE_KINDS)('full-text search on %s', (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
  });
  afterEach(async () => t.close());

  async function search(serviceCode: string, query: string, extra: Partial<SearchParams> = {}) {
    const result = await searchStories(t.deps, { serviceCode, query, page: 1, ...extra });
    return result.model.hits.map((hit) => hit.headline);
  }

  it('finds Russian words in any of their forms, and ё as е', async () => {
    await givenService(t.deps, 'ru');
    await givenPublishedStory(t.deps, { serviceCode: 'ru', headline: 'Президент Киргизии не намерен уходить', body: [paragraph('Оппозиция заявила о взятии власти.')] });
    await givenPublishedStory(t.deps, { serviceCode: 'ru', headline: 'Ёлка на площади', body: [paragraph('Праздник в Бишкеке.')] });
    await givenPublishedStory(t.deps, { serviceCode: 'ru', headline: 'Погода', body: [paragraph('Снег в горах.')] });
    expect(await search('ru', 'президента')).toEqual(['Президент Киргизии не намерен уходить']);
    expect(await search('ru', 'ПРЕЗИДЕНТОМ оппозиции')).toEqual(['Президент Киргизии не намерен уходить']);
    expect(await search('ru', 'елки')).toEqual(['Ёлка на площади']);
    expect(await search('ru', 'ёлку')).toEqual(['Ёлка на площади']);
  });

  it('finds English words by their stem', async () => {
    await givenService(t.deps, 'en');
    await givenPublishedStory(t.deps, { headline: 'Opposition Claims Power After Elections', body: [paragraph('Protesters were running through the square.')] });
    await givenPublishedStory(t.deps, { headline: 'Budget Vote', body: [paragraph('The parliament voted.')] });
    expect(await search('en', 'election')).toEqual(['Opposition Claims Power After Elections']);
    expect(await search('en', 'elected')).toEqual(['Opposition Claims Power After Elections']);
    expect(await search('en', 'protester run')).toEqual(['Opposition Claims Power After Elections']);
    expect(await search('en', 'votes')).toEqual(['Budget Vote']);
  });

  it('finds Persian text whatever the yeh, kaf, ZWNJ, diacritics, tatweel and digits', async () => {
    await givenService(t.deps, 'fa', 'rtl');
    // Written with Persian yeh and kaf, a ZWNJ in "می‌خواهد", Persian digits.
    await givenPublishedStory(t.deps, { serviceCode: 'fa', headline: 'رئیس‌جمهور قرقیزستان کناره‌گیری نمی‌کند', body: [paragraph('مخالفان می‌خواهند قدرت را در ۱۳۸۹ به دست بگیرند.')] });
    await givenPublishedStory(t.deps, { serviceCode: 'fa', headline: 'هوای تهران', body: [paragraph('برف در کوه‌ها.')] });
    const want = ['رئیس‌جمهور قرقیزستان کناره‌گیری نمی‌کند'];
    expect(await search('fa', 'قرقيزستان')).toEqual(want); // Arabic yeh
    expect(await search('fa', 'ميخواهند')).toEqual(want); // Arabic yeh, no ZWNJ
    expect(await search('fa', 'می‌خواهند')).toEqual(want); // with ZWNJ
    expect(await search('fa', 'نمیکند')).toEqual(want);
    expect(await search('fa', 'قــدرت')).toEqual(want); // tatweel
    expect(await search('fa', 'قُدرَت')).toEqual(want); // harakat
    expect(await search('fa', '1389')).toEqual(want); // ASCII digits find Persian ones
    expect(await search('fa', '١٣٨٩')).toEqual(want); // Arabic-Indic digits
    expect(await search('fa', 'كوه‌ها')).toEqual(['هوای تهران']); // Arabic kaf
  });

  it('finds Kyrgyz words with ң, ө and ү, in any case', async () => {
    await givenService(t.deps, 'ky');
    await givenPublishedStory(t.deps, { serviceCode: 'ky', headline: 'Жогорку Кеңеш жаңы өкмөттү бекитти', body: [paragraph('Бүгүн депутаттар үн беришти.')] });
    await givenPublishedStory(t.deps, { serviceCode: 'ky', headline: 'Аба ырайы', body: [paragraph('Тоолордо кар.')] });
    const want = ['Жогорку Кеңеш жаңы өкмөттү бекитти'];
    expect(await search('ky', 'кеңеш')).toEqual(want);
    expect(await search('ky', 'ӨКМӨТТҮ')).toEqual(want);
    expect(await search('ky', 'бүгүн үн')).toEqual(want);
    // Without the special letters it is another word.
    expect(await search('ky', 'кенеш')).toEqual([]);
  });

  it('matches "phrases" in order and leaves out -excluded words', async () => {
    await givenService(t.deps, 'en');
    await givenPublishedStory(t.deps, { headline: 'Deadly protests in Bishkek', body: [paragraph('The interim government took power.')] });
    await givenPublishedStory(t.deps, { headline: 'Government power struggle', body: [paragraph('The interim council met in Osh.')] });
    expect(await search('en', '"interim government"')).toEqual(['Deadly protests in Bishkek']);
    expect(await search('en', '"government interim"')).toEqual([]);
    expect(await search('en', 'interim -bishkek')).toEqual(['Government power struggle']);
    expect(await search('en', 'interim -"interim government"')).toEqual(['Government power struggle']);
    expect((await search('en', 'interim')).sort()).toEqual(['Deadly protests in Bishkek', 'Government power struggle']);
    // Exclusions alone never list the archive.
    expect(await search('en', '-bishkek')).toEqual([]);
  });

  it('searches tags, profile names and media captions, and follows their edits', async () => {
    const { tag } = await givenService(t.deps, 'en');
    const profile = await createProfile(t.deps, SYSTEM, { kind: 'person', name: 'Roza Otunbaeva' });
    const media = await registerMedia(t.deps, { kind: 'image', title: 'Square', caption: 'Crowds near the White House', credit: 'Reuters', durationMs: null, state: 'none', renditions: [] });
    await givenPublishedStory(t.deps, {
      headline: 'A Day After',
      tagIds: [tag.id],
      body: [
        { type: 'paragraph', content: [{ type: 'profile', text: 'she', profileId: profile.id }] },
        { type: 'media', mediaId: media.id },
      ],
    });
    expect(await search('en', 'politics')).toEqual(['A Day After']);
    expect(await search('en', 'otunbaeva')).toEqual(['A Day After']);
    expect(await search('en', 'crowds')).toEqual(['A Day After']);
    await updateProfile(t.deps, SYSTEM, profile.id, { name: 'Rosa Otunbayeva' });
    expect(await search('en', 'otunbaeva')).toEqual([]);
    expect(await search('en', 'otunbayeva')).toEqual(['A Day After']);
    await editMedia(t.deps, SYSTEM, media.id, { caption: 'Tanks on Ala-Too square' });
    expect(await search('en', 'crowds')).toEqual([]);
    expect(await search('en', 'tanks')).toEqual(['A Day After']);
  });

  it('ranks a headline match over a deck match over a body match, then newer first', async () => {
    await givenService(t.deps, 'en');
    await givenPublishedStory(t.deps, { headline: 'Bishkek archive', deck: 'Old', body: [paragraph('Old.')] });
    t.clock.advance(365 * 86_400_000);
    await givenPublishedStory(t.deps, { headline: 'Weather', deck: 'Snow', body: [paragraph('Bishkek is cold.')] }, 5);
    await givenPublishedStory(t.deps, { headline: 'News', deck: 'Bishkek today', body: [paragraph('Nothing else.')] }, 10);
    await givenPublishedStory(t.deps, { headline: 'Bishkek protests', deck: 'Crowds', body: [paragraph('People.')] }, 20);
    await givenPublishedStory(t.deps, { headline: 'Bishkek protests again', deck: 'Crowds', body: [paragraph('People.')] }, 60 * 24 * 2);
    // Recency weighs in too: the year-old headline match comes after this week's body match.
    expect(await search('en', 'bishkek')).toEqual(['Bishkek protests', 'Bishkek protests again', 'News', 'Weather', 'Bishkek archive']);
  });

  it('shows a snippet around the match with the matching words marked', async () => {
    await givenService(t.deps, 'ru');
    const filler = 'Слово. '.repeat(60);
    await givenPublishedStory(t.deps, { serviceCode: 'ru', headline: 'Новости', body: [paragraph(`${filler}Депутаты встретились с президентом <b>в Бишкеке</b>. ${filler}`)] });
    const [hit] = (await searchStories(t.deps, { serviceCode: 'ru', query: 'президент', page: 1 })).model.hits;
    expect(hit?.snippet.filter((part) => part.marked).map((part) => part.text)).toEqual(['президентом']);
    const text = hit?.snippet.map((part) => part.text).join('') ?? '';
    expect(text).toContain('<b>в Бишкеке</b>');
    expect(text.startsWith('… ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(text.length).toBeLessThan(300);
  });

  it('finds only published stories whose time has come: no drafts, embargoed, filed or withdrawn', async () => {
    await givenService(t.deps, 'en');
    await createStory(t.deps, SYSTEM, storyInput({ headline: 'Draft election story' }));
    const embargoed = await createStory(t.deps, SYSTEM, storyInput({ headline: 'Embargoed election story' }));
    await publishStory(t.deps, SYSTEM, embargoed, { at: new Date(t.clock.now().getTime() + 3_600_000) });
    const withdrawn = await givenPublishedStory(t.deps, { headline: 'Withdrawn election story' });
    await unpublishStory(t.deps, SYSTEM, withdrawn);
    await givenPublishedStory(t.deps, { headline: 'Published election story' });
    expect(await search('en', 'election')).toEqual(['Published election story']);
    // The newsroom sees every one of them in its list.
    const newsroom = await listNewsroomStories(t.deps, SYSTEM, { q: 'elections' });
    expect(newsroom.items.map((s) => s.headline).sort()).toEqual([
      'Draft election story',
      'Embargoed election story',
      'Published election story',
      'Withdrawn election story',
    ]);
    // A headline typed halfway (the editor's pickers search as you type) finds it too.
    expect((await listNewsroomStories(t.deps, SYSTEM, { q: 'embarg' })).items.map((s) => s.headline)).toEqual(['Embargoed election story']);
    expect((await listNewsroomStories(t.deps, SYSTEM, { q: '%' })).items).toEqual([]);
  });

  it('filters by section and by date range, and pages by twenty', async () => {
    const { section } = await givenService(t.deps, 'en');
    const other = await createSection(t.deps, SYSTEM, { serviceCode: 'en', slug: 'sport', name: 'Sport' });
    await givenPublishedStory(t.deps, { headline: 'Election news', sectionId: section.id }, 60 * 24 * 3);
    await givenPublishedStory(t.deps, { headline: 'Election sport', sectionId: other.id }, 10);
    expect(await search('en', 'election', { section: 'sport' })).toEqual(['Election sport']);
    // The clock is 2026-11-29 12:00 UTC: three days ago is the 26th.
    expect(await search('en', 'election', { from: '2026-11-26', to: '2026-11-26' })).toEqual(['Election news']);
    expect(await search('en', 'election', { from: '2026-11-27' })).toEqual(['Election sport']);
    await expect(searchStories(t.deps, { serviceCode: 'en', query: 'x', page: 1, from: '2026-02-30' })).rejects.toMatchObject({ code: 'DATE_INVALID' });
    await expect(searchStories(t.deps, { serviceCode: 'en', query: 'x', page: 1, section: 'nowhere' })).rejects.toMatchObject({ code: 'SECTION_INVALID' });

    for (let i = 0; i < 21; i++) await givenPublishedStory(t.deps, { headline: `Budget ${i}` }, i + 1);
    const first = await searchStories(t.deps, { serviceCode: 'en', query: 'budget', page: 1 });
    const second = await searchStories(t.deps, { serviceCode: 'en', query: 'budget', page: 2 });
    expect(first.model.hits).toHaveLength(20);
    expect(first.model.hasNext).toBe(true);
    expect(second.model.hits.map((h) => h.headline)).toEqual(['Budget 20']);
    expect(second.model.hasNext).toBe(false);
  });

  it('treats query syntax and SQL as text: nothing errors, nothing matches everything', async () => {
    await givenService(t.deps, 'en');
    await givenPublishedStory(t.deps, { headline: 'Prices up 100% in a year', body: [paragraph("O'Brien's shop (the one on Main St.) closed.")] });
    await givenPublishedStory(t.deps, { headline: 'Quiet day' });
    const tricky = [
      '', '   ', '"', '""', '-', '--', '- -', '*', '%', '_', '\\', "'", "' or 1=1 --", "'); drop table stories; --",
      'a OR b', 'NEAR(a b)', 'headline:quiet', '^quiet', 'quiet*', '!!quiet', 'quiet | day', 'quiet & !day', '(quiet',
      'quiet:*', '<script>', '"unclosed phrase', 'NOT quiet', 'AND', '\u0000', '\u200c', 'x'.repeat(200),
      `${'ab '.repeat(66)}ab`,
    ];
    for (const query of tricky) {
      const hits = await search('en', query);
      expect(hits.length, query).toBeLessThan(2);
    }
    expect(await search('en', '100%')).toEqual(['Prices up 100% in a year']);
    expect(await search('en', "o'brien")).toEqual(['Prices up 100% in a year']);
    expect(await search('en', 'quiet*')).toEqual(['Quiet day']);
    await expect(searchStories(t.deps, { serviceCode: 'en', query: 'x'.repeat(201), page: 1 })).rejects.toMatchObject({ code: 'QUERY_TOO_LONG' });
  });
});

describe.each(STORE_KINDS)('the search index on %s', (kind) => {
  it('indexes stories saved before it existed when the store opens', async () => {
    const t = await openTestStore(kind);
    try {
      await givenService(t.deps, 'en');
      await givenPublishedStory(t.deps, { headline: 'Elections in Kyrgyzstan' });
      await sql`delete from story_search`.execute(t.db);
      expect((await searchStories(t.deps, { serviceCode: 'en', query: 'election', page: 1 })).model.hits).toEqual([]);
      await migrateToLatest(t.db, kind, t.schema ? { schema: t.schema } : {});
      const hits = (await searchStories(t.deps, { serviceCode: 'en', query: 'election', page: 1 })).model.hits;
      expect(hits.map((hit) => hit.headline)).toEqual(['Elections in Kyrgyzstan']);
    } finally {
      await t.close();
    }
  });
});

describe.each(STORE_KINDS)('search scope on %s', (kind) => {
  it('finds a service\'s own stories only, and never matches the service it files them under', async () => {
    const t = await openTestStore(kind);
    try {
      await givenService(t.deps, 'ru');
      await givenService(t.deps, 'ky');
      await givenPublishedStory(t.deps, { serviceCode: 'ru', headline: 'Бишкек сегодня' });
      await givenPublishedStory(t.deps, { serviceCode: 'ky', headline: 'Бишкек бүгүн' });
      const hits = async (serviceCode: string, query: string) =>
        (await searchStories(t.deps, { serviceCode, query, page: 1 })).model.hits.map((hit) => hit.headline);
      expect(await hits('ky', 'бишкек')).toEqual(['Бишкек бүгүн']);
      expect(await hits('ru', 'бишкек')).toEqual(['Бишкек сегодня']);
      // How the SQLite index names the service ("s" and the code in hex) is not a word of it.
      expect(await hits('ky', `s${Buffer.from('ky').toString('hex')}`)).toEqual([]);
      expect(await hits('ky', 'service')).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
