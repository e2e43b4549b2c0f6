import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { banCommentAuthor } from '../../src/actions/comments/ban-comment-author.js';
import { postLiveEntry } from '../../src/actions/live/live-entries.js';
import { setStoryLive } from '../../src/actions/live/set-story-live.js';
import { createStory } from '../../src/actions/stories/create-story.js';
import { unpublishStory } from '../../src/actions/stories/unpublish-story.js';
import { updateStory } from '../../src/actions/stories/update-story.js';
import { translatorFor } from '../../src/i18n/i18n.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { violations } from '../support/axe.js';
import { postingDeps, readerPost } from '../support/comments.js';
import { givenPublishedStory, givenService, storyInput, SYSTEM } from '../support/factories.js';
import { givenMediaItem } from '../support/media.js';
import { API, givenUser, signInAs } from '../support/newsroom.js';
import { newsroomBrowser, NuPages, type NewsroomBrowser } from '../support/newsroom-quality.js';

const LOCALES = ['en', 'fa'] as const;
type Locale = (typeof LOCALES)[number];
const PERSIAN = /[\u0600-\u06FF]/;

/** The text of the page's shown alerts (a hidden one waits for the script). */
function alertsOf(body: string): string[] {
  return [...body.matchAll(/<(p|div)\b([^>]*role="alert"[^>]*)>([\s\S]*?)<\/\1>/g)]
    .filter(([, , attributes]) => !/\shidden\b/.test(attributes!))
    .map(([, , , inner]) => inner!.replace(/<[^>]+>/g, '').trim())
    .filter((text) => text !== '');
}

/**
 * The newsroom pages of the second pass (pending versions, the upcoming list and the time zone,
 * comment moderation and bans, the story list with bulk actions, the conflict page, deleting
 * drafts, a photo's focal point, live coverage, translations), each with a refused form, as an
 * editor reading the newsroom in English and one reading it in Persian (right to left) sees
 * them: valid HTML (Nu checker), no axe violations, and the refusal in the reader's language.
 */
