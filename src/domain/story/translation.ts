import type { StoryStatus } from './story.js';

/** A version of a story in another service, as the reader sees it linked. */
export interface StoryTranslation {
  readonly id: number;
  readonly serviceCode: string;
  /** The service's locale: the hreflang and the language the link is named in. */
  readonly locale: string;
  readonly slug: string;
  readonly headline: string;
}

/** A version of a story in another service, as the newsroom lists it (any status). */
export interface LinkedVersion {
  readonly id: number;
  readonly serviceCode: string;
  readonly headline: string;
  readonly status: StoryStatus;
}
