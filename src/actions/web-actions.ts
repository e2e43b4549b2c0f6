import { createAlert } from './alerts/create-alert.js';
import { expireAlert } from './alerts/expire-alert.js';
import { listAlerts } from './alerts/list-alerts.js';
import type { AppActionDeps } from './app-action-deps.js';
import { bindActions } from './bind-actions.js';
import { approveComment } from './comments/approve-comment.js';
import { banCommentAuthor } from './comments/ban-comment-author.js';
import { getCommentSettings } from './comments/get-comment-settings.js';
import { getModeratedComment } from './comments/get-moderated-comment.js';
import { liftCommentBan } from './comments/lift-comment-ban.js';
import { listCommentBans } from './comments/list-comment-bans.js';
import { listModerationQueue } from './comments/list-moderation-queue.js';
import { markCommentSpam } from './comments/mark-comment-spam.js';
import { moderateComment, moderateComments } from './comments/moderate-comment.js';
import { rejectComment } from './comments/reject-comment.js';
import { setCommentSettings } from './comments/set-comment-settings.js';
import { setCommentsState } from './comments/set-comments-state.js';
import { authenticateApiKey, issueApiKey, listApiKeys, revokeApiKey } from './content-api/api-keys.js';
import { getContentLiveEntries, getContentMedia, getContentProfile, getContentStory, listContentServices, listContentStories, listContentTags } from './content-api/read-content.js';
import { getEmbed, getEmbedStory } from './distribution/get-embed.js';
import { getFeed } from './distribution/get-feed.js';
import { getNewsSitemap, getServiceSitemap, getSitemapIndex } from './distribution/get-sitemaps.js';
import { frontPageFormData, getFrontPageChoice, setFrontPage } from './front-page/set-front-page.js';
import { deleteLiveEntry, editLiveEntry, getLiveDesk, getLiveEntry, listLiveEntries, listLiveEntryRevisions, postLiveEntry } from './live/live-entries.js';
import { setStoryLive } from './live/set-story-live.js';
import { addCaptions } from './media/add-captions.js';
import { editMedia } from './media/edit-media.js';
import { ingestMedia } from './media/ingest-media.js';
import type { MediaDeps } from './media/media-deps.js';
import { getMedia, listMedia } from './media/media-library.js';
import { closeUpload, forgetExpiredUploads, openUpload } from './media/open-uploads.js';
import { newsroomFormOptions } from './newsroom/form-options.js';
import { storyEditorData } from './newsroom/story-editor-data.js';
import { createProfile } from './profiles/create-profile.js';
import { getProfile, searchProfiles } from './profiles/find-profiles.js';
import { updateProfile } from './profiles/update-profile.js';
import type { PushDeps } from './push/push-deps.js';
import { subscribeToAlerts, unsubscribeFromAlerts, vapidKeys } from './push/push-subscriptions.js';
import { openLiveStream } from './reader/live-updates.js';
import { createSection, createService } from './services/create-service.js';
import { listLanguageServices, listSections } from './services/list-services.js';
import { getServiceInfo, updateServiceInfo } from './services/service-info.js';
import { updateSection, updateService } from './services/update-service.js';
import { addStoryNote } from './stories/add-story-note.js';
import { bulkStories } from './stories/bulk-stories.js';
import { cancelSchedule } from './stories/cancel-schedule.js';
import { createStory } from './stories/create-story.js';
import { deleteStory } from './stories/delete-story.js';
import { fileStory } from './stories/file-story.js';
import { diffStoryRevisions, getNewsroomStory, listNewsroomStories, listRevisions } from './stories/newsroom-stories.js';
import { cancelScheduledUpdate, discardPending, getPendingVersion, updateLiveStory } from './stories/pending-version.js';
import { previewStory } from './stories/preview-story.js';
import { publishStory } from './stories/publish-story.js';
import { restoreRevision } from './stories/restore-revision.js';
import { listLinkedVersions, setTranslations } from './stories/translations.js';
import { unpublishStory } from './stories/unpublish-story.js';
import { listUpcoming } from './stories/upcoming.js';
import { updateStory } from './stories/update-story.js';
import { disableUser, enableUser } from './users/account-state.js';
import { authenticateToken, issueApiToken, listApiTokens, revokeApiToken } from './users/api-tokens.js';
import { createUser } from './users/create-user.js';
import { auditFilterChoices, listAudit } from './users/list-audit.js';
import { getUser, listUsers } from './users/list-users.js';
import { setNewsroomLocale } from './users/newsroom-locale.js';
import { authenticateSession, describeUser, signIn, signOut, signOutEverywhere } from './users/sessions.js';
import { serviceTimeZones, setOwnTimeZone, setServiceTimeZone, timeZoneOf, zonesFor } from './users/time-zone.js';
import { disableWebhook, listDeliveries, listWebhooks, redeliverWebhook, registerWebhook } from './webhooks/manage-webhooks.js';

