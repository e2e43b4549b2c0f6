import type { Alert } from '../domain/alert/alert.js';
import type { MediaItem } from '../domain/media/media.js';
import type { Profile } from '../domain/profile/profile.js';
import type { LanguageService, Section, Tag } from '../domain/service/service.js';
import type { Story } from '../domain/story/story.js';
import type { LiveEntry } from '../domain/story/live-entry.js';
import type { StoryTranslation } from '../domain/story/translation.js';
import type { ThreadNode } from '../domain/comment/thread.js';
import type { Translator } from '../i18n/i18n.js';
import type { SnippetPart } from '../domain/search/snippet.js';
import type { FeedLink } from './distribution/page-meta.js';

/** Where the page's static files are: hashed names, so they can be cached for a year. */
export interface Assets {
  readonly css: string;
  /** The publisher's logo (previews, JSON-LD). */
  readonly logo: string;
  /** The site's origin as readers reach it (PUBLIC_URL), set by the app. */
  readonly siteUrl?: URL;
  readonly playerScript: string | null;
  readonly commentsScript?: string | null;
  /** hls.js, loaded by the player script only where the browser needs it. */
  readonly hlsScript?: string | null;
  /** The newsroom's resumable upload form. */
  readonly uploadScript?: string | null;
  /** Every newsroom page: the unsaved-changes warning, the action's notice announced, media status updates. */
  readonly newsroomScript?: string | null;
  /** The newsroom's story editor (Tiptap): loaded on the story form only. */
  readonly editorScript?: string | null;
  /** Relative times beside the absolute ones (story pages). */
  readonly timeScript?: string | null;
  /** "Link to this story" copies the address (story pages). */
  readonly shareScript?: string | null;
  /** Click-to-load embeds of other sites' posts (story pages with an embed). */
  readonly embedsScript?: string | null;
  /** The favicon set and the web app manifest, linked from every page. */
  readonly icon?: string;
  readonly appleTouchIcon?: string;
  readonly manifest?: string;
  /** The Persian/Arabic typeface (WOFF2), preloaded on right-to-left pages only. */
  readonly arabicFonts?: readonly string[];
  /** Reader pages' live island: breaking alerts as they start and end, without reload. */
  readonly liveScript?: string | null;
  /** The service worker that shows pushed alerts as notifications (Web Push). */
  readonly pushWorker?: string | null;
}

/** What every reader page shows around its content. */
export interface MastheadModel {
  readonly service: LanguageService;
  readonly services: readonly LanguageService[];
  readonly sections: readonly Section[];
  readonly alert: Alert | null;
  readonly assets: Assets;
  readonly i18n: Translator;
  /** Base URL for media renditions, e.g. "/media/". */
  readonly mediaBase: string;
  /** The site's origin as readers reach it (PUBLIC_URL): canonical links, previews, JSON-LD. */
  readonly siteUrl: URL;
}

export interface StoryListItem {
  readonly id: number;
  readonly serviceCode: string;
  readonly slug: string;
  readonly headline: string;
  readonly deck: string | null;
  readonly publishedAt: Date;
  /** Its picture on lists that show one (looked up in the page's media). */
  readonly leadMediaId?: number | null;
}

export interface Pagination {
  readonly page: number;
  readonly hasNext: boolean;
  /** Builds the URL of another page of the same list. */
  readonly hrefFor: (page: number) => string;
}

export interface StoryPageModel {
  readonly story: Story;
  readonly section: Section | null;
  readonly tags: readonly Tag[];
  readonly media: ReadonlyMap<number, MediaItem>;
  readonly profiles: ReadonlyMap<number, Profile>;
  readonly related: ReadonlyMap<number, StoryListItem>;
  /** The latest other stories of the story's section. */
  readonly moreFromSection?: readonly StoryListItem[];
  /** Other stories sharing a topic or a person with it. */
  readonly relatedStories?: readonly StoryListItem[];
  /** The pictures of the related and "more from" stories. */
  readonly linkMedia?: ReadonlyMap<number, MediaItem>;
  readonly commentCount: number;
  readonly forumClosed: boolean;
  readonly canonicalUrl: string;
  /** Its published versions in other services, itself included; none: no switcher, no hreflang. */
  readonly translations?: readonly StoryTranslation[];
  /** Profiles of people named in the bylines, by byline. */
  readonly authors: ReadonlyMap<string, Profile>;
  /** A live story's entries and key events; absent or null for an ordinary story. */
  readonly live?: LiveCoverageModel | null;
}

