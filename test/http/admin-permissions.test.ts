import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../src/actions/alerts/create-alert.js';
import { banCommentAuthor } from '../../src/actions/comments/ban-comment-author.js';
import { createProfile } from '../../src/actions/profiles/create-profile.js';
import { postLiveEntry } from '../../src/actions/live/live-entries.js';
import { setStoryLive } from '../../src/actions/live/set-story-live.js';
import { createStory } from '../../src/actions/stories/create-story.js';
import { publishStory } from '../../src/actions/stories/publish-story.js';
import { updateStory } from '../../src/actions/stories/update-story.js';
import { issueApiToken } from '../../src/actions/users/api-tokens.js';
import { issueApiKey } from '../../src/actions/content-api/api-keys.js';
import { registerWebhook } from '../../src/actions/webhooks/manage-webhooks.js';
import { createUser } from '../../src/actions/users/create-user.js';
import { userActor } from '../../src/domain/user/user.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { postingDeps, readerPost } from '../support/comments.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenService, storyInput, SYSTEM } from '../support/factories.js';
import { givenMediaItem } from '../support/media.js';
import { API, givenUser, signInAs } from '../support/newsroom.js';

type Who = 'admin' | 'editor-en' | 'editor-ru' | 'reporter-en' | 'moderator-en' | 'signed-out' | 'bad-token';
const EVERYONE: readonly Who[] = ['admin', 'editor-en', 'editor-ru', 'reporter-en', 'moderator-en', 'signed-out', 'bad-token'];

interface Operation {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as the OpenAPI document names it. */
  readonly route: string;
  /** Who may: everyone else signed in gets 403, signed out and bad tokens 401. */
  readonly allowed: readonly Who[];
  /** Builds a fresh target (as the system) and the request for it. */
  readonly prepare: (ctx: Context) => Promise<{ url: string; payload?: unknown }>;
}

interface Context {
  readonly t: TestApp;
  readonly reporterId: number;
}

const READERS_EN: readonly Who[] = ['admin', 'editor-en', 'reporter-en', 'moderator-en'];
const SIGNED_IN: readonly Who[] = ['admin', 'editor-en', 'editor-ru', 'reporter-en', 'moderator-en'];

/** A fresh draft of the en service written by the reporter, so the "own story" rules apply. */
async function reporterStory(ctx: Context): Promise<number> {
  const reporter = userActor({ id: ctx.reporterId, grants: [{ role: 'reporter', serviceCode: 'en' }] });
  return createStory(ctx.t.actions, reporter, storyInput());
}

/** The reporter's story, live, with changes the reporter proposed (a pending version). */
async function reporterLiveStoryWithChanges(ctx: Context): Promise<number> {
  const reporter = userActor({ id: ctx.reporterId, grants: [{ role: 'reporter', serviceCode: 'en' }] });
  const id = await createStory(ctx.t.actions, reporter, storyInput());
  await publishStory(ctx.t.actions, SYSTEM, id);
  await updateStory(ctx.t.actions, reporter, id, storyInput({ headline: 'Proposed' }));
  return id;
}

/** A story scheduled for two days from now. */
async function scheduledStory(ctx: Context): Promise<number> {
  const id = await createStory(ctx.t.actions, SYSTEM, storyInput());
  await publishStory(ctx.t.actions, SYSTEM, id, { at: new Date(Date.now() + 48 * 3600_000) });
  return id;
}

async function publishedStory(ctx: Context): Promise<number> {
  const id = await createStory(ctx.t.actions, SYSTEM, storyInput());
  await publishStory(ctx.t.actions, SYSTEM, id);
  return id;
}

/** A reader's comment on a fresh published story of the en service. */
async function readerComment(ctx: Context): Promise<number> {
  return (await readerPost(postingDeps(ctx.t.actions), { storyId: await publishedStory(ctx) })).id;
}

let codes = 0;
/** A service code or slug not used before. */
const freshCode = () => `x${'abcdefghijklmnopqrstuvwxyz'[Math.floor(codes / 26) % 26]}${'abcdefghijklmnopqrstuvwxyz'[codes++ % 26]}`;

/** A fresh personal token of the reporter (whom an admin or the reporter may revoke). */
async function reporterToken(ctx: Context): Promise<number> {
  return (await issueApiToken(ctx.t.actions, SYSTEM, { id: ctx.reporterId }, { label: 'to revoke' })).apiToken.id;
}

/** A fresh account to disable or enable. */
async function freshUser(ctx: Context): Promise<number> {
  return (await createUser(ctx.t.actions, SYSTEM, { email: `someone-${freshCode()}@example.org`, name: 'Someone', grants: [] })).id;
}

/** A profile kept by the en service's editors. */
async function enProfile(ctx: Context): Promise<number> {
  return (await createProfile(ctx.t.actions, SYSTEM, { kind: 'person', name: 'Roza Otunbaeva', serviceCode: 'en' })).id;
}

