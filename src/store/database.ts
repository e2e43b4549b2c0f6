import type { AlertsTable } from './tables/alerts.table.js';
import type {
  CommentBansTable,
  CommentReportsTable,
  CommentSettingsTable,
  CommentsTable,
  UsedChallengesTable,
} from './tables/comments.table.js';
import type { ContentApiKeysTable, WebhookDeliveriesTable, WebhookEndpointsTable } from './tables/distribution.table.js';
import type { EventLogTable } from './tables/event-log.table.js';
import type { FrontPageStoriesTable, StoryReadsTable } from './tables/front-page.table.js';
import type { JobsTable } from './tables/jobs.table.js';
import type { PushKeysTable, PushSubscriptionsTable } from './tables/push.table.js';
import type { LiveEntriesTable, LiveEntryRevisionsTable } from './tables/live-entries.table.js';
import type { StoryTranslationsTable } from './tables/translations.table.js';
import type { MediaCaptionsTable, MediaItemsTable, MediaRenditionsTable } from './tables/media.table.js';
import type { OpenUploadsTable } from './tables/open-uploads.table.js';
import type { ProfileNamePrefixesTable, ProfilesTable } from './tables/profiles.table.js';
import type { SectionsTable, ServicesTable, TagsTable } from './tables/services.table.js';
import type {
  StoriesTable,
  StoryNotesTable,
  StoryProfilesTable,
  StoryRevisionsTable,
  StoryTagsTable,
} from './tables/stories.table.js';
import type {
  ApiTokensTable,
  AuditLogTable,
  RoleGrantsTable,
  SessionsTable,
  SignInFailuresTable,
  UsersTable,
} from './tables/users.table.js';

/** The schema as Kysely sees it, assembled from tables/*.table.ts. */
export interface Database {
  services: ServicesTable;
  sections: SectionsTable;
  tags: TagsTable;
  stories: StoriesTable;
  story_tags: StoryTagsTable;
  story_profiles: StoryProfilesTable;
  story_notes: StoryNotesTable;
  story_translations: StoryTranslationsTable;
  media_items: MediaItemsTable;
  media_renditions: MediaRenditionsTable;
  media_captions: MediaCaptionsTable;
  profiles: ProfilesTable;
  profile_name_prefixes: ProfileNamePrefixesTable;
  alerts: AlertsTable;
  live_entries: LiveEntriesTable;
  push_keys: PushKeysTable;
  push_subscriptions: PushSubscriptionsTable;
  live_entry_revisions: LiveEntryRevisionsTable;
  comments: CommentsTable;
  story_revisions: StoryRevisionsTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  sign_in_failures: SignInFailuresTable;
  audit_log: AuditLogTable;
  comment_settings: CommentSettingsTable;
  comment_bans: CommentBansTable;
  comment_reports: CommentReportsTable;
  used_challenges: UsedChallengesTable;
  jobs: JobsTable;
  event_log: EventLogTable;
  open_uploads: OpenUploadsTable;
  front_page_stories: FrontPageStoriesTable;
  story_reads: StoryReadsTable;
  content_api_keys: ContentApiKeysTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