export interface LiveCoverageModel {
  /** When the live coverage began; null once it ended (its entries are still shown). */
  readonly since: Date | null;
  readonly entries: readonly LiveEntry[];
  readonly keyEvents: readonly LiveEntry[];
  readonly page: number;
  readonly hasNext: boolean;
}

export type CommentNotice = 'held' | 'posted' | 'deleted' | 'reported';
export type CommentSortOrder = 'oldest' | 'newest';

/** The reader's comment form: where it posts, its form token, whom it answers, and what went wrong. */
export interface CommentFormModel {
  readonly action: string;
  readonly formToken: string;
  readonly challengeUrl: string;
  readonly replyTo: { readonly id: number; readonly authorName: string } | null;
  readonly values: { readonly authorName: string; readonly body: string };
  /** A translated message saying why the last post was refused. */
  readonly error: string | null;
  readonly preModerated: boolean;
}

export interface CommentsPageModel {
  readonly story: Story;
  readonly threads: readonly ThreadNode[];
  readonly commentCount: number;
  readonly pagination: Pagination;
  readonly sort: CommentSortOrder;
  readonly sortHref: (sort: CommentSortOrder) => string;
  readonly forumClosed: boolean;
  /** Null when the forum is closed. */
  readonly form: CommentFormModel | null;
  readonly notice: CommentNotice | null;
  /** Comments this browser may still edit or delete. */
  readonly ownIds: ReadonlySet<number>;
  readonly urls: CommentUrls;
  /** On a comment's permalink: that comment, marked. */
  readonly highlightId: number | null;
}

/** Addresses of one story's comment actions. */
export interface CommentUrls {
  readonly page: string;
  readonly permalink: (commentId: number) => string;
  readonly reply: (commentId: number) => string;
  readonly report: (commentId: number) => string;
  readonly edit: (commentId: number) => string;
  readonly remove: (commentId: number) => string;
}

export interface CommentEditPageModel {
  readonly story: Story;
  readonly commentId: number;
  readonly body: string;
  readonly action: string;
  readonly formToken: string;
  readonly error: string | null;
  readonly backHref: string;
}

export interface ListPageModel {
  readonly title: string;
  /** The list's address without the page number: canonical link, and feeds next to it. */
  readonly canonicalPath: string;
  readonly feeds: readonly FeedLink[];
  readonly heading: string;
  readonly intro: string | null;
  readonly stories: readonly StoryListItem[];
  /** The listed stories' lead media, for their pictures. */
  readonly media?: ReadonlyMap<number, MediaItem>;
  readonly pagination: Pagination;
}

/** A story on a service's front page: what a list shows, plus its section and picture. */
export interface FrontStory extends StoryListItem {
  readonly sectionId: number | null;
  readonly leadMediaId: number | null;
}

/** The first page of a service's home: a lead story, top stories with pictures, the rest by section. */
export interface FrontPageModel {
  readonly stories: readonly FrontStory[];
  /** The most read stories of the last days, most first; empty until anything was read. */
  readonly mostRead: readonly StoryListItem[];
  readonly media: ReadonlyMap<number, MediaItem>;
  readonly pagination: Pagination;
}

export interface ProfilePageModel {
  readonly profile: Profile;
  readonly canonicalPath: string;
  readonly stories: readonly StoryListItem[];
  readonly media?: ReadonlyMap<number, MediaItem>;
  readonly pagination: Pagination;
}

export interface SearchResultItem extends StoryListItem {
  /** A passage around the first match; marked parts matched the query. */
  readonly snippet: readonly SnippetPart[];
}

export interface SearchPageModel {
  readonly query: string;
  /** The filters as the reader set them: a section's slug, days YYYY-MM-DD ('' for none). */
  readonly section: string;
  readonly from: string;
  readonly to: string;
  readonly results: readonly SearchResultItem[];
  readonly pagination: Pagination;
}
