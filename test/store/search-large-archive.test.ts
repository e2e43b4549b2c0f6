import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchStories } from '../../src/actions/reader/search-stories.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenService } from '../support/factories.js';
import { openTestStore, type TestStore } from '../support/store.js';

const STORIES = 2_600;
const MINUTE = 60_000;
const SECTION_STORIES = 30;

/**
 * An archive larger than the window PostgreSQL tries a query on first (its 1,000 newest stories)
 * and than the number of newest matches ranked: every story says "budget" and "vote" (apart),
 * the oldest alone "zanzibar" and "vote budget", so rare words and rare phrases of common words
 * must be found outside the window, on both stores. The 30 oldest stories are in the "news"
 * section, so a section filter must find a common word's matches far from the newest.
 */
describe.each(STORE_KINDS)('search over an archive larger than the first window on %s', (kind) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(kind);
    const { section } = await givenService(t.deps, 'en');
    const now = t.clock.now().getTime();
    for (let start = 0; start < STORIES; start += 500) {
      const rows = Array.from({ length: Math.min(500, STORIES - start) }, (_, k) => {
        const i = start + k;
        const text = i === 0 ? 'zanzibar council: the vote budget passed' : `budget talks ${i} went on before the vote`;
        const at = now - (STORIES - i) * MINUTE;
        return {
          service_code: 'en',
          section_id: i < SECTION_STORIES ? section.id : null,
          slug: `story-${i}`,
          headline: `Story ${i}`,
          deck: null,
          bylines_json: '[]',
          credits_json: '[]',
          body_json: JSON.stringify([{ type: 'paragraph', content: [{ type: 'text', text }] }]),
          status: 'published',
          published_at: at,
          comments_state: 'open',
          created_at: at,
          modified_at: at,
        };
      });
      await t.db.insertInto('stories').values(rows).execute();
    }
    while ((await t.store.read.search.indexMissing(500)) > 0);
  }, 120_000);
  afterAll(async () => t?.close());

  const search = async (query: string, page = 1, section?: string) =>
    (await searchStories(t.deps, { serviceCode: 'en', query, page, ...(section ? { section } : {}) })).model.hits.map((hit) => hit.headline);

  it('finds a rare word and a rare phrase of common words in the oldest story', async () => {
    expect(await search('zanzibar')).toEqual(['Story 0']);
    expect(await search('"vote budget"')).toEqual(['Story 0']);
  });

  it('ranks a common word among its newest matches, newest first when they match alike', async () => {
    const first = await search('budget');
    expect(first).toHaveLength(20);
    expect(first[0]).toBe(`Story ${STORIES - 1}`);
    expect(first.every((headline) => Number(headline.split(' ')[1]) >= STORIES - 2_000)).toBe(true);
    expect(await search('"budget talks" -zanzibar')).toHaveLength(20);
  });

  it('filters a common word by a section whose stories are all old, and loses none of them', async () => {
    const first = await search('budget', 1, 'news');
    const second = await search('budget', 2, 'news');
    expect(first).toHaveLength(20);
    expect(second).toHaveLength(SECTION_STORIES - 20);
    expect([...first, ...second].sort()).toEqual(Array.from({ length: SECTION_STORIES }, (_, i) => `Story ${i}`).sort());
    // Newest first when they match alike.
    expect(first[0]).toBe(`Story ${SECTION_STORIES - 1}`);
    expect(await search('"budget talks"', 1, 'news')).toHaveLength(20);
  });
});
