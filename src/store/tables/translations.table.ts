/** One story's place in a translation group (named by the group's smallest story id). */
export interface StoryTranslationsTable {
  story_id: number;
  group_id: number;
  /** The story's service, copied so one service per group is a unique index. */
  service_code: string;
}