/** A published live story of the en service with one entry. */
async function liveEntry(ctx: Context): Promise<{ storyId: number; entryId: number }> {
  const storyId = await publishedStory(ctx);
  await setStoryLive(ctx.t.actions, SYSTEM, storyId, true);
  const entry = await postLiveEntry(ctx.t.actions, SYSTEM, storyId, { body: [{ type: 'paragraph', content: [{ type: 'text', text: 'Polls close.' }] }] });
  return { storyId, entryId: entry.id };
}
const ENTRY = { body: [{ type: 'paragraph', content: [{ type: 'text', text: 'Results are in.' }] }] };

const MODERATORS_EN: readonly Who[] = ['admin', 'editor-en', 'moderator-en'];
/** The media library is shared by every service: reporters and editors of any service, not moderators. */
const MEDIA_PEOPLE: readonly Who[] = ['admin', 'editor-en', 'editor-ru', 'reporter-en'];

/** Distribution: a fresh Content API key, webhook endpoint (a public address), and a delivery of it. */
const freshApiKey = async (ctx: Context) => (await issueApiKey(ctx.t.actions, SYSTEM, { name: 'Matrix key' })).apiKey.id;
const PUBLIC_HOOK = 'https://93.184.215.14/hooks';
const freshWebhook = async (ctx: Context) =>
  (await registerWebhook(ctx.t.actions, SYSTEM, { serviceCode: 'en', url: PUBLIC_HOOK, events: ['story.published'] })).endpoint.id;
const freshDelivery = async (ctx: Context) => {
  const endpointId = await freshWebhook(ctx);
  const delivery = await ctx.t.store.transaction((repos) =>
    repos.webhooks.insertDelivery({ messageId: `msg_${Math.random().toString(36).slice(2)}`, endpointId, event: 'story.published', payload: '{}' }, new Date()),
  );
  return delivery.id;
};

