import type { Alert } from '../../domain/alert/alert.js';
import { notFound } from '../../domain/shared/errors.js';
import { isVisibleToReaders } from '../../domain/story/story.js';
import type { DatelineEvent } from '../../events/events.js';
import type { ActionDeps } from '../deps.js';
import { loadMasthead } from './load-masthead.js';

/** The service's breaking alert as open pages show it: `null` when none is live. */
export interface LiveAlert {
  readonly id: number;
  readonly text: string;
  readonly linkUrl: string | null;
  /** Milliseconds since the epoch: the page takes the banner down then, even if nothing else arrives. */
  readonly expiresAt: number;
}

/** What a live stream carries to open pages: only what readers may already see. */
export type LiveUpdate =
  /** `now` is the server's time, so a page takes the banner down on time whatever its own clock says. */
  | { readonly type: 'alert'; readonly serviceCode: string; readonly alert: LiveAlert | null; readonly now: number }
  | { readonly type: 'story'; readonly serviceCode: string; readonly storyId: number }
  | { readonly type: 'comments'; readonly serviceCode: string; readonly storyId: number; readonly count: number }
  /** An entry of a live story was posted or edited (its new version), or deleted (version null). */
  | { readonly type: 'entry'; readonly serviceCode: string; readonly storyId: number; readonly entryId: number; readonly version: number | null };

type Deps = Pick<ActionDeps, 'store' | 'clock' | 'mastheadCache'>;

function liveAlert(alert: Alert | null | undefined): LiveAlert | null {
  return alert ? { id: alert.id, text: alert.text, linkUrl: alert.linkUrl, expiresAt: alert.expiresAt.getTime() } : null;
}

/**
 * Opening a live stream: SERVICE_NOT_FOUND for an unknown service, STORY_NOT_FOUND for a story
 * readers cannot see in it; else the service's alert as it is now, sent first so a page that
 * was cached a little earlier is put right at once. An alert is state, not history: a reader
 * coming back gets it from here, and the alert updates they missed are not sent again.
 */
export async function openLiveStream(deps: Deps, input: { serviceCode: string; storyId?: number }): Promise<LiveUpdate> {
  const now = deps.clock.now();
  await loadMasthead(deps, input.serviceCode, now);
  if (input.storyId !== undefined) {
    const story = await deps.store.read.stories.findById(input.storyId);
    if (!story || story.serviceCode !== input.serviceCode || !isVisibleToReaders(story, now)) {
      throw notFound('STORY_NOT_FOUND', undefined, { context: { storyId: input.storyId } });
    }
  }
  // Read afresh, not from the masthead cache: this node may not have heard of the latest change yet.
  const alert = await deps.store.read.alerts.findLive(input.serviceCode, now);
  return { type: 'alert', serviceCode: input.serviceCode, alert: liveAlert(alert), now: now.getTime() };
}

/**
 * What open pages are told of an event, read fresh from the store (this node's caches may not
 * have heard of it yet); null for events pages do not show live, and for stories readers cannot see.
 */
export async function liveUpdateFor(deps: Deps, event: DatelineEvent): Promise<LiveUpdate | null> {
  const now = deps.clock.now();
  switch (event.type) {
    case 'alert.changed':
      return {
        type: 'alert',
        serviceCode: event.serviceCode,
        alert: liveAlert(await deps.store.read.alerts.findLive(event.serviceCode, now)),
        now: now.getTime(),
      };
    case 'story.changed':
    case 'comments.changed': {
      const story = await deps.store.read.stories.findById(event.storyId);
      if (!story || !isVisibleToReaders(story, now)) return null;
      return event.type === 'story.changed'
        ? { type: 'story', serviceCode: story.serviceCode, storyId: story.id }
        : { type: 'comments', serviceCode: story.serviceCode, storyId: story.id, count: story.commentCount };
    }
    case 'live.changed': {
      // Both at once: a stream replaying missed events builds one update per event.
      const [story, entry] = await Promise.all([deps.store.read.stories.findById(event.storyId), deps.store.read.liveEntries.find(event.entryId)]);
      if (!story || !isVisibleToReaders(story, now)) return null;
      return { type: 'entry', serviceCode: story.serviceCode, storyId: story.id, entryId: event.entryId, version: entry?.version ?? null };
    }
    default:
      return null;
  }
}
