import type { Body } from '../body/body.js';

/** The workflow: draft -> filed (for review) -> scheduled or published -> unpublished. */
export type StoryStatus = 'draft' | 'filed' | 'scheduled' | 'published' | 'unpublished';
export const STORY_STATUSES: readonly StoryStatus[] = ['draft', 'filed', 'scheduled', 'published', 'unpublished'];
export type CommentsState = 'open' | 'closed';
export type NoteKind = 'update' | 'correction';

/** "BISHKEK (RFE/RL) --": the place and the outlet credited for the reporting. */
export interface Dateline {
  readonly place: string;
  readonly outlet: string;
}

/** An "updated" note or a correction, shown on the story page with its time. */
export interface StoryNote {
  readonly kind: NoteKind;
  readonly text: string;
  readonly at: Date;
}

export interface Story {
  readonly id: number;
  readonly serviceCode: string;
  readonly sectionId: number | null;
  readonly slug: string;
  readonly headline: string;
  readonly deck: string | null;
  readonly dateline: Dateline | null;
  readonly bylines: readonly string[];
  /** Agency credits for the text: "Reuters", "AP". */
  readonly credits: readonly string[];
  readonly body: Body;
  readonly leadMediaId: number | null;
  /** This story's caption and credit for its lead media; null: the media item's own. */
  readonly leadMediaCaption: string | null;
  readonly leadMediaCredit: string | null;
  readonly tagIds: readonly number[];
  readonly status: StoryStatus;
  readonly publishedAt: Date | null;
  /** When the story was last updated in a way readers are told about. */
  readonly updatedAt: Date | null;
  readonly notes: readonly StoryNote[];
  readonly commentsState: CommentsState;
  readonly createdAt: Date;
  readonly modifiedAt: Date;
  /** Who created it; null when the system did (demo, import). */
  readonly authorId: number | null;
  /** Goes up by one on every content save: a save names the version it edited. */
  readonly version: number;
}

/** Readers see a story only once it is published and its publish time has come. */
export function isVisibleToReaders(story: Pick<Story, 'status' | 'publishedAt'>, now: Date): boolean {
  return story.status === 'published' && story.publishedAt !== null && story.publishedAt <= now;
}

/** The dateline as printed before the first paragraph: "BISHKEK (RFE/RL) --". */
export function formatDateline(dateline: Dateline): string {
  return `${dateline.place.toLocaleUpperCase()} (${dateline.outlet}) --`;
}

/** What list pages and "related" cards show of a story. */
export interface StorySummary {
  readonly id: number;
  readonly serviceCode: string;
  readonly sectionId: number | null;
  readonly slug: string;
  readonly headline: string;
  readonly deck: string | null;
  readonly leadMediaId: number | null;
  readonly publishedAt: Date;
  readonly commentCount: number;
}