const OPERATIONS: readonly Operation[] = [
  { method: 'GET', route: '/session', allowed: SIGNED_IN, prepare: async () => ({ url: '/session' }) },
  { method: 'DELETE', route: '/session', allowed: SIGNED_IN, prepare: async () => ({ url: '/session' }) },
  { method: 'POST', route: '/session/sign-out-everywhere', allowed: SIGNED_IN, prepare: async () => ({ url: '/session/sign-out-everywhere' }) },
  { method: 'PUT', route: '/session/locale', allowed: SIGNED_IN, prepare: async () => ({ url: '/session/locale', payload: { locale: 'en' } }) },
  {
    method: 'GET',
    route: '/stories/{id}/translations',
    allowed: READERS_EN,
    prepare: async (ctx) => ({ url: `/stories/${await reporterStory(ctx)}/translations` }),
  },
  {
    method: 'PUT',
    route: '/stories/{id}/translations',
    allowed: ['admin', 'editor-en', 'reporter-en'],
    prepare: async (ctx) => ({ url: `/stories/${await reporterStory(ctx)}/translations`, payload: { storyIds: [] } }),
  },
  { method: 'GET', route: '/stories', allowed: SIGNED_IN, prepare: async () => ({ url: '/stories' }) },
  { method: 'POST', route: '/stories', allowed: ['admin', 'editor-en', 'reporter-en'], prepare: async () => ({ url: '/stories', payload: storyInput() }) },
  {
    method: 'GET',
    route: '/stories/{id}',
    allowed: READERS_EN,
    prepare: async (ctx) => ({ url: `/stories/${await reporterStory(ctx)}` }),
  },
  {
    method: 'PUT',
    route: '/stories/{id}',
    allowed: ['admin', 'editor-en', 'reporter-en'],
    prepare: async (ctx) => ({ url: `/stories/${await reporterStory(ctx)}`, payload: { ...storyInput({ headline: 'Edited' }), version: 1 } }),
  },
  {
    method: 'DELETE',
    route: '/stories/{id}',
    allowed: ['admin', 'editor-en', 'reporter-en'],
    prepare: async (ctx) => ({ url: `/stories/${await reporterStory(ctx)}` }),
  },
  {
    method: 'POST',
    route: '/stories/{id}/file',
    allowed: ['admin', 'editor-en', 'reporter-en'],
    prepare: async (ctx) => ({ url: `/stories/${await reporterStory(ctx)}/file` }),
  },
  {
    method: 'POST',
    route: '/stories/{id}/publish',
    allowed: ['admin', 'editor-en'],
    prepare: async (ctx) => ({ url: `/stories/${await reporterStory(ctx)}/publish`, payload: {} }),
  },
  {
    method: 'POST',
    route: '/stories/{id}/unpublish',
    allowed: ['admin', 'editor-en'],
    prepare: async (ctx) => ({ url: `/stories/${await publishedStory(ctx)}/unpublish` }),
  },
  {
    method: 'POST',
    route: '/stories/{id}/update',
    allowed: ['admin', 'editor-en'],
    prepare: async (ctx) => ({ url: `/stories/${await reporterLiveStoryWithChanges(ctx)}/update`, payload: {} }),
  },
  {
    method: 'POST',
    route: '/stories/{id}/discard',
    allowed: ['admin', 'editor-en', 'reporter-en'],
    prepare: async (ctx) => ({ url: `/stories/${await reporterLiveStoryWithChanges(ctx)}/discard` }),
  },
  {
    method: 'POST',
    route: '/stories/{id}/cancel-schedule',
    allowed: ['admin', 'editor-en'],
    prepare: async (ctx) => ({ url: `/stories/${await scheduledStory(ctx)}/cancel-schedule` }),
  },
  {
    method: 'POST',
    route: '/stories/{id}/notes',
    allowed: ['admin', 'editor-en'],
    prepare: async (ctx) => ({ url: `/stories/${await publishedStory(ctx)}/notes`, payload: { kind: 'correction', text: 'An earlier version misspelt a name.' } }),
  },
  {
    method: 'PUT',
    route: '/stories/{id}/live',
    allowed: ['admin', 'editor-en'],
    prepare: async (ctx) => ({ url: `/stories/${await publishedStory(ctx)}/live`, payload: { live: true } }),
  },
  {
    method: 'GET',
    route: '/stories/{id}/live/entries',
    allowed: READERS_EN,
    prepare: async (ctx) => ({ url: `/stories/${(await liveEntry(ctx)).storyId}/live/entries` }),
  },
  {
    method: 'POST',
    route: '/stories/{id}/live/entries',
    allowed: ['admin', 'editor-en'],
    prepare: async (ctx) => ({ url: `/stories/${(await liveEntry(ctx)).storyId}/live/entries`, payload: ENTRY }),
  },
  {
    method: 'PUT',
    route: '/stories/{id}/live/entries/{entryId}',
    allowed: ['admin', 'editor-en'],
    prepare: async (ctx) => {
      const { storyId, entryId } = await liveEntry(ctx);
      return { url: `/stories/${storyId}/live/entries/${entryId}`, payload: { ...ENTRY, version: 1 } };
    },
  },
  {
    method: 'DELETE',
    route: '/stories/{id}/live/entries/{entryId}',
    allowed: ['admin', 'editor-en'],
    prepare: async (ctx) => {
      const { storyId, entryId } = await liveEntry(ctx);
      return { url: `/stories/${storyId}/live/entries/${entryId}` };
    },
  },
  {
    method: 'GET',
    route: '/stories/{id}/live/entries/{entryId}/revisions',
    allowed: READERS_EN,
    prepare: async (ctx) => {
      const { storyId, entryId } = await liveEntry(ctx);
      return { url: `/stories/${storyId}/live/entries/${entryId}/revisions` };
    },
  },
  {
    method: 'PUT',
    route: '/stories/{id}/comments-state',
    allowed: ['admin', 'editor-en', 'moderator-en'],
    prepare: async (ctx) => ({ url: `/stories/${await publishedStory(ctx)}/comments-state`, payload: { state: 'closed' } }),
  },
  {
    method: 'GET',
    route: '/stories/{id}/revisions',
    allowed: READERS_EN,
    prepare: async (ctx) => ({ url: `/stories/${await reporterStory(ctx)}/revisions` }),
  },
  {
    method: 'GET',
    route: '/stories/{id}/revisions/diff',
    allowed: READERS_EN,
    prepare: async (ctx) => {
      const id = await reporterStory(ctx);
      const [revision] = (await ctx.t.store.read.revisions.list(id, 1, 0)).items;
      return { url: `/stories/${id}/revisions/diff?from=${revision!.id}&to=${revision!.id}` };
    },
  },
  {
    method: 'POST',
    route: '/stories/{id}/revisions/{revisionId}/restore',
    allowed: ['admin', 'editor-en', 'reporter-en'],
    prepare: async (ctx) => {
      const id = await reporterStory(ctx);
      const [revision] = (await ctx.t.store.read.revisions.list(id, 1, 0)).items;
      return { url: `/stories/${id}/revisions/${revision!.id}/restore`, payload: { version: 1 } };
    },
  },
  {
    method: 'POST',
    route: '/alerts',
    allowed: ['admin', 'editor-en'],
    prepare: async () => ({ url: '/alerts', payload: { serviceCode: 'en', text: 'Polls close', durationMinutes: 30 } }),
  },
  {
    method: 'POST',
    route: '/alerts/{id}/expire',
    allowed: ['admin', 'editor-en'],
    prepare: async (ctx) => {
      const alert = await createAlert(ctx.t.actions, SYSTEM, { serviceCode: 'en', text: 'Polls close', durationMinutes: 30 });
      return { url: `/alerts/${alert.id}/expire` };
    },
  },
  { method: 'GET', route: '/comments/queue', allowed: MODERATORS_EN, prepare: async () => ({ url: '/comments/queue?service=en' }) },
  ...(['approve', 'reject', 'spam'] as const).map(
    (verb): Operation => ({
      method: 'POST',
      route: `/comments/{id}/${verb}`,
      allowed: MODERATORS_EN,
      prepare: async (ctx) => ({ url: `/comments/${await readerComment(ctx)}/${verb}` }),
    }),
  ),
  {
    method: 'POST',
    route: '/comments/{id}/ban',
    allowed: MODERATORS_EN,
    prepare: async (ctx) => ({ url: `/comments/${await readerComment(ctx)}/ban`, payload: { token: true, pseudonym: true } }),
  },
  {
    method: 'POST',
    route: '/comments/bulk',
    allowed: MODERATORS_EN,
    prepare: async (ctx) => ({ url: '/comments/bulk', payload: { ids: [await readerComment(ctx)], decision: 'reject' } }),
  },
  { method: 'GET', route: '/comments/bans', allowed: MODERATORS_EN, prepare: async () => ({ url: '/comments/bans?service=en' }) },
  {
    method: 'POST',
    route: '/comments/bans/{id}/lift',
    allowed: MODERATORS_EN,
    prepare: async (ctx) => {
      const { banIds } = await banCommentAuthor(ctx.t.actions, SYSTEM, await readerComment(ctx), { kinds: ['token'], endsAt: null, removeQueued: false });
      return { url: `/comments/bans/${banIds[0]!}/lift` };
    },
  },
  { method: 'GET', route: '/services/{code}/comment-settings', allowed: MODERATORS_EN, prepare: async () => ({ url: '/services/en/comment-settings' }) },
  {
    method: 'PUT',
    route: '/services/{code}/comment-settings',
    allowed: ['admin', 'editor-en'],
    prepare: async () => ({ url: '/services/en/comment-settings', payload: { moderation: 'post', bannedWords: ['scam'] } }),
  },
  { method: 'GET', route: '/profiles', allowed: SIGNED_IN, prepare: async () => ({ url: '/profiles?q=roza' }) },
  { method: 'GET', route: '/profiles/{id}', allowed: SIGNED_IN, prepare: async (ctx) => ({ url: `/profiles/${await enProfile(ctx)}` }) },
  {
    method: 'POST',
    route: '/profiles',
    allowed: ['admin', 'editor-en'],
    prepare: async () => ({ url: '/profiles', payload: { kind: 'person', name: 'Roza Otunbaeva', serviceCode: 'en' } }),
  },
  {
    method: 'PUT',
    route: '/profiles/{id}',
    allowed: ['admin', 'editor-en'],
    prepare: async (ctx) => ({ url: `/profiles/${await enProfile(ctx)}`, payload: { summary: 'Interim leader.' } }),
  },
  { method: 'GET', route: '/alerts', allowed: ['admin', 'editor-en'], prepare: async () => ({ url: '/alerts?service=en' }) },
  { method: 'GET', route: '/services', allowed: SIGNED_IN, prepare: async () => ({ url: '/services' }) },
  {
    method: 'POST',
    route: '/services',
    allowed: ['admin'],
    prepare: async () => ({ url: '/services', payload: { code: freshCode(), name: 'Service', locale: 'en', direction: 'ltr', outlet: 'RFE/RL' } }),
  },
  { method: 'PUT', route: '/services/{code}', allowed: ['admin'], prepare: async () => ({ url: '/services/en', payload: { outlet: 'RFE/RL' } }) },
  { method: 'GET', route: '/services/{code}/info', allowed: ['admin'], prepare: async () => ({ url: '/services/en/info' }) },
  {
    method: 'PUT',
    route: '/services/{code}/info',
    allowed: ['admin'],
    prepare: async () => ({ url: '/services/en/info', payload: { about: 'About us.', email: 'desk@example.org', postal: '', phone: '' } }),
  },
  { method: 'GET', route: '/services/{code}/front-page', allowed: ['admin', 'editor-en'], prepare: async () => ({ url: '/services/en/front-page' }) },
  { method: 'PUT', route: '/services/{code}/front-page', allowed: ['admin', 'editor-en'], prepare: async () => ({ url: '/services/en/front-page', payload: { storyIds: [] } }) },
  { method: 'GET', route: '/sections', allowed: SIGNED_IN, prepare: async () => ({ url: '/sections?service=en' }) },
  {
    method: 'POST',
    route: '/sections',
    allowed: ['admin'],
    prepare: async () => ({ url: '/sections', payload: { serviceCode: 'en', slug: freshCode(), name: 'Asia' } }),
  },
  {
    method: 'PUT',
    route: '/sections/{id}',
    allowed: ['admin'],
    prepare: async (ctx) => {
      const [section] = await ctx.t.store.read.services.listSections('en');
      return { url: `/sections/${section!.id}`, payload: { name: 'News' } };
    },
  },
  { method: 'GET', route: '/media', allowed: MEDIA_PEOPLE, prepare: async () => ({ url: '/media?q=protest&kind=video' }) },
  {
    method: 'GET',
    route: '/media/{id}',
    allowed: MEDIA_PEOPLE,
    prepare: async (ctx) => ({ url: `/media/${(await givenMediaItem(ctx.t.actions)).id}` }),
  },
  {
    method: 'PATCH',
    route: '/media/{id}',
    allowed: MEDIA_PEOPLE,
    prepare: async (ctx) => ({ url: `/media/${(await givenMediaItem(ctx.t.actions)).id}`, payload: { caption: 'WATCH: the square' } }),
  },
  {
    method: 'PUT',
    route: '/media/{id}/captions/{language}',
    allowed: MEDIA_PEOPLE,
    prepare: async (ctx) => ({
      url: `/media/${(await givenMediaItem(ctx.t.actions)).id}/captions/en`,
      payload: { label: 'English', vtt: 'WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n' },
    }),
  },
  { method: 'GET', route: '/users', allowed: ['admin'], prepare: async () => ({ url: '/users' }) },
  { method: 'GET', route: '/audit', allowed: ['admin'], prepare: async () => ({ url: '/audit' }) },
  { method: 'GET', route: '/tokens', allowed: SIGNED_IN, prepare: async () => ({ url: '/tokens' }) },
  // Tokens are made from a session, never with a token (the matrix walks with tokens; accounts.test.ts has the session side).
  { method: 'POST', route: '/tokens', allowed: [], prepare: async () => ({ url: '/tokens', payload: { label: 'more' } }) },
  { method: 'DELETE', route: '/tokens/{id}', allowed: ['admin', 'reporter-en'], prepare: async (ctx) => ({ url: `/tokens/${await reporterToken(ctx)}` }) },
  { method: 'POST', route: '/users/{id}/disable', allowed: ['admin'], prepare: async (ctx) => ({ url: `/users/${await freshUser(ctx)}/disable` }) },
  { method: 'POST', route: '/users/{id}/enable', allowed: ['admin'], prepare: async (ctx) => ({ url: `/users/${await freshUser(ctx)}/enable` }) },
  {
    method: 'POST',
    route: '/users',
    allowed: ['admin'],
    prepare: async () => ({ url: '/users', payload: { email: `new-${Math.random().toString(36).slice(2)}@example.org`, name: 'New', grants: [] } }),
  },
  { method: 'GET', route: '/content-api-keys', allowed: ['admin'], prepare: async () => ({ url: '/content-api-keys' }) },
  { method: 'POST', route: '/content-api-keys', allowed: ['admin'], prepare: async () => ({ url: '/content-api-keys', payload: { name: 'Partner' } }) },
  { method: 'POST', route: '/content-api-keys/{id}/revoke', allowed: ['admin'], prepare: async (ctx) => ({ url: `/content-api-keys/${await freshApiKey(ctx)}/revoke` }) },
  { method: 'GET', route: '/webhooks', allowed: ['admin'], prepare: async () => ({ url: '/webhooks' }) },
  { method: 'POST', route: '/webhooks', allowed: ['admin'], prepare: async () => ({ url: '/webhooks', payload: { serviceCode: 'en', url: PUBLIC_HOOK, events: ['story.published'] } }) },
  { method: 'POST', route: '/webhooks/{id}/disable', allowed: ['admin'], prepare: async (ctx) => ({ url: `/webhooks/${await freshWebhook(ctx)}/disable` }) },
  { method: 'GET', route: '/webhooks/{id}/deliveries', allowed: ['admin'], prepare: async (ctx) => ({ url: `/webhooks/${await freshWebhook(ctx)}/deliveries` }) },
  { method: 'POST', route: '/webhook-deliveries/{id}/redeliver', allowed: ['admin'], prepare: async (ctx) => ({ url: `/webhook-deliveries/${await freshDelivery(ctx)}/redeliver` }) },
];

