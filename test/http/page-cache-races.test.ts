import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { updateStory } from '../../src/actions/stories/update-story.js';
import { updateLiveStory } from '../../src/actions/stories/pending-version.js';
import { STORE_KINDS } from '../support/databases.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { SYSTEM } from '../support/factories.js';

const STORY = '/en/a/kyrgyz-president-wont-back-down-as-opposition-claims-power/1';
const OLD_HEADLINE = "Kyrgyz President Won't Back Down, As Opposition Claims Power";

/**
 * A slow database read, injected into the test app: while held, the story page's read of its
 * story (a real read of the real database) returns its row only when the test lets it go.
 * `reads` counts every read of a story by id, the honest count of story page renders.
 */
function holdStoryReads(t: TestApp) {
  const stories = t.store.read.stories;
  const original = stories.findById.bind(stories);
  let gate: Promise<void> | null = null;
  let open = () => undefined as void;
  let announce: (() => void) | null = null;
  const state = {
    reads: 0,
    /** Holds the next reads; resolves when the first of them has read the database. */
    hold(): Promise<void> {
      gate = new Promise<void>((resolve) => (open = resolve));
      return new Promise<void>((resolve) => (announce = resolve));
    },
    release(): void {
      gate = null;
      open();
    },
  };
  stories.findById = async (...args: Parameters<typeof original>) => {
    state.reads += 1;
    const row = await original(...args);
    const held = gate;
    if (held) {
      announce?.();
      announce = null;
      await held;
    }
    return row;
  };
  return state;
}

async function editHeadline(t: TestApp, headline: string) {
  // Read outside the held reads: the edit must not wait for the test's gate.
  const story = await t.store.transaction((repos) => repos.stories.findById(1));
  if (!story) throw new Error('no reference story');
  await updateStory(t.actions, SYSTEM, 1, {
    serviceCode: story.serviceCode,
    sectionId: story.sectionId,
    slug: story.slug,
    headline,
    deck: story.deck,
    dateline: story.dateline,
    bylines: story.bylines,
    credits: story.credits,
    body: story.body,
    leadMediaId: story.leadMediaId,
    tagIds: story.tagIds,
    commentsState: story.commentsState,
  });
  await updateLiveStory(t.actions, SYSTEM, 1);
}

describe.each(STORE_KINDS)('page cache under concurrent renders and purges on %s', (kind) => {
  let t: TestApp;
  let base: string;
  let reads: ReturnType<typeof holdStoryReads>;
  let headline = OLD_HEADLINE;
  beforeAll(async () => {
    t = await startTestApp(kind);
    base = await listen(t.app);
    reads = holdStoryReads(t);
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    // Each test starts with the story page changed and not cached, its purged copy too old to serve.
    headline = `Headline ${Math.random().toString(36).slice(2, 10)}`;
    await editHeadline(t, headline);
    t.clock.advance(61_000);
    reads.reads = 0;
  });
  afterEach(() => reads.release());

  const get = (url = STORY) => fetch(base + url, { headers: { 'accept-encoding': 'identity' } });

  it('does not store a page whose render read the story before an edit purged it', async () => {
    const before = t.pageCache.stats.discarded;
    const held = reads.hold();
    const early = get();
    await held;
    // The render has read the story; the edit lands and purges the page before the render ends.
    await editHeadline(t, 'An Edit That Landed Mid-Render');
    reads.release();
    const first = await early;
    // The request that came before the edit gets what it read...
    expect(await first.text()).toContain(headline);
    expect(t.pageCache.stats.discarded).toBe(before + 1);
    // ...but the page was not kept: the next request renders the edited story.
    const next = await get();
    expect(next.headers.get('x-cache')).toBe('MISS');
    expect(await next.text()).toContain('An Edit That Landed Mid-Render');
    const after = await get();
    expect(after.headers.get('x-cache')).toBe('HIT');
    expect(await after.text()).toContain('An Edit That Landed Mid-Render');
  });

  it('does not give a request that came after an edit the render that started before it', async () => {
    const coalesced = t.pageCache.stats.coalesced;
    const held = reads.hold();
    const early = get();
    await held;
    await editHeadline(t, 'Seen By Whoever Comes After');
    // This request arrives after the edit, while the render from before it is still running.
    const late = get();
    await until(() => t.pageCache.stats.coalesced - coalesced === 1);
    reads.release();
    expect(await (await early).text()).toContain(headline);
    expect(await (await late).text()).toContain('Seen By Whoever Comes After');
    expect(reads.reads).toBe(2);
  });

  it('renders once for 100 concurrent misses of one page, and gives all of them the page', async () => {
    const renders = t.pageCache.stats.renders;
    const coalesced = t.pageCache.stats.coalesced;
    const held = reads.hold();
    const responses = Array.from({ length: 100 }, () => get());
    await held;
    // Every request has reached the cache (one rendering, the others waiting) before the render ends.
    await until(() => t.pageCache.stats.coalesced - coalesced === 99);
    reads.release();
    const answered = await Promise.all(responses);
    const bodies = await Promise.all(answered.map((r) => r.text()));
    expect(answered.map((r) => r.status)).toEqual(Array(100).fill(200));
    expect(answered.map((r) => r.headers.get('x-cache'))).toEqual(Array(100).fill('MISS'));
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).toContain(headline);
    expect(reads.reads).toBe(1);
    expect(t.pageCache.stats.renders - renders).toBe(1);
  });

  it('serves the purged page to other readers while one request renders its new version', async () => {
    expect(await (await get()).text()).toContain(headline);
    expect((await get()).headers.get('x-cache')).toBe('HIT');
    reads.reads = 0;
    const held = reads.hold();
    await editHeadline(t, 'The New Version');
    const rendering = get();
    await held;
    // While the new version renders, readers get the previous one at once, marked so no shared cache keeps it.
    const meanwhile = await get();
    expect(meanwhile.headers.get('x-cache')).toBe('STALE');
    expect(meanwhile.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate, s-maxage=0');
    expect(await meanwhile.text()).toContain(headline);
    reads.release();
    const rendered = await rendering;
    expect(rendered.headers.get('x-cache')).toBe('MISS');
    expect(await rendered.text()).toContain('The New Version');
    const after = await get();
    expect(after.headers.get('x-cache')).toBe('HIT');
    expect(await after.text()).toContain('The New Version');
    expect(reads.reads).toBe(1);
  });

  it('gives every request waiting for a render that fails the same error page, from one read', async () => {
    const missing = '/en/a/no-such-story/999999';
    const held = reads.hold();
    const coalesced = t.pageCache.stats.coalesced;
    const responses = Array.from({ length: 20 }, () => get(missing));
    await held;
    await until(() => t.pageCache.stats.coalesced - coalesced === 19);
    reads.release();
    const answered = await Promise.all(responses);
    expect(answered.map((r) => r.status)).toEqual(Array(20).fill(404));
    expect(reads.reads).toBe(1);
  });
});

/** Waits for something the test cannot be told about directly, with a deadline. */
async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