/**
 * The actions the newsroom, the Admin API, the Content API, feeds, sitemaps, embeds and live
 * streams call, bound to the app's dependencies: those surfaces are given this and the clock,
 * never the store (the reader and comments surfaces have their own sets, `readerPages` and
 * `readerComments`).
 */
export function webActions(deps: AppActionDeps) {
  const bound = bindActions(deps, {
    addStoryNote,
    approveComment,
    auditFilterChoices,
    authenticateApiKey,
    authenticateSession,
    authenticateToken,
    banCommentAuthor,
    bulkStories,
    cancelSchedule,
    cancelScheduledUpdate,
    createAlert,
    createProfile,
    createSection,
    createService,
    createStory,
    createUser,
    deleteLiveEntry,
    deleteStory,
    describeUser,
    diffStoryRevisions,
    disableUser,
    disableWebhook,
    discardPending,
    editLiveEntry,
    editMedia,
    enableUser,
    expireAlert,
    fileStory,
    frontPageFormData,
    getCommentSettings,
    getContentLiveEntries,
    getContentMedia,
    getContentProfile,
    getContentStory,
    getEmbed,
    getEmbedStory,
    getFeed,
    getFrontPageChoice,
    getLiveDesk,
    getLiveEntry,
    getMedia,
    getModeratedComment,
    getNewsSitemap,
    getNewsroomStory,
    getPendingVersion,
    getProfile,
    getServiceInfo,
    getServiceSitemap,
    getSitemapIndex,
    getUser,
    issueApiKey,
    issueApiToken,
    liftCommentBan,
    listAlerts,
    listApiKeys,
    listApiTokens,
    listAudit,
    listCommentBans,
    listContentServices,
    listContentStories,
    listContentTags,
    listDeliveries,
    listLanguageServices,
    listLinkedVersions,
    listLiveEntries,
    listLiveEntryRevisions,
    listMedia,
    listModerationQueue,
    listNewsroomStories,
    listRevisions,
    listSections,
    listUpcoming,
    listUsers,
    listWebhooks,
    markCommentSpam,
    moderateComment,
    moderateComments,
    newsroomFormOptions,
    openLiveStream,
    postLiveEntry,
    previewStory,
    publishStory,
    redeliverWebhook,
    registerWebhook,
    rejectComment,
    restoreRevision,
    revokeApiKey,
    revokeApiToken,
    searchProfiles,
    serviceTimeZones,
    setCommentSettings,
    setCommentsState,
    setFrontPage,
    setNewsroomLocale,
    setOwnTimeZone,
    setServiceTimeZone,
    setStoryLive,
    setTranslations,
    signIn,
    signOut,
    signOutEverywhere,
    storyEditorData,
    timeZoneOf,
    unpublishStory,
    updateLiveStory,
    updateProfile,
    updateSection,
    updateService,
    updateServiceInfo,
    updateStory,
    zonesFor,
  });
  return { ...bound, clock: deps.clock };
}

export type WebActions = ReturnType<typeof webActions>;

/** The media actions that need where files go (uploads, ingestion, captions), bound the same way, with the size limits uploads are held to. */
export function mediaActions(deps: MediaDeps) {
  const bound = bindActions(deps, { addCaptions, closeUpload, editMedia, forgetExpiredUploads, getMedia, ingestMedia, listMedia, openUpload });
  return { ...bound, limits: deps.media.limits, urlPath: (key: string) => deps.media.storage.urlPath(key) };
}

export type MediaActions = ReturnType<typeof mediaActions>;

/** Readers' Web Push subscriptions, bound to the sender and its policy. */
export function pushActions(deps: PushDeps) {
  return bindActions(deps, { subscribeToAlerts, unsubscribeFromAlerts, vapidKeys });
}

export type PushActions = ReturnType<typeof pushActions>;
