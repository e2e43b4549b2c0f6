import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../../src/actions/stories/create-story.js';
import { publishDueStories } from '../../src/actions/stories/publish-due-stories.js';
import { publishStory } from '../../src/actions/stories/publish-story.js';
import { userActor } from '../../src/domain/user/user.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenPublishedStory, givenService, storyInput, SYSTEM } from '../support/factories.js';
import { API, givenUser } from '../support/newsroom.js';

type Headers = Record<string, string>;
const form = (headers: Headers) => ({ ...headers, 'content-type': 'application/x-www-form-urlencoded' });

describe.each(STORE_KINDS)('pending versions and scheduling on %s', (kind) => {
  let t: TestApp;
  let editor: { id: number; bearer: Headers };
  let reporter: { id: number; bearer: Headers };

  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions, 'en');
    editor = await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }]);
    reporter = await givenUser(t.actions, 'reporter', [{ role: 'reporter', serviceCode: 'en' }]);
  });
  afterAll(async () => t.close());

  const reader = async (id: number, slug = 'parliament-votes-on-budget') => (await t.app.inject({ method: 'GET', url: `/en/a/${slug}/${id}` })).body;
  const put = (id: number, headers: Headers, overrides: Record<string, unknown>, version: number) =>
    t.app.inject({ method: 'PUT', url: `${API}/stories/${id}`, headers, payload: { ...storyInput(overrides), version } });
  const story = async (id: number) => (await t.app.inject({ method: 'GET', url: `${API}/stories/${id}`, headers: editor.bearer })).json();

  it('keeps an edit of a live story pending: readers, feeds and search see the live text until Update', async () => {
    const id = await givenPublishedStory(t.actions);
    expect(await reader(id)).toContain('Parliament Votes On Budget');
    const saved = await put(id, editor.bearer, { headline: 'Parliament Passes Budget' }, 1);
    expect(saved.statusCode).toBe(200);
    const body = saved.json();
    expect(body.headline).toBe('Parliament Votes On Budget');
    expect(body.pending.story.headline).toBe('Parliament Passes Budget');
    expect(body.pending.changes).toContainEqual({ kind: 'field', field: 'headline', before: 'Parliament Votes On Budget', after: 'Parliament Passes Budget' });

    expect(await reader(id)).toContain('Parliament Votes On Budget');
    expect(await reader(id)).not.toContain('Parliament Passes Budget');
    const feed = (await t.app.inject({ method: 'GET', url: '/en/feed.rss' })).body;
    expect(feed).not.toContain('Parliament Passes Budget');
    const search = (await t.app.inject({ method: 'GET', url: '/en/search?q=passes' })).body;
    expect(search).not.toContain('Parliament Passes Budget');

    // The newsroom's editor shows the pending text, that it is unpublished, and the diff.
    const page = (await t.app.inject({ method: 'GET', url: `/newsroom/stories/${id}`, headers: editor.bearer })).body;
    expect(page).toContain('Unpublished changes');
    expect(page).toContain('value="Parliament Passes Budget"');
    expect(page).toMatch(/<del>Parliament Votes On Budget<\/del> → <ins>Parliament Passes Budget<\/ins>/);

    // The saved preview shows what Update would put live.
    expect((await t.app.inject({ method: 'GET', url: `/newsroom/stories/${id}/preview`, headers: editor.bearer })).body).toContain('Parliament Passes Budget');

    const updated = await t.app.inject({ method: 'POST', url: `${API}/stories/${id}/update`, headers: editor.bearer, payload: {} });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().status).toBe('updated');
    // The new headline makes a new address name: the old one now redirects to it.
    expect(await reader(id, 'parliament-passes-budget')).toContain('Parliament Passes Budget');
    expect((await story(id)).pending).toBeNull();
    const events = await t.store.read.audit.list(50, 0);
    expect(events.some((e) => e.action === 'story.update' && e.subject === `story:${id}`)).toBe(true);
  });

  it('lets a reporter propose changes to their live story; only an editor puts them live', async () => {
    const reporterActor = userActor({ id: reporter.id, grants: [{ role: 'reporter', serviceCode: 'en' }] });
    const id = await createStory(t.actions, reporterActor, storyInput({ slug: 'reporter-story' }));
    await publishStory(t.actions, SYSTEM, id);
    const proposed = await put(id, reporter.bearer, { slug: 'reporter-story', headline: 'Reporter Proposal' }, 1);
    expect(proposed.statusCode).toBe(200);
    const refused = await t.app.inject({ method: 'POST', url: `${API}/stories/${id}/update`, headers: reporter.bearer, payload: {} });
    expect(refused.statusCode).toBe(403);
    const viaForm = await t.app.inject({ method: 'POST', url: `/newsroom/stories/${id}/update`, headers: form(reporter.bearer), payload: '' });
    expect(viaForm.statusCode).toBe(403);
    expect(await reader(id, 'reporter-story')).not.toContain('Reporter Proposal');
    const accepted = await t.app.inject({ method: 'POST', url: `${API}/stories/${id}/update`, headers: editor.bearer, payload: {} });
    expect(accepted.statusCode).toBe(200);
    expect(await reader(id, 'reporter-story')).toContain('Reporter Proposal');
  });

  it('discards pending changes, and restores a revision of a live story as pending changes', async () => {
    const id = await givenPublishedStory(t.actions, { slug: 'restore-me' });
    await put(id, editor.bearer, { slug: 'restore-me', headline: 'Wrong Headline' }, 1);
    const discarded = await t.app.inject({ method: 'POST', url: `${API}/stories/${id}/discard`, headers: editor.bearer });
    expect(discarded.statusCode).toBe(200);
    expect((await story(id)).pending).toBeNull();
    const again = await t.app.inject({ method: 'POST', url: `${API}/stories/${id}/discard`, headers: editor.bearer });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('STORY_NOTHING_PENDING');

    const revisions = (await t.app.inject({ method: 'GET', url: `${API}/stories/${id}/revisions`, headers: editor.bearer })).json();
    const wrong = revisions.items.find((r: { headline: string }) => r.headline === 'Wrong Headline');
    const current = (await story(id)).version;
    const restored = await t.app.inject({ method: 'POST', url: `${API}/stories/${id}/revisions/${wrong.id}/restore`, headers: editor.bearer, payload: { version: current } });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().headline).toBe('Parliament Votes On Budget');
    expect(restored.json().pending.story.headline).toBe('Wrong Headline');
    expect(await reader(id, 'restore-me')).not.toContain('Wrong Headline');
  });

  it('refuses Update of a withdrawn story on the same form, keeping what was typed and changing nothing', async () => {
    const id = await givenPublishedStory(t.actions, { slug: 'withdrawn' });
    await t.app.inject({ method: 'POST', url: `${API}/stories/${id}/unpublish`, headers: editor.bearer });
    const before = await story(id);
    const typed = new URLSearchParams({ version: String(before.version), serviceCode: 'en', headline: 'Typed Before Update', slug: 'withdrawn', bodyJson: '[]' });
    const response = await t.app.inject({ method: 'POST', url: `/newsroom/stories/${id}/update`, headers: form(editor.bearer), payload: typed.toString() });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('this story is withdrawn');
    expect(response.body).toContain('value="Typed Before Update"');
    const after = await story(id);
    expect(after.headline).toBe(before.headline);
    expect(after.version).toBe(before.version);
    const api = await t.app.inject({ method: 'POST', url: `${API}/stories/${id}/update`, headers: editor.bearer, payload: {} });
    expect(api.statusCode).toBe(409);
    expect(api.json().error.code).toBe('STORY_NOT_LIVE');
  });

  it('schedules in the person’s own zone, shows the time in the list and editor, and cancels without withdrawing', async () => {
    const zone = await t.app.inject({ method: 'POST', url: '/newsroom/account/time-zone', headers: form(editor.bearer), payload: 'timeZone=Asia%2FBishkek' });
    expect(zone.statusCode).toBe(200);
    expect(zone.body).toContain('Times are shown in Asia/Bishkek.');
    const id = await createStory(t.actions, SYSTEM, storyInput({ headline: 'Embargoed Report', slug: 'embargoed' }));
    // T0 is 2026-... : schedule the next day at 09:30 Bishkek time (UTC+6), i.e. 03:30 UTC.
    const next = new Date(t.clock.now().getTime() + 24 * 3600_000).toISOString().slice(0, 10);
    const scheduled = await t.app.inject({ method: 'POST', url: `/newsroom/stories/${id}/publish`, headers: form(editor.bearer), payload: `date=${next}&time=09:30` });
    expect(scheduled.statusCode).toBe(303);
    const saved = await story(id);
    expect(saved.status).toBe('scheduled');
    expect(saved.publishedAt).toBe(`${next}T03:30:00.000Z`);
    const editorPage = (await t.app.inject({ method: 'GET', url: `/newsroom/stories/${id}`, headers: editor.bearer })).body;
    expect(editorPage).toContain(`datetime="${next}T03:30:00.000Z"`);
    expect(editorPage).toContain('(Asia/Bishkek');
    const list = (await t.app.inject({ method: 'GET', url: '/newsroom/stories?status=scheduled', headers: editor.bearer })).body;
    expect(list).toContain('Embargoed Report');
    expect(list).toMatch(/Scheduled: [^<]*9:30[^<]*\(Asia\/Bishkek\)/);
    const upcoming = (await t.app.inject({ method: 'GET', url: '/newsroom/upcoming', headers: editor.bearer })).body;
    expect(upcoming).toContain('Embargoed Report');

    const cancelled = await t.app.inject({ method: 'POST', url: `/newsroom/stories/${id}/cancel-schedule`, headers: form(editor.bearer), payload: '' });
    expect(cancelled.statusCode).toBe(303);
    const after = await story(id);
    expect(after.status).toBe('filed');
    expect(after.publishedAt).toBeNull();
    await t.app.inject({ method: 'POST', url: '/newsroom/account/time-zone', headers: form(editor.bearer), payload: 'timeZone=' });
  });

  it('explains a schedule in the past on the same form, keeping what was typed and changing nothing', async () => {
    const id = await createStory(t.actions, SYSTEM, storyInput({ headline: 'Too Late', slug: 'too-late' }));
    const past = new Date(t.clock.now().getTime() - 24 * 3600_000).toISOString().slice(0, 10);
    const response = await t.app.inject({ method: 'POST', url: `/newsroom/stories/${id}/publish`, headers: form(editor.bearer), payload: `date=${past}&time=08:15` });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('has already passed');
    expect(response.body).toContain(`value="${past}"`);
    expect(response.body).toContain('value="08:15"');
    expect((await story(id)).status).toBe('draft');
  });

  it('sets a service’s time zone, shown beside the person’s own; refuses an unknown one and changes nothing', async () => {
    const admin = await givenUser(t.actions, 'admin', [{ role: 'admin', serviceCode: null }]);
    const fields = { name: 'English', locale: 'en', direction: 'ltr', outlet: 'RFE/RL', position: '0' };
    const bad = await t.app.inject({ method: 'POST', url: '/newsroom/services/en', headers: form(admin.bearer), payload: new URLSearchParams({ ...fields, outlet: 'Changed', timeZone: 'Europe/Nowhere' }).toString() });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('value="Europe/Nowhere"');
    expect((await t.store.read.services.find('en'))?.outlet).not.toBe('Changed');
    expect((await t.store.read.services.timeZones()).get('en')).toBe('UTC');
    const good = await t.app.inject({ method: 'POST', url: '/newsroom/services/en', headers: form(admin.bearer), payload: new URLSearchParams({ ...fields, timeZone: 'Europe/London' }).toString() });
    expect(good.statusCode).toBe(303);
    const id = await createStory(t.actions, SYSTEM, storyInput({ slug: 'zoned' }));
    await publishStory(t.actions, SYSTEM, id, { at: new Date(t.clock.now().getTime() + 3600_000) });
    const page = (await t.app.inject({ method: 'GET', url: `/newsroom/stories/${id}`, headers: editor.bearer })).body;
    expect(page).toContain('the service’s time zone is Europe/London');
    expect(page).toMatch(/in the service’s zone/);
    await t.app.inject({ method: 'POST', url: '/newsroom/services/en', headers: form(admin.bearer), payload: new URLSearchParams({ ...fields, timeZone: 'UTC' }).toString() });
  });

  it('refuses an unknown time zone on the same form, keeping what was typed and changing nothing', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/newsroom/account/time-zone', headers: form(editor.bearer), payload: 'timeZone=Mars%2FOlympus' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('is not a known time zone');
    expect(response.body).toContain('value="Mars/Olympus"');
    expect(await t.store.read.users.timeZoneOf(editor.id)).toBeNull();
  });

  it('puts a scheduled update live when it comes due, once, however many schedulers run', async () => {
    const id = await givenPublishedStory(t.actions, { slug: 'later' });
    await put(id, editor.bearer, { slug: 'later', headline: 'Later Headline' }, 1);
    const at = new Date(t.clock.now().getTime() + 60_000).toISOString();
    const scheduled = await t.app.inject({ method: 'POST', url: `${API}/stories/${id}/update`, headers: editor.bearer, payload: { at } });
    expect(scheduled.json()).toMatchObject({ status: 'scheduled', at });
    const upcoming = (await t.app.inject({ method: 'GET', url: '/newsroom/upcoming', headers: editor.bearer })).body;
    expect(upcoming).toMatch(new RegExp(`update goes live: <a href="/newsroom/stories/${id}">`));
    const tooEarly = await t.app.inject({ method: 'POST', url: `${API}/stories/${id}/update`, headers: editor.bearer, payload: { at: new Date(t.clock.now().getTime() - 60_000).toISOString() } });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().error.code).toBe('SCHEDULE_TIME_PAST');

    const embargoed = await createStory(t.actions, SYSTEM, storyInput({ slug: 'embargo-once' }));
    await publishStory(t.actions, SYSTEM, embargoed, { at: new Date(t.clock.now().getTime() + 60_000) });

    t.clock.advance(61_000);
    const runs = await Promise.all([publishDueStories(t.actions), publishDueStories(t.actions), publishDueStories(t.actions)]);
    expect(runs.flat().filter((x) => x === id)).toHaveLength(1);
    expect(runs.flat().filter((x) => x === embargoed)).toHaveLength(1);
    expect(await reader(id, 'later')).toContain('Later Headline');
    const audit = await t.store.read.audit.list(100, 0);
    expect(audit.filter((e) => e.action === 'story.publish' && e.subject === `story:${embargoed}`)).toHaveLength(1);
    expect(audit.filter((e) => e.action === 'story.update' && e.subject === `story:${id}`)).toHaveLength(1);
  });
});
