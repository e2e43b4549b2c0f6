import type { AlertsTable } from './tables/alerts.table.js';
import type {
  CommentAuditLogTable,
  CommentBansTable,
  CommentReportsTable,
  CommentSettingsTable,
  CommentsTable,
  UsedChallengesTable,
} from './tables/comments.table.js';
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
  comment_settings: CommentSettingsTable;
  comment_bans: CommentBansTable;
  comment_reports: CommentReportsTable;
  used_challenges: UsedChallengesTable;
  comment_audit_log: CommentAuditLogTable;
}
