import type { Alert } from '../domain/alert/alert.js';
import type { MediaItem } from '../domain/media/media.js';
import type { Profile } from '../domain/profile/profile.js';
import type { LanguageService, Section, Tag } from '../domain/service/service.js';
import type { Story } from '../domain/story/story.js';
import type { Comment } from '../domain/comment/comment.js';
import type { Translator } from '../i18n/i18n.js';

/** Where the page's static files are: hashed names, so they can be cached for a year. */
export interface Assets {
  readonly css: string;
  readonly playerScript: string | null;
}

/** What every reader page shows around its content. */
export interface Chrome {
  readonly service: LanguageService;
  readonly services: readonly LanguageService[];
  readonly sections: readonly Section[];
  readonly alert: Alert | null;
  readonly assets: Assets;
  readonly i18n: Translator;
  /** Base URL for media renditions, e.g. "/media/". */
  readonly mediaBase: string;
}

export interface StoryListItem {
  readonly id: number;
  readonly serviceCode: string;
  readonly slug: string;
  readonly headline: string;
  readonly deck: string | null;
  readonly publishedAt: Date;
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
  readonly commentCount: number;
  readonly canonicalUrl: string;
}

export interface CommentsPageModel {
  readonly story: Story;
  readonly comments: readonly Comment[];
  readonly commentCount: number;
  readonly pagination: Pagination;
}

export interface ListPageModel {
  readonly title: string;
  readonly heading: string;
  readonly intro: string | null;
  readonly stories: readonly StoryListItem[];
  readonly pagination: Pagination;
}

export interface ProfilePageModel {
  readonly profile: Profile;
  readonly stories: readonly StoryListItem[];
  readonly pagination: Pagination;
}

export interface SearchPageModel {
  readonly query: string;
  readonly stories: readonly StoryListItem[];
  readonly pagination: Pagination;
}
