import type { Body } from '../body/body.js';
import { bodyText } from '../body/body.js';
import { searchWords } from './normalise.js';

/** What of a story search reads, with the weight ranking gives it: headline, deck, the rest. */
export interface StoryText {
  readonly headline: string;
  readonly deck: string | null;
  readonly body: Body;
  readonly tags: readonly string[];
  readonly profiles: readonly string[];
  /** Titles, captions and credits of the media the story shows. */
  readonly media: readonly string[];
}

export function storySearchWords(story: StoryText): { headline: string[]; deck: string[]; rest: string[] } {
  return {
    headline: searchWords(story.headline),
    deck: searchWords(story.deck ?? ''),
    rest: searchWords([bodyText(story.body), ...story.tags, ...story.profiles, ...story.media].join('\n')),
  };
}

/** Ranking multiplies the text score by 1 / (1 + age / this): a story this old needs twice the match. */
export const RECENCY_SCALE_DAYS = 30;
