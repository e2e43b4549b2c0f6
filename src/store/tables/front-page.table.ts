/** A story an editor put on a service's front page; position 1 is the lead. */
export interface FrontPageStoriesTable {
  service_code: string;
  position: number;
  story_id: number;
}

/** How many times a story was read on one day (UTC, "2026-11-30"): a counter, nothing about the readers. */
export interface StoryReadsTable {
  story_id: number;
  day: string;
  reads: number;
}