/**
 * The newsroom's story pages and forms, walked the same way (with personal tokens, which the
 * newsroom accepts like the Admin API): allowed GETs answer 200 and forms 303, a signed-in role
 * that may not gets 403, and the signed-out are sent to the sign-in page (303).
 */
interface NewsroomOperation {
  readonly method: 'GET' | 'POST';
  readonly route: string;
  readonly allowed: readonly Who[];
  readonly prepare: (ctx: Context) => Promise<{ url: string; form?: Record<string, string> }>;
  /** What an allowed caller gets, when not 200 for a page or 303 for a form. */
  readonly success?: number;
}

async function firstRevision(ctx: Context, id: number): Promise<number> {
  return (await ctx.t.store.read.revisions.list(id, 1, 0)).items[0]!.id;
}

const WRITERS_EN: readonly Who[] = ['admin', 'editor-en', 'reporter-en'];
const EDITORS_EN: readonly Who[] = ['admin', 'editor-en'];
const inTwoDays = () => new Date(Date.now() + 48 * 3600_000).toISOString().slice(0, 10);

const NEWSROOM_OPERATIONS: readonly NewsroomOperation[] = [
  { method: 'GET', route: '/newsroom/stories', allowed: SIGNED_IN, prepare: async () => ({ url: '/newsroom/stories' }) },
  { method: 'GET', route: '/newsroom/stories/new', allowed: ['admin', 'editor-en', 'editor-ru', 'reporter-en'], prepare: async () => ({ url: '/newsroom/stories/new' }) },
  { method: 'POST', route: '/newsroom/stories', allowed: WRITERS_EN, prepare: async () => ({ url: '/newsroom/stories', form: { serviceCode: 'en', headline: 'New', body: 'Words.' } }) },
  { method: 'GET', route: '/newsroom/stories/:id', allowed: READERS_EN, prepare: async (ctx) => ({ url: `/newsroom/stories/${await reporterStory(ctx)}` }) },
  {
    method: 'POST',
    route: '/newsroom/stories/:id',
    allowed: WRITERS_EN,
    prepare: async (ctx) => ({ url: `/newsroom/stories/${await reporterStory(ctx)}`, form: { version: '1', serviceCode: 'en', headline: 'Edited', bylines: 'A. Reporter', bodyJson: '[]' } }),
  },
  { method: 'POST', route: '/newsroom/stories/:id/delete', allowed: WRITERS_EN, prepare: async (ctx) => ({ url: `/newsroom/stories/${await reporterStory(ctx)}/delete`, form: {} }) },
  {
    method: 'POST',
    route: '/newsroom/stories/bulk',
    allowed: WRITERS_EN,
    prepare: async (ctx) => ({ url: '/newsroom/stories/bulk', form: { action: 'file', [`story.${await reporterStory(ctx)}`]: '1' } }),
  },
  { method: 'POST', route: '/newsroom/stories/:id/file', allowed: WRITERS_EN, prepare: async (ctx) => ({ url: `/newsroom/stories/${await reporterStory(ctx)}/file`, form: {} }) },
  { method: 'POST', route: '/newsroom/stories/:id/publish', allowed: EDITORS_EN, prepare: async (ctx) => ({ url: `/newsroom/stories/${await reporterStory(ctx)}/publish`, form: {} }) },
  {
    method: 'POST',
    route: '/newsroom/stories/:id/publish (schedule)',
    allowed: EDITORS_EN,
    prepare: async (ctx) => ({ url: `/newsroom/stories/${await reporterStory(ctx)}/publish`, form: { date: inTwoDays(), time: '10:00' } }),
  },
  { method: 'POST', route: '/newsroom/stories/:id/update', allowed: EDITORS_EN, prepare: async (ctx) => ({ url: `/newsroom/stories/${await reporterLiveStoryWithChanges(ctx)}/update`, form: {} }) },
  { method: 'POST', route: '/newsroom/stories/:id/discard', allowed: WRITERS_EN, prepare: async (ctx) => ({ url: `/newsroom/stories/${await reporterLiveStoryWithChanges(ctx)}/discard`, form: {} }) },
  { method: 'POST', route: '/newsroom/stories/:id/cancel-schedule', allowed: EDITORS_EN, prepare: async (ctx) => ({ url: `/newsroom/stories/${await scheduledStory(ctx)}/cancel-schedule`, form: {} }) },
  { method: 'GET', route: '/newsroom/upcoming', allowed: SIGNED_IN, prepare: async () => ({ url: '/newsroom/upcoming' }) },
  { method: 'POST', route: '/newsroom/stories/:id/unpublish', allowed: EDITORS_EN, prepare: async (ctx) => ({ url: `/newsroom/stories/${await publishedStory(ctx)}/unpublish`, form: {} }) },
  {
    method: 'POST',
    route: '/newsroom/stories/:id/notes',
    allowed: EDITORS_EN,
    prepare: async (ctx) => ({ url: `/newsroom/stories/${await publishedStory(ctx)}/notes`, form: { kind: 'update', text: 'Updated with the final count.' } }),
  },
  {
    method: 'POST',
    route: '/newsroom/stories/:id/comments-state',
    allowed: MODERATORS_EN,
    prepare: async (ctx) => ({ url: `/newsroom/stories/${await publishedStory(ctx)}/comments-state`, form: { state: 'closed' } }),
  },
  { method: 'GET', route: '/newsroom/stories/:id/revisions', allowed: READERS_EN, prepare: async (ctx) => ({ url: `/newsroom/stories/${await reporterStory(ctx)}/revisions` }) },
  { method: 'GET', route: '/newsroom/stories/:id/live', allowed: READERS_EN, prepare: async (ctx) => ({ url: `/newsroom/stories/${(await liveEntry(ctx)).storyId}/live` }) },
  { method: 'POST', route: '/newsroom/stories/:id/live', allowed: EDITORS_EN, prepare: async (ctx) => ({ url: `/newsroom/stories/${await publishedStory(ctx)}/live`, form: { live: 'on' } }) },
  {
    method: 'POST',
    route: '/newsroom/stories/:id/live/entries',
    allowed: EDITORS_EN,
    prepare: async (ctx) => ({ url: `/newsroom/stories/${(await liveEntry(ctx)).storyId}/live/entries`, form: { text: 'Results are in.' } }),
  },
  {
    method: 'GET',
    route: '/newsroom/stories/:id/live/entries/:entryId',
    allowed: EDITORS_EN,
    prepare: async (ctx) => {
      const { storyId, entryId } = await liveEntry(ctx);
      return { url: `/newsroom/stories/${storyId}/live/entries/${entryId}` };
    },
  },
  {
    method: 'POST',
    route: '/newsroom/stories/:id/live/entries/:entryId',
    allowed: EDITORS_EN,
    prepare: async (ctx) => {
      const { storyId, entryId } = await liveEntry(ctx);
      return { url: `/newsroom/stories/${storyId}/live/entries/${entryId}`, form: { text: 'Polls closed.', pinned: 'on', version: '1' } };
    },
  },
  {
    method: 'POST',
    route: '/newsroom/stories/:id/live/entries/:entryId/delete',
    allowed: EDITORS_EN,
    prepare: async (ctx) => {
      const { storyId, entryId } = await liveEntry(ctx);
      return { url: `/newsroom/stories/${storyId}/live/entries/${entryId}/delete`, form: {} };
    },
  },
  {
    method: 'GET',
    route: '/newsroom/stories/:id/revisions/diff',
    allowed: READERS_EN,
    prepare: async (ctx) => {
      const id = await reporterStory(ctx);
      const revision = await firstRevision(ctx, id);
      return { url: `/newsroom/stories/${id}/revisions/diff?from=${revision}&to=${revision}` };
    },
  },
  {
    method: 'POST',
    route: '/newsroom/stories/:id/revisions/:revisionId/restore',
    allowed: WRITERS_EN,
    prepare: async (ctx) => {
      const id = await reporterStory(ctx);
      return { url: `/newsroom/stories/${id}/revisions/${await firstRevision(ctx, id)}/restore`, form: { version: '1' } };
    },
  },
  { method: 'GET', route: '/newsroom/stories/:id/preview', allowed: READERS_EN, prepare: async (ctx) => ({ url: `/newsroom/stories/${await reporterStory(ctx)}/preview` }) },
  {
    method: 'POST',
    route: '/newsroom/stories/:id/preview',
    allowed: READERS_EN,
    success: 200,
    prepare: async (ctx) => ({ url: `/newsroom/stories/${await reporterStory(ctx)}/preview`, form: { serviceCode: 'en', headline: 'Unsaved', bodyJson: '[]' } }),
  },
  { method: 'GET', route: '/newsroom/account', allowed: SIGNED_IN, prepare: async () => ({ url: '/newsroom/account' }) },
  { method: 'POST', route: '/newsroom/account/tokens', allowed: [], prepare: async () => ({ url: '/newsroom/account/tokens', form: { label: 'more' } }) },
  { method: 'POST', route: '/newsroom/tokens/:id/revoke', allowed: ['admin', 'reporter-en'], prepare: async (ctx) => ({ url: `/newsroom/tokens/${await reporterToken(ctx)}/revoke`, form: {} }) },
  { method: 'GET', route: '/newsroom/users', allowed: ['admin'], prepare: async () => ({ url: '/newsroom/users' }) },
  { method: 'GET', route: '/newsroom/users/:id', allowed: ['admin'], prepare: async (ctx) => ({ url: `/newsroom/users/${await freshUser(ctx)}` }) },
  { method: 'POST', route: '/newsroom/users/:id/disable', allowed: ['admin'], prepare: async (ctx) => ({ url: `/newsroom/users/${await freshUser(ctx)}/disable`, form: {} }) },
  { method: 'POST', route: '/newsroom/users/:id/enable', allowed: ['admin'], prepare: async (ctx) => ({ url: `/newsroom/users/${await freshUser(ctx)}/enable`, form: {} }) },
  { method: 'GET', route: '/newsroom/distribution', allowed: ['admin'], prepare: async () => ({ url: '/newsroom/distribution' }) },
  { method: 'POST', route: '/newsroom/distribution/keys', allowed: ['admin'], success: 200, prepare: async () => ({ url: '/newsroom/distribution/keys', form: { name: 'Partner' } }) },
  { method: 'POST', route: '/newsroom/distribution/keys/:id/revoke', allowed: ['admin'], prepare: async (ctx) => ({ url: `/newsroom/distribution/keys/${await freshApiKey(ctx)}/revoke`, form: {} }) },
  {
    method: 'POST',
    route: '/newsroom/distribution/webhooks',
    allowed: ['admin'],
    success: 200,
    prepare: async () => ({ url: '/newsroom/distribution/webhooks', form: { serviceCode: 'en', url: PUBLIC_HOOK, 'event:story.published': '1' } }),
  },
  { method: 'POST', route: '/newsroom/distribution/webhooks/:id/disable', allowed: ['admin'], prepare: async (ctx) => ({ url: `/newsroom/distribution/webhooks/${await freshWebhook(ctx)}/disable`, form: {} }) },
  { method: 'GET', route: '/newsroom/distribution/webhooks/:id', allowed: ['admin'], prepare: async (ctx) => ({ url: `/newsroom/distribution/webhooks/${await freshWebhook(ctx)}` }) },
  { method: 'POST', route: '/newsroom/distribution/deliveries/:id/redeliver', allowed: ['admin'], prepare: async (ctx) => ({ url: `/newsroom/distribution/deliveries/${await freshDelivery(ctx)}/redeliver`, form: {} }) },
];

