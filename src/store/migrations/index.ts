import type { Migration, MigrationProvider } from 'kysely';
import * as createFoundation from './2026-11-29T1200-create-foundation.js';
import * as createNewsroom from './2026-11-29T1400-create-newsroom.js';
import * as commentModeration from './2026-11-29T1400-comment-moderation.js';
import * as createJobs from './2026-11-29T1400-create-jobs.js';
import * as mediaCaptions from './2026-11-29T1600-media-captions.js';
import * as newsroomEditors from './2026-11-29T1610-newsroom-editors.js';
import * as createEventLog from './2026-11-29T1630-create-event-log.js';
import * as createOpenUploads from './2026-11-30T1100-create-open-uploads.js';
import * as tokenExpiry from './2026-11-30T1110-token-expiry.js';
import * as frontPage from './2026-11-30T1220-front-page.js';
import * as distribution from './2026-11-30T1200-distribution.js';
import * as storySearch from './2026-11-30T1210-story-search.js';
import * as notifyEventLog from './2026-11-30T1300-notify-event-log.js';
import * as storiesLive from './2026-11-30T1301-stories-live.js';
import * as webPush from './2026-11-30T1302-web-push.js';
import * as pendingVersions from './2026-11-30T1310-pending-versions.js';
import * as commentBans from './2026-11-30T1320-comment-bans.js';
import * as revisionAutosave from './2026-11-30T1330-revision-autosave.js';
import * as mediaFocalPoint from './2026-11-30T1340-media-focal-point.js';
import * as userLocale from './2026-11-30T1350-user-locale.js';
import * as storyTranslations from './2026-11-30T1352-story-translations.js';
import * as serviceInfo from './2026-11-30T1370-service-info.js';
import * as storyLeadMediaText from './2026-11-30T1400-story-lead-media-text.js';

/** Listed by hand so the set is the same under tsx, compiled JS and bundles. Append only. */
const migrations: Record<string, Migration> = {
  '2026-11-29T1200-create-foundation': createFoundation,
  '2026-11-29T1400-create-newsroom': createNewsroom,
  '2026-11-29T1400-comment-moderation': commentModeration,
  '2026-11-29T1400-create-jobs': createJobs,
  '2026-11-29T1600-media-captions': mediaCaptions,
  '2026-11-29T1610-newsroom-editors': newsroomEditors,
  '2026-11-29T1630-create-event-log': createEventLog,
  '2026-11-30T1100-create-open-uploads': createOpenUploads,
  '2026-11-30T1110-token-expiry': tokenExpiry,
  '2026-11-30T1220-front-page': frontPage,
  '2026-11-30T1200-distribution': distribution,
  '2026-11-30T1210-story-search': storySearch,
  '2026-11-30T1300-notify-event-log': notifyEventLog,
  '2026-11-30T1301-stories-live': storiesLive,
  '2026-11-30T1302-web-push': webPush,
  '2026-11-30T1310-pending-versions': pendingVersions,
  '2026-11-30T1320-comment-bans': commentBans,
  '2026-11-30T1330-revision-autosave': revisionAutosave,
  '2026-11-30T1340-media-focal-point': mediaFocalPoint,
  '2026-11-30T1350-user-locale': userLocale,
  '2026-11-30T1352-story-translations': storyTranslations,
  '2026-11-30T1370-service-info': serviceInfo,
  '2026-11-30T1400-story-lead-media-text': storyLeadMediaText,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
