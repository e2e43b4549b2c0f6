import { embedPath } from '../../../domain/distribution/embed-paths.js';
import { FEED_FORMATS, feedPath } from '../../../domain/distribution/feed-paths.js';
import type { MediaItem } from '../../../domain/media/media.js';
import type { Profile } from '../../../domain/profile/profile.js';
import type { LanguageService, Section, Tag } from '../../../domain/service/service.js';
import { leadMediaText } from '../../../domain/story/lead-media-text.js';
import { storyPath } from '../../../domain/story/story-path.js';
import type { ContentLiveState, ContentStory, StoryCursor } from '../../../actions/content-api/read-content.js';
import type { LiveEntry } from '../../../domain/story/live-entry.js';
import type { Story } from '../../../domain/story/story.js';
import { invalid } from '../../../domain/shared/errors.js';
import type { Static } from 'typebox';
import { liveEntriesPath } from './paths.js';
import type { BodyElement } from './schemas.js';

/** Absolute addresses: API clients are other sites and apps. */
export type Absolute = (path: string) => string;

export function serviceJson(service: LanguageService, sections: readonly Section[], absolute: Absolute) {
  const feeds = Object.fromEntries(FEED_FORMATS.map((f) => [f, absolute(feedPath({ kind: 'service', serviceCode: service.code }, f))])) as Record<'rss' | 'atom' | 'json', string>;
  return {
    code: service.code,
    name: service.name,
    locale: service.locale,
    direction: service.direction,
    url: absolute(`/${service.code}/`),
    feeds,
    sections: sections.map((s) => ({ slug: s.slug, name: s.name, url: absolute(`/${service.code}/s/${encodeURIComponent(s.slug)}`), podcast: s.podcast })),
  };
}

export function tagJson(tag: Tag, absolute: Absolute) {
  return { slug: tag.slug, name: tag.name, url: absolute(`/${tag.serviceCode}/t/${encodeURIComponent(tag.slug)}`) };
}

export function mediaJson(item: MediaItem, absolute: Absolute, mediaBase: string) {
  const ready = item.state === 'ready';
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    caption: item.caption,
    credit: item.credit,
    alt: item.altText,
    durationMs: item.durationMs,
    embedUrl: item.kind !== 'image' && ready ? absolute(embedPath(item.id)) : null,
    renditions: ready
      ? item.renditions.map((r) => ({ kind: r.kind, label: r.label, url: absolute(`${mediaBase}${r.path}`), mimeType: r.mimeType, width: r.width, height: r.height, bytes: r.sizeBytes }))
      : [],
    captions: ready ? item.captions.map((c) => ({ language: c.language, label: c.label, url: absolute(`${mediaBase}${c.path}`) })) : [],
  };
}

export function profileJson(profile: Profile) {
  return { id: profile.id, kind: profile.kind, name: profile.name, summary: profile.summary, slug: profile.slug, service: profile.serviceCode };
}

/** A story's live coverage, with the address of its entries (`story` is the story's id). */
export function liveStateJson(live: ContentLiveState | null, storyId: number, absolute: Absolute) {
  if (!live) return null;
  return {
    state: live.since ? ('live' as const) : ('ended' as const),
    since: live.since?.toISOString() ?? null,
    entryCount: live.entryCount,
    entries: absolute(liveEntriesPath(storyId)),
  };
}

export function liveEntryJson(entry: LiveEntry, story: Story, absolute: Absolute) {
  return {
    id: entry.id,
    url: `${absolute(storyPath(story))}#entry-${entry.id}`,
    pinned: entry.pinned,
    keyEvent: entry.keyEvent,
    postedAt: entry.createdAt.toISOString(),
    updatedAt: entry.modifiedAt.getTime() > entry.createdAt.getTime() ? entry.modifiedAt.toISOString() : null,
    // Stored bodies were checked by parseBody; the response schema allowlists each element's fields.
    body: entry.body as unknown as Static<typeof BodyElement>[],
  };
}

export function storyJson(entry: ContentStory, absolute: Absolute, mediaBase: string) {
  const { story } = entry;
  const lead = story.leadMediaId !== null ? leadMediaText(story, entry.media.get(story.leadMediaId)) : null;
  return {
    id: story.id,
    service: story.serviceCode,
    url: absolute(storyPath(story)),
    slug: story.slug,
    headline: story.headline,
    deck: story.deck,
    dateline: story.dateline,
    bylines: [...story.bylines],
    credits: [...story.credits],
    section: entry.section ? { slug: entry.section.slug, name: entry.section.name } : null,
    tags: entry.tags.map((t) => ({ slug: t.slug, name: t.name })),
    publishedAt: (story.publishedAt ?? story.createdAt).toISOString(),
    updatedAt: story.updatedAt?.toISOString() ?? null,
    notes: story.notes.map((n) => ({ kind: n.kind, text: n.text, at: n.at.toISOString() })),
    leadMediaId: story.leadMediaId,
    leadMediaCaption: lead?.caption ?? null,
    leadMediaCredit: lead?.credit ?? null,
    live: liveStateJson(entry.live, story.id, absolute),
    // The stored body was checked by parseBody; the response schema allowlists each element's fields.
    body: story.body as unknown as Static<typeof BodyElement>[],
    media: [...entry.media.values()].map((m) => mediaJson(m, absolute, mediaBase)),
    profiles: [...entry.profiles.values()].map(profileJson),
    translations: entry.translations.map((t) => ({ id: t.id, service: t.serviceCode, locale: t.locale, url: absolute(storyPath(t)), headline: t.headline })),
  };
}

/** Cursors are opaque to clients: base64url of the position's time and id. */
export function encodeCursor(cursor: StoryCursor): string {
  return Buffer.from(`${cursor.publishedAt.getTime()}.${cursor.id}`).toString('base64url');
}

export function decodeCursor(text: string): StoryCursor {
  const match = /^(\d{1,15})\.(\d{1,10})$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  const id = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(id) || id < 1) throw invalid('CURSOR_INVALID', 'cursor is not one this API gave', 'cursor');
  return { publishedAt: new Date(Number(match[1])), id };
}
