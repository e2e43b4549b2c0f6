import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchStories } from '../../src/actions/reader/search-stories.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenService } from '../support/factories.js';
import { openTestStore, type TestStore } from '../support/store.js';

const STORIES = 2_600;
const MINUTE = 60_000;

/**
 * An archive larger than the window PostgreSQL tries a query on first (its 2,000 newest stories):
 * every story says "budget" and "vote" (apart), the oldest alone "zanzibar" and "vote budget",
 * so rare words and rare phrases of common words must be found outside the window, on both stores.
 */
describe.each(STORE_KINDS)('search over an archive larger than the first window on %s', (kind) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(kind);
    await givenService(t.deps, 'en');
    const now = t.clock.now().getTime();
    for (let start = 0; start < STORIES; start += 500) {
      const rows = Array.from({ length: Math.min(500, STORIES - start) }, (_, k) => {
        const i = start + k;
        const text = i === 0 ? 'zanzibar council: the vote budget passed' : `budget talks ${i} went on before the vote`;
        const at = now - (STORIES - i) * MINUTE;
        return {
          service_code: 'en',
          section_id: null,
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

  const search = async (query: string, page = 1) =>
    (await searchStories(t.deps, { serviceCode: 'en', query, page })).model.hits.map((hit) => hit.headline);

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
});
