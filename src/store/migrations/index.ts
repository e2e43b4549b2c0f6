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
import * as commentBans from './2026-11-30T1320-comment-bans.js';
import * as serviceInfo from './2026-11-30T1370-service-info.js';

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
  '2026-11-30T1320-comment-bans': commentBans,
  '2026-11-30T1370-service-info': serviceInfo,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
