import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfile } from '../../src/actions/profiles/create-profile.js';
import { addStoryNote } from '../../src/actions/stories/add-story-note.js';
import { STORE_KINDS } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { givenPublishedStory, SYSTEM } from '../support/factories.js';

const STORY = '/en/a/kyrgyz-president-wont-back-down-as-opposition-claims-power/1';
const ORIGIN = 'http://localhost:3000';
const XSS = '</script><script>alert(1)</script>';

/** Every JSON-LD block of a page, parsed: a block that is not JSON fails the test here. */
function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1] ?? '') as Record<string, unknown>,
  );
}

function ofType(blocks: Record<string, unknown>[], type: string): Record<string, unknown> {
  const found = blocks.find((block) => block['@type'] === type);
  if (!found) throw new Error(`no ${type} among ${blocks.map((b) => String(b['@type'])).join(', ')}`);
  return found;
}

function metaContent(html: string, attribute: 'property' | 'name', key: string): string[] {
  return [...html.matchAll(new RegExp(`<meta ${attribute}="${key}" content="([^"]*)"`, 'g'))].map((m) => m[1] ?? '');
}

describe.each(STORE_KINDS)('structured data and previews on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('describes the reference story as a NewsArticle with its video and breadcrumbs', async () => {
    await addStoryNote(t.actions, SYSTEM, 1, { kind: 'correction', text: 'An earlier version misspelt Osh.' });
    const html = (await get(STORY)).body;
    const blocks = jsonLd(html);
    const article = ofType(blocks, 'NewsArticle');
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      headline: "Kyrgyz President Won't Back Down, As Opposition Claims Power",
      url: `${ORIGIN}${STORY}`,
      inLanguage: 'en',
      isAccessibleForFree: true,
      articleSection: 'Asia',
      publisher: { '@type': 'NewsMediaOrganization', name: 'RFE/RL', logo: { '@type': 'ImageObject' } },
    });
    expect(typeof article.description).toBe('string');
    expect(Date.parse(String(article.datePublished))).not.toBeNaN();
    expect(Date.parse(String(article.dateModified))).toBeGreaterThanOrEqual(Date.parse(String(article.datePublished)));
    // The lead picture is an ImageObject carrying the caption and credit the page shows under it.
    expect(article.image).toContainEqual(expect.objectContaining({ '@type': 'ImageObject', url: `${ORIGIN}/media/demo/bishkek-day-after-poster.jpg` }));
    expect(article.correction).toEqual([
      expect.objectContaining({ '@type': 'CorrectionComment', text: 'An earlier version misspelt Osh.' }),
    ]);
    const logo = (article.publisher as { logo: { url: string } }).logo.url;
    expect((await get(new URL(logo).pathname)).headers['content-type']).toBe('image/png');

    const video = ofType(blocks, 'VideoObject');
    expect(video).toMatchObject({
      name: 'Bishkek - A Day After The Deadly Protests',
      thumbnailUrl: [`${ORIGIN}/media/demo/bishkek-day-after-poster.jpg`],
      duration: 'PT1M24S',
      contentUrl: `${ORIGIN}/media/demo/bishkek-day-after.mp4`,
    });
    expect(String(video.embedUrl)).toMatch(new RegExp(`^${ORIGIN}/embed/media/\\d+$`));
    expect(Date.parse(String(video.uploadDate))).not.toBeNaN();

    const crumbs = ofType(blocks, 'BreadcrumbList').itemListElement as { position: number; name: string; item: string }[];
    expect(crumbs.map((c) => [c.position, c.name, c.item])).toEqual([
      [1, 'RFE/RL', `${ORIGIN}/en/`],
      [2, 'Asia', `${ORIGIN}/en/s/asia`],
      [3, "Kyrgyz President Won't Back Down, As Opposition Claims Power", `${ORIGIN}${STORY}`],
    ]);

    expect(html).toContain(`<link rel="canonical" href="${ORIGIN}${STORY}"/>`);
    expect(metaContent(html, 'property', 'og:type')).toEqual(['article']);
    expect(metaContent(html, 'property', 'og:title')).toEqual(["Kyrgyz President Won't Back Down, As Opposition Claims Power"]);
    expect(metaContent(html, 'property', 'og:url')).toEqual([`${ORIGIN}${STORY}`]);
    expect(metaContent(html, 'property', 'og:image')).toEqual([`${ORIGIN}/media/demo/bishkek-day-after-poster.jpg`]);
    expect(metaContent(html, 'name', 'twitter:card')).toHaveLength(1);
    expect(metaContent(html, 'name', 'twitter:title')).toHaveLength(1);
  });

  it('names each byline with a profile as a Person with its profile page', async () => {
    const person = await createProfile(t.actions, SYSTEM, { kind: 'person', name: 'Ann Byline', serviceCode: 'en' });
    const id = await givenPublishedStory(t.actions, { headline: 'Budget passes', bylines: ['Ann Byline', 'Staff Writer'] });
    const html = (await get(`/en/a/budget-passes/${id}`)).body;
    const article = ofType(jsonLd(html), 'NewsArticle');
    expect(article.author).toEqual([
      { '@type': 'Person', name: 'Ann Byline', url: `${ORIGIN}/en/p/ann-byline/${person.id}` },
      { '@type': 'Person', name: 'Staff Writer' },
    ]);
  });

  it('keeps a headline of </script><script>alert(1)</script> inert and intact', async () => {
    const headline = `${XSS} & “quotes” \u2028 <!-- -->`;
    const id = await givenPublishedStory(t.actions, { headline, deck: XSS, slug: 'xss-headline' });
    const response = await get(`/en/a/xss-headline/${id}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('<script>alert(1)');
    expect(response.body).not.toContain('<!-- -->');
    const article = ofType(jsonLd(response.body), 'NewsArticle');
    expect(article.headline).toBe(headline);
    expect(article.description).toBe(XSS);
    // The only scripts are JSON-LD data blocks and our own files.
    expect(response.body).not.toMatch(/<script(?![^>]*\b(?:src=|type="application\/ld\+json"))[^>]*>/);
  });

  it('gives every reader page a canonical link and its feeds', async () => {
    for (const [path, canonical] of [
      ['/en/', '/en/'],
      ['/en/s/asia', '/en/s/asia'],
      ['/en/t/kyrgyzstan', '/en/t/kyrgyzstan'],
      [`${STORY}/comments`, `${STORY}/comments`],
    ] as const) {
      const html = (await get(path)).body;
      expect(html, path).toContain(`<link rel="canonical" href="${ORIGIN}${canonical}"/>`);
    }
    const section = (await get('/en/s/asia')).body;
    expect(section).toContain('<link rel="alternate" type="application/rss+xml" title="RFE/RL: Asia (RSS)" href="/en/s/asia/feed.rss"/>');
    expect(section).toContain('<link rel="alternate" type="application/atom+xml" title="RFE/RL: Asia (Atom)" href="/en/s/asia/feed.atom"/>');
    expect(section).toContain('<link rel="alternate" type="application/feed+json" title="RFE/RL: Asia (JSON Feed)" href="/en/s/asia/feed.json"/>');
    expect((await get('/en/')).body).toContain('href="/en/feed.rss"');
  });

  it('describes a profile page as a Person or Organization', async () => {
    const home = (await get(STORY)).body;
    const profileHref = /href="(\/en\/p\/roza-otunbaeva\/\d+)"/.exec(home)?.[1] ?? '';
    const html = (await get(profileHref)).body;
    const page = ofType(jsonLd(html), 'ProfilePage');
    expect(page.mainEntity).toMatchObject({ '@type': 'Person', name: 'Roza Otunbaeva', url: `${ORIGIN}${profileHref}` });
    expect(html).toContain(`<link rel="canonical" href="${ORIGIN}${profileHref}"/>`);
    expect(html).toContain(`href="${profileHref}/feed.rss"`);
    // An organisation's page: its entity is an Organization.
    const commission = await createProfile(t.actions, SYSTEM, { kind: 'organisation', name: 'Central Election Commission', serviceCode: 'en' });
    const organisation = await get(`/en/p/central-election-commission/${commission.id}`);
    expect(organisation.statusCode).toBe(200);
    expect(ofType(jsonLd(organisation.body), 'ProfilePage').mainEntity).toMatchObject({ '@type': 'Organization', name: 'Central Election Commission' });
  });
});
