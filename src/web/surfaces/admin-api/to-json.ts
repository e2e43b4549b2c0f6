import { banHolds, type CommentBan } from '../../../domain/comment/ban.js';
import type { CommentSettings } from '../../../domain/comment/comment-settings.js';
import type { QueuedComment } from '../../../domain/comment/comment.js';
import type { Alert } from '../../../domain/alert/alert.js';
import type { FoundProfile } from '../../../actions/profiles/find-profiles.js';
import type { Story } from '../../../domain/story/story.js';
import type { PendingVersion } from '../../../actions/stories/pending-version.js';
import type { RevisionChange } from '../../../domain/story/revision.js';
import type { User } from '../../../domain/user/user.js';

// Domain values as the Admin API shows them: dates as ISO strings. The response schemas
// decide which fields leave.

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function storyJson(story: Story) {
  return {
    ...story,
    bylines: [...story.bylines],
    credits: [...story.credits],
    body: [...story.body],
    tagIds: [...story.tagIds],
    publishedAt: iso(story.publishedAt),
    updatedAt: iso(story.updatedAt),
    notes: story.notes.map((note) => ({ ...note, at: note.at.toISOString() })),
    createdAt: story.createdAt.toISOString(),
    modifiedAt: story.modifiedAt.toISOString(),
  };
}

export function summaryJson<T extends { publishedAt: Date | null; modifiedAt: Date; scheduledAt?: Date | null }>(summary: T) {
  return {
    ...summary,
    publishedAt: iso(summary.publishedAt),
    modifiedAt: summary.modifiedAt.toISOString(),
    ...(summary.scheduledAt !== undefined ? { scheduledAt: iso(summary.scheduledAt) } : {}),
  };
}

/** A published story's pending version as the Admin API shows it. */
export function pendingJson(pending: PendingVersion & { changes: RevisionChange[] }) {
  return {
    revisionId: pending.revisionId,
    version: pending.version,
    savedAt: pending.savedAt.toISOString(),
    applyAt: iso(pending.applyAt),
    userId: pending.userId,
    story: { ...pending.content, bylines: [...pending.content.bylines], credits: [...pending.content.credits], body: [...pending.content.body], tagIds: [...pending.content.tagIds] },
    changes: pending.changes,
  };
}

export function alertJson(alert: Alert) {
  return { ...alert, startsAt: alert.startsAt.toISOString(), expiresAt: alert.expiresAt.toISOString() };
}

export function userJson(user: User) {
  return { ...user, grants: [...user.grants], createdAt: user.createdAt.toISOString() };
}

export function queuedCommentJson(comment: QueuedComment) {
  return { ...comment, createdAt: comment.createdAt.toISOString() };
}

export function commentBanJson(ban: CommentBan, now: Date) {
  return {
    id: ban.id,
    serviceCode: ban.serviceCode,
    kind: ban.kind,
    label: ban.label,
    commentId: ban.commentId,
    createdAt: ban.createdAt.toISOString(),
    endsAt: ban.endsAt?.toISOString() ?? null,
    liftedAt: ban.liftedAt?.toISOString() ?? null,
    standing: banHolds(ban, now),
  };
}

export function commentSettingsJson(settings: CommentSettings) {
  return { ...settings, bannedWords: [...settings.bannedWords] };
}

/** Optional fields are left out rather than null, as the editor's profile picker expects. */
export function profileJson(profile: FoundProfile) {
  return {
    id: profile.id,
    kind: profile.kind,
    name: profile.name,
    slug: profile.slug,
    url: profile.url,
    ...(profile.serviceCode !== null ? { serviceCode: profile.serviceCode } : {}),
    ...(profile.summary !== null ? { summary: profile.summary } : {}),
  };
}
