import type { AlertsTable } from './tables/alerts.table.js';
import type { CommentsTable } from './tables/comments.table.js';
import type { JobsTable } from './tables/jobs.table.js';
import type { MediaItemsTable, MediaRenditionsTable } from './tables/media.table.js';
import type { ProfilesTable } from './tables/profiles.table.js';
import type { SectionsTable, ServicesTable, TagsTable } from './tables/services.table.js';
import type { StoriesTable, StoryNotesTable, StoryProfilesTable, StoryTagsTable } from './tables/stories.table.js';

/** The schema as Kysely sees it, assembled from tables/*.table.ts. */
export interface Database {
  services: ServicesTable;
  sections: SectionsTable;
  tags: TagsTable;
  stories: StoriesTable;
  story_tags: StoryTagsTable;
  story_profiles: StoryProfilesTable;
  story_notes: StoryNotesTable;
  media_items: MediaItemsTable;
  media_renditions: MediaRenditionsTable;
  profiles: ProfilesTable;
  alerts: AlertsTable;
  comments: CommentsTable;
  jobs: JobsTable;
}
