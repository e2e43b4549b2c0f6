import { postLiveEntry } from '../../src/actions/live/live-entries.js';
import { setStoryLive } from '../../src/actions/live/set-story-live.js';
import { unpublishStory } from '../../src/actions/stories/unpublish-story.js';
import { storyPath } from '../../src/domain/story/story-path.js';
import type { TestApp } from './app.js';
import { givenPublishedStory, SYSTEM } from './factories.js';
import { givenMediaItem } from './media.js';

const text = (value: string) => [{ type: 'text', text: value }];
/** A body with the formats that are not in the demo content: a table with both kinds of header, embeds. */
const formatsBody = (words: readonly [string, string, string, string], photos: readonly number[]) => [
  { type: 'paragraph', content: text(words[0]) },
  {
    type: 'table',
    caption: words[1],
    headerRow: true,
    headerColumn: true,
    rows: [
      [text(words[2]), text('2024'), text('2025')],
      [text(words[3]), text('61%'), []],
    ],
  },
  { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', caption: words[1] },
  { type: 'embed', provider: 'oembed', url: 'https://publish.example.org/oembed?url=https%3A%2F%2Fwww.example.org%2Fpost%2F1' },
  { type: 'gallery', items: photos.map((mediaId, i) => (i === 0 ? { mediaId, caption: words[1] } : { mediaId })) },
];

/** The page types of the reader site in each of the four services, for the validity and accessibility tests. */
export const READER_PAGE_NAMES = [
  'services index',
  'service home',
  'Cyrillic service home',
  'right-to-left service home',
  'Kyrgyz service home',
  'section',
  'Persian section',
  'Russian section',
  'Kyrgyz section',
  'Kyrgyz topic',
  'Russian topic',
  'Persian topic',
  'topic',
  'reference story',
  'story with quote, list and related',
  'story with a correction note',
  'Persian story',
  'Russian story',
  'Kyrgyz story',
  'live story with key events',
  'story with a table, embeds and a gallery',
  'Persian story with a table, embeds and a gallery',
  'profile',
  'Russian profile',
  'Kyrgyz profile',
  'Persian profile',
  'comments',
  'comments with the form',
  'Russian comments',
  'Kyrgyz comments',
  'Persian comments',
  'privacy',
  'Russian privacy',
  'Kyrgyz privacy',
  'Persian privacy',
  'about',
  'Russian about',
  'Kyrgyz about',
  'Persian about',
  'contact',
  'Russian contact',
  'Kyrgyz contact',
  'Persian contact',
  'search',
  'Russian search',
  'Kyrgyz search',
  'Persian search',
  'search with filters',
  'empty search',
  'not found',
  'gone',
  'embedded player',
] as const;
export type ReaderPageName = (typeof READER_PAGE_NAMES)[number];

export interface ReaderPage {
  readonly name: ReaderPageName;
  readonly url: string;
  readonly status: number;
}

export const REFERENCE_STORY = '/en/a/kyrgyz-president-wont-back-down-as-opposition-claims-power/1';

/**
 * Every reader page type on the demo content. Finds the stories it needs from the lists, and
 * withdraws a story of its own for the 410 page, so it changes the app it is given: use it on an
 * app of the test's own.
 */
export async function readerPages(t: TestApp): Promise<ReaderPage[]> {
  const html = async (url: string) => {
    const response = await t.app.inject({ method: 'GET', url });
    if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
    return response.body;
  };
  const storyLinks = (page: string, service: string) =>
    [...page.matchAll(new RegExp(`<a href="(/${service}/a/[^"]+)">([^<]*)</a>`, 'gu'))].map((m) => ({ url: m[1] ?? '', text: m[2] ?? '' }));

  const osh = storyLinks(await html('/en/'), 'en').find((link) => link.text.includes('Osh'));
  if (!osh) throw new Error('no Osh story on /en/');
  const withNote = storyLinks(await html('/en/'), 'en').find((link) => link.text.includes('OSCE'));
  if (!withNote) throw new Error('no OSCE story on /en/');
  const persian = storyLinks(await html('/fa/'), 'fa')[0];
  if (!persian) throw new Error('no story on /fa/');
  const russian = storyLinks(await html('/ru/'), 'ru')[0];
  if (!russian) throw new Error('no story on /ru/');
  const kyrgyz = storyLinks(await html('/ky/'), 'ky')[0];
  if (!kyrgyz) throw new Error('no story on /ky/');

  const photos = [
    (await givenMediaItem(t.actions, { kind: 'image', title: 'Queue at the polls', caption: 'Voters queued from dawn.' })).id,
    (await givenMediaItem(t.actions, { kind: 'image', title: 'The count', caption: null })).id,
  ];
  const formatsId = await givenPublishedStory(t.actions, {
    headline: 'Turnout In Numbers',
    body: formatsBody(['Turnout rose.', 'Turnout by region', 'Region', 'Osh'], photos),
  });
  const persianFormatsId = await givenPublishedStory(t.actions, {
    serviceCode: 'fa',
    headline: 'مشارکت به عدد',
    dateline: null,
    body: formatsBody(['مشارکت بیشتر شد.', 'مشارکت بر پایه استان', 'استان', 'تهران'], photos),
  });
  const storyUrl = async (id: number) => {
    const story = await t.store.read.stories.findById(id);
    if (!story) throw new Error(`story ${id} was not created`);
    return storyPath(story);
  };

  const goneId = await givenPublishedStory(t.actions, { headline: 'A Story To Be Withdrawn' });
  const gone = storyLinks(await html('/en/'), 'en').find((link) => link.url.endsWith(`/${goneId}`));
  if (!gone) throw new Error('the fresh story is not on /en/');
  // Reads through the story page's beacon, so the home pages show "most read" once re-rendered (the withdrawal below purges them).
  for (const url of [REFERENCE_STORY, REFERENCE_STORY, osh.url]) await t.app.inject({ method: 'GET', url: `/en/read/${url.split('/').pop() ?? ''}` });
  await unpublishStory(t.actions, SYSTEM, goneId);

  const liveId = await givenPublishedStory(t.actions, { headline: 'Election Night, Live', slug: 'election-night-live' });
  await setStoryLive(t.actions, SYSTEM, liveId, true);
  for (const [index, words] of ['Polls close across the country.', 'First results are in.', 'How to read the results.'].entries()) {
    await postLiveEntry(t.actions, SYSTEM, liveId, {
      body: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }],
      keyEvent: index === 1,
      pinned: index === 2,
    });
  }

  const urls: Record<ReaderPageName, string> = {
    'services index': '/',
    'service home': '/en/',
    'Cyrillic service home': '/ru/',
    'right-to-left service home': '/fa/',
    'Kyrgyz service home': '/ky/',
    section: '/en/s/asia',
    'Persian section': '/fa/s/news',
    'Russian section': '/ru/s/news',
    'Kyrgyz section': '/ky/s/news',
    'Kyrgyz topic': '/ky/t/weather',
    'Russian topic': '/ru/t/weather',
    'Persian topic': '/fa/t/environment',
    topic: '/en/t/kyrgyzstan',
    'reference story': REFERENCE_STORY,
    'story with quote, list and related': osh.url,
    'story with a correction note': withNote.url,
    'Persian story': persian.url,
    'Russian story': russian.url,
    'Kyrgyz story': kyrgyz.url,
    'live story with key events': `/en/a/election-night-live/${liveId}`,
    'story with a table, embeds and a gallery': await storyUrl(formatsId),
    'Persian story with a table, embeds and a gallery': await storyUrl(persianFormatsId),
    profile: '/en/p/roza-otunbaeva/1',
    'Russian profile': '/ru/p/roza-otunbaeva/1',
    'Kyrgyz profile': '/ky/p/roza-otunbaeva/1',
    'Persian profile': '/fa/p/roza-otunbaeva/1',
    comments: `${REFERENCE_STORY}/comments`,
    'comments with the form': `${osh.url}/comments`,
    'Russian comments': `${russian.url}/comments`,
    'Kyrgyz comments': `${kyrgyz.url}/comments`,
    'Persian comments': `${persian.url}/comments`,
    privacy: '/en/privacy',
    'Russian privacy': '/ru/privacy',
    'Kyrgyz privacy': '/ky/privacy',
    'Persian privacy': '/fa/privacy',
    about: '/en/about',
    'Russian about': '/ru/about',
    'Kyrgyz about': '/ky/about',
    'Persian about': '/fa/about',
    contact: '/en/contact',
    'Russian contact': '/ru/contact',
    'Kyrgyz contact': '/ky/contact',
    'Persian contact': '/fa/contact',
    search: '/en/search?q=osh',
    'Russian search': `/ru/search?q=${encodeURIComponent('снегопады москвы')}`,
    'Kyrgyz search': `/ky/search?q=${encodeURIComponent('ашуулардан')}`,
    // Arabic yeh, as a reader with an Arabic keyboard types it.
    'Persian search': `/fa/search?q=${encodeURIComponent('ايرانيان نوروز')}`,
    'search with filters': '/en/search?q=kyrgyz&section=asia&from=2000-01-01&to=2100-12-31',
    'empty search': '/en/search?q=zzzz',
    'not found': '/en/a/x/99999',
    gone: gone.url,
    'embedded player': `/embed/media/${(await t.store.read.stories.findById(1))?.leadMediaId ?? 0}`,
  };
  const status = (name: ReaderPageName) => (name === 'not found' ? 404 : name === 'gone' ? 410 : 200);
  return READER_PAGE_NAMES.map((name) => ({ name, url: urls[name], status: status(name) }));
}
