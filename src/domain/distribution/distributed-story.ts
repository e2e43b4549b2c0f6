import type { MediaItem } from '../media/media.js';
import type { Profile } from '../profile/profile.js';
import type { LanguageService, Section, Tag } from '../service/service.js';
import type { LiveEntry } from '../story/live-entry.js';
import type { Story } from '../story/story.js';
import type { StoryTranslation } from '../story/translation.js';
import type { FeedScope } from './feed-paths.js';

/** A story as feeds, sitemaps and the Content API show it: the story and everything it points at. */
export interface DistributedStory {
  readonly story: Story;
  readonly section: Section | null;
  readonly tags: readonly Tag[];
  /** Lead media first. */
  readonly media: ReadonlyMap<number, MediaItem>;
  readonly profiles: ReadonlyMap<number, Profile>;
  /** A live story's latest entries (pinned first, then newest first); empty for an ordinary story. */
  readonly liveEntries: readonly LiveEntry[];
  /** Its published versions in other services (the story itself left out). */
  readonly translations: readonly StoryTranslation[];
}

/** The latest stories of a service, section, topic or profile, for its feeds. */
export interface FeedData {
  readonly scope: FeedScope;
  readonly service: LanguageService;
  /** What the feed is of, besides the service: its section, topic or profile. */
  readonly section: Section | null;
  readonly tag: Tag | null;
  readonly profile: Profile | null;
  readonly stories: readonly DistributedStory[];
  /** The newest change of anything the feed shows; null for an empty feed. */
  readonly updated: Date | null;
}