/** Signing in is open to all by nature; it has tests of its own (admin-sessions.test.ts). */
const PUBLIC_OPERATIONS = ['POST /session'];

const SUCCESS: Readonly<Record<string, number>> = { 'POST /stories': 201, 'POST /stories/{id}/live/entries': 201, 'POST /alerts': 201, 'POST /users': 201, 'POST /profiles': 201, 'POST /services': 201, 'POST /sections': 201, 'POST /content-api-keys': 201, 'POST /webhooks': 201 };

describe.each(STORE_KINDS)('permission matrix on %s', (kind) => {
  let t: TestApp;
  let ctx: Context;
  const tokens = new Map<Who, Record<string, string>>();

  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions, 'en');
    await givenService(t.actions, 'ru');
    const admin = await givenUser(t.actions, 'admin', [{ role: 'admin', serviceCode: null }]);
    const editorEn = await givenUser(t.actions, 'editor-en', [{ role: 'editor', serviceCode: 'en' }]);
    const editorRu = await givenUser(t.actions, 'editor-ru', [{ role: 'editor', serviceCode: 'ru' }]);
    const reporterEn = await givenUser(t.actions, 'reporter-en', [{ role: 'reporter', serviceCode: 'en' }]);
    const moderatorEn = await givenUser(t.actions, 'moderator-en', [{ role: 'moderator', serviceCode: 'en' }]);
    tokens.set('admin', admin.bearer);
    tokens.set('editor-en', editorEn.bearer);
    tokens.set('editor-ru', editorRu.bearer);
    tokens.set('reporter-en', reporterEn.bearer);
    tokens.set('moderator-en', moderatorEn.bearer);
    tokens.set('signed-out', {});
    tokens.set('bad-token', { authorization: 'Bearer dl_not-a-real-token' });
    ctx = { t, reporterId: reporterEn.id };
  });
  afterAll(async () => t.close());

  it('covers every operation of the OpenAPI document, and nothing else', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: `${API}/openapi.json` })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
    expect(documented.filter((op) => !PUBLIC_OPERATIONS.includes(op)).sort()).toEqual(OPERATIONS.map((op) => `${op.method} ${op.route}`).sort());
  });

  for (const op of OPERATIONS) {
    it(`${op.method} ${op.route}: ${op.allowed.join(', ')} may; others are refused`, async () => {
      const outcomes: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const who of EVERYONE) {
        const { url, payload } = await op.prepare(ctx);
        const response = await t.app.inject({
          method: op.method,
          url: API + url,
          headers: tokens.get(who) ?? {},
          ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
        });
        outcomes[who] = response.statusCode;
        expected[who] = op.allowed.includes(who)
          ? (SUCCESS[`${op.method} ${op.route}`] ?? 200)
          : who === 'signed-out' || who === 'bad-token'
            ? 401
            : 403;
      }
      expect(outcomes).toEqual(expected);
    });
  }

  for (const op of NEWSROOM_OPERATIONS) {
    it(`newsroom ${op.method} ${op.route}: ${op.allowed.join(', ')} may; others are refused`, async () => {
      const outcomes: Record<string, number | string> = {};
      const expected: Record<string, number | string> = {};
      for (const who of EVERYONE) {
        const { url, form } = await op.prepare(ctx);
        const response = await t.app.inject({
          method: op.method,
          url,
          headers: { ...(tokens.get(who) ?? {}), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
          ...(form ? { payload: new URLSearchParams(form).toString() } : {}),
        });
        outcomes[who] = response.statusCode === 303 && response.headers.location === '/newsroom/sign-in' ? 'sign-in' : response.statusCode;
        expected[who] = op.allowed.includes(who) ? (op.success ?? (op.method === 'GET' ? 200 : 303)) : who === 'signed-out' || who === 'bad-token' ? 'sign-in' : 403;
      }
      expect(outcomes).toEqual(expected);
    });
  }

  it('refuses a reporter signed in with a session cookie the same way as with a token', async () => {
    await givenUser(t.actions, 'reporter-session', [{ role: 'reporter', serviceCode: 'en' }], { withPassword: true });
    const session = await signInAs(t, 'reporter-session@example.org');
    const id = await reporterStory(ctx);
    const response = await t.app.inject({ method: 'POST', url: `${API}/stories/${id}/publish`, headers: session.headers, payload: {} });
    expect(response.statusCode).toBe(403);
    expect((await t.store.read.stories.findById(id))?.status).toBe('draft');
  });
});