describe('the second-pass newsroom pages in English and Persian: valid HTML (Nu checker) and accessible (axe)', () => {
  let t: TestApp;
  let base: string;
  const sessions = new Map<Locale, Awaited<ReturnType<typeof signInAs>>>();
  let urls: string[];
  let ids: { live: number; liveFa: number; draft: number; withdrawn: number; comment: number; photo: number; entryStory: number };

  beforeAll(async () => {
    t = await startTestApp('sqlite', { demo: false });
    await givenService(t.actions);
    await givenService(t.actions, 'fa', 'rtl');
    for (const locale of LOCALES) {
      await givenUser(t.actions, `desk-${locale}`, [{ role: 'admin', serviceCode: null }], { withPassword: true });
      const session = await signInAs(t, `desk-${locale}@example.org`);
      const chosen = await t.app.inject({ method: 'PUT', url: `${API}/session/locale`, headers: session.headers, payload: { locale } });
      expect(chosen.statusCode, chosen.body).toBe(200);
      sessions.set(locale, session);
    }
    const live = await givenPublishedStory(t.actions, { slug: 'live' });
    await updateStory(t.actions, SYSTEM, live, storyInput({ slug: 'live', headline: 'A Pending Headline' }));
    const liveFa = await givenPublishedStory(t.actions, { serviceCode: 'fa', slug: 'fa-live', headline: 'بودجه تصویب شد' });
    await updateStory(t.actions, SYSTEM, liveFa, storyInput({ serviceCode: 'fa', slug: 'fa-live', headline: 'بودجه با تغییرات تصویب شد' }));
    const scheduled = await createStory(t.actions, SYSTEM, storyInput({ slug: 'later', headline: 'Later Today' }));
    const admin = sessions.get('en')!;
    await t.app.inject({ method: 'POST', url: `${API}/stories/${scheduled}/publish`, headers: admin.headers, payload: { at: new Date(t.clock.now().getTime() + 3 * 3600_000).toISOString() } });
    const draft = await createStory(t.actions, SYSTEM, storyInput({ slug: 'draft', headline: 'A Draft' }));
    await updateStory(t.actions, SYSTEM, draft, storyInput({ slug: 'draft', headline: 'A Draft, Autosaved' }), { version: 1, autosave: true });
    const withdrawn = await givenPublishedStory(t.actions, { slug: 'withdrawn', headline: 'Withdrawn Story' });
    await unpublishStory(t.actions, SYSTEM, withdrawn);
    const deps = postingDeps(t.actions);
    const comment = (await readerPost(deps, { storyId: liveFa, authorName: 'مریم', body: 'این گزارش دقیق نیست.' })).id;
    const other = await readerPost(deps, { storyId: liveFa, authorName: 'Reza رضا', body: 'نظر دوم' });
    await banCommentAuthor(t.actions, SYSTEM, other.id, { kinds: ['token', 'pseudonym'], endsAt: null, removeQueued: false });
    const photo = (await givenMediaItem(t.actions, { kind: 'image', title: 'Crowd at the gate' })).id;
    const entryStory = await givenPublishedStory(t.actions, { headline: 'Election Night', slug: 'election-night' });
    await setStoryLive(t.actions, SYSTEM, entryStory, true);
    const entry = await postLiveEntry(t.actions, SYSTEM, entryStory, { body: [{ type: 'paragraph', content: [{ type: 'text', text: 'Polls close.' }] }], keyEvent: true });
    ids = { live, liveFa, draft, withdrawn, comment, photo, entryStory };
    urls = [
      `/newsroom/stories/${live}`,
      `/newsroom/stories/${liveFa}`,
      `/newsroom/stories/${draft}`,
      '/newsroom/upcoming',
      '/newsroom/stories',
      '/newsroom/stories?status=scheduled&done=bulk',
      '/newsroom/account',
      '/newsroom/comments?service=fa&show=all',
      `/newsroom/comments/${comment}/ban?service=fa&show=all`,
      '/newsroom/comments/bans?service=fa',
      `/newsroom/media/${photo}`,
      `/newsroom/stories/${entryStory}/live`,
      `/newsroom/stories/${entryStory}/live/entries/${entry.id}`,
      `/newsroom/stories/${live}/translations`,
    ];
    base = await listen(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (locale: Locale, url: string, fields: Record<string, string>) => {
    const session = sessions.get(locale)!;
    return t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrfToken, ...fields }).toString(),
    });
  };

  /** Every refused form of these pages, posted as the person of `locale`: [what, status, answer, the error code]. */
  async function refusals(locale: Locale): Promise<Array<[string, number, string, string?]>> {
    const { live, draft, withdrawn, comment, photo, entryStory } = ids;
    const forms: Array<[string, string, Record<string, string>, string]> = [
      ['a schedule in the past', `/newsroom/stories/${draft}/publish`, { date: '2020-01-01', time: '10:00' }, 'SCHEDULE_TIME_PAST'],
      ['an update scheduled in the past', `/newsroom/stories/${live}/update`, { date: '2020-01-01', time: '10:00' }, 'SCHEDULE_TIME_PAST'],
      [
        'a pending version of a withdrawn story',
        `/newsroom/stories/${withdrawn}/update`,
        { version: '2', serviceCode: 'en', slug: 'withdrawn', headline: 'A Late Headline', bodyJson: '[]' },
        'STORY_NOT_LIVE',
      ],
      ['discard with nothing pending', `/newsroom/stories/${draft}/discard`, {}, 'STORY_NOTHING_PENDING'],
      ['an unknown time zone', '/newsroom/account/time-zone', { timeZone: 'Nowhere/Atlantis' }, 'TIME_ZONE_UNKNOWN'],
      ['a bulk action on a published story', '/newsroom/stories/bulk', { action: 'delete', [`story.${live}`]: '1' }, 'STORY_NOT_DELETABLE'],
      ['a bulk decision on no comment', '/newsroom/comments/bulk', { service: 'fa', show: 'all', decision: 'reject' }, 'COMMENTS_NOT_CHOSEN'],
      ['a ban without a target', `/newsroom/comments/${comment}/ban`, { service: 'fa', show: 'all', from: 'comment' }, 'BAN_KIND_REQUIRED'],
      ['a focal point off the picture', `/newsroom/media/${photo}`, { title: 'Crowd at the gate', focalX: '1.5', focalY: '0.5' }, 'MEDIA_FOCAL_POINT_INVALID'],
      ['an empty live entry', `/newsroom/stories/${entryStory}/live/entries`, { text: '   ' }, 'FIELD_REQUIRED'],
      ['a translation that is not a number', `/newsroom/stories/${live}/translations`, { storyId: 'twelve' }, 'FIELD_INVALID'],
    ];
    const answers: Array<[string, number, string, string?]> = [];
    for (const [what, url, fields, code] of forms) {
      const answer = await post(locale, url, fields);
      answers.push([what, answer.statusCode, answer.body, code]);
    }
    // A Save based on version 1 of the draft (it is at version 2): the conflict page.
    const conflict = await post(locale, `/newsroom/stories/${draft}`, { version: '1', serviceCode: 'en', headline: 'Late', bodyJson: '[]' });
    answers.push(['a save over a newer version (conflict)', conflict.statusCode, conflict.body]);
    return answers;
  }

  it('says each refusal on its form, in the person’s language and direction, keeping what was typed', async () => {
    const english = new Map<string, string>();
    for (const locale of LOCALES) {
      for (const [what, status, body, code] of await refusals(locale)) {
        expect([400, 409], `${locale}: ${what}`).toContain(status);
        expect(body, `${locale}: ${what}`).toContain(locale === 'fa' ? '<html lang="fa" dir="rtl">' : '<html lang="en" dir="ltr">');
        if (what.includes('conflict')) {
          expect(body, `${locale}: ${what}`).toContain(translatorFor(locale).t('newsroom.conflict.title'));
          continue;
        }
        const alert = alertsOf(body).join(' ');
        expect(alert, `${locale}: ${what}`).not.toBe('');
        if (locale === 'en') english.set(what, alert);
        // In Persian: Persian words, not the English message.
        if (locale === 'fa') {
          expect(alert, `${locale}: ${what}: ${alert}`).toMatch(PERSIAN);
          expect(alert, `${locale}: ${what}`).not.toContain(english.get(what));
          const key = `error.code.${code!}`;
          const fa = translatorFor('fa');
          expect(fa.has(key), `${key} is translated`).toBe(true);
          if (fa.has(key)) expect(alert, `${locale}: ${what}`).toContain(fa.t(key));
          // The field at fault named in Persian too, not as the form's field is called.
          expect(alert, `${locale}: ${what}: ${alert}`).not.toMatch(/فیلد: [^)]*[A-Za-z]/);
        }
      }
    }
    const kept: Record<string, string> = {
      'a schedule in the past': 'value="2020-01-01"',
      'an update scheduled in the past': 'value="10:00"',
      'an unknown time zone': 'value="Nowhere/Atlantis"',
      'a focal point off the picture': 'value="1.5"',
      'a pending version of a withdrawn story': 'value="A Late Headline"',
      'a translation that is not a number': 'value="twelve"',
    };
    for (const [what, , body] of await refusals('fa')) {
      if (kept[what]) expect(body, `kept as typed: ${what}`).toContain(kept[what]);
    }
    // And nothing changed: the withdrawn story keeps its text, the published one is still live, the draft still there.
    const story = (id: number) => t.store.read.stories.findById(id);
    expect((await story(ids.withdrawn))?.headline).toBe('Withdrawn Story');
    expect((await story(ids.live))?.status).toBe('published');
    expect((await story(ids.draft))?.headline).toBe('A Draft, Autosaved');
  });

  it('has no HTML errors on any page in either language, refused forms included', async () => {
    const nu = new NuPages();
    for (const locale of LOCALES) {
      const session = sessions.get(locale)!;
      await nu.addPages(t.app, session.cookie, urls, (url) => `${locale} ${url}`);
      for (const [what, , body] of await refusals(locale)) nu.add(`${locale} refused: ${what}`, body);
    }
    expect(await nu.errors()).toEqual([]);
  });

  describe.each(LOCALES)('in %s', (locale) => {
    let chromium: NewsroomBrowser;
    beforeAll(async () => {
      chromium = await newsroomBrowser(base, sessions.get(locale)!.cookie);
    });
    afterAll(async () => {
      await chromium?.close();
    });

    // Each walks a dozen pages or forms through axe in Chromium: given a minute and a half, not the default half minute.
    it('has no axe violations on any page', { timeout: 90_000 }, async () => {
      const found: string[] = [];
      for (const url of urls) {
        for (const line of await violations(chromium.page, base + url, 200)) found.push(`${url}\n  ${line}`);
        expect(new URL(chromium.page.url()).pathname, 'still signed in').toBe(new URL(base + url).pathname);
      }
      expect(found).toEqual([]);
    });

    it('has no axe violations on any refused form', { timeout: 90_000 }, async () => {
      const found: string[] = [];
      for (const [what, , body] of await refusals(locale)) {
        for (const line of await chromium.violationsOf(body)) found.push(`refused: ${what}\n  ${line}`);
      }
      expect(found).toEqual([]);
    });
  });
});
