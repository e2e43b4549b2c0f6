import { checkBanRequest, pseudonymKey, type BanKind, type BanRequest } from '../../domain/comment/ban.js';
import type { Comment } from '../../domain/comment/comment.js';
import { invalid, notFound } from '../../domain/shared/errors.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { Emit, Repositories } from '../../store/store.js';
import type { ActionDeps } from '../deps.js';

/** Held comments looked at when a ban removes the person's queue: more than any one person's. */
const MAX_QUEUED_REMOVED = 500;

/**
 * A moderator bans a comment's author from the service, by what they choose: their browser
 * token's hash and their pseudonym first; their address's salted hash only when chosen, and
 * then until a near end (other readers may share it). Nothing that identifies the person is
 * stored. Asked to, it also rejects the person's comments still waiting for a moderator (by
 * the same marks), each audited. All or nothing.
 */
export async function banCommentAuthor(
  deps: ActionDeps,
  actor: Actor,
  commentId: number,
  request: BanRequest,
): Promise<{ bannedBy: BanKind[]; banIds: number[]; removedComments: number[] }> {
  const now = deps.clock.now();
  return deps.store.transaction(async (repos, emit) => {
    const comment = await repos.comments.findById(commentId);
    const provenance = await repos.comments.findProvenance(commentId);
    if (!comment || !provenance) throw notFound('COMMENT_NOT_FOUND', 'There is no such comment', { context: { commentId } });
    const story = await repos.stories.findById(comment.storyId);
    if (!story) throw notFound('STORY_NOT_FOUND', 'There is no such story', { context: { storyId: comment.storyId } });
    const serviceCode = story.serviceCode;
    requirePermission(actor, 'comments.moderate', { serviceCode });
    checkBanRequest(request, now);
    const marks: Record<BanKind, string | null> = {
      token: provenance.tokenHash,
      pseudonym: pseudonymKey(comment.authorName) || null,
      address: provenance.addressHash,
    };
    const kinds = [...new Set(request.kinds)];
    const missing = kinds.filter((kind) => !marks[kind]);
    if (missing.length > 0) throw invalid('BAN_NOTHING_KNOWN', `This comment carries no ${missing.join(' or ')} to ban`, 'by');
    const userId = actorUserId(actor);
    const banIds: number[] = [];
    for (const kind of kinds) {
      banIds.push(
        await repos.commentRules.ban(
          { serviceCode, kind, hash: marks[kind] as string, label: comment.authorName, commentId, createdBy: userId, endsAt: request.endsAt },
          now,
        ),
      );
    }
    const removed = request.removeQueued ? await removeQueued(repos, emit, { kinds, marks, serviceCode, userId, now }) : [];
    await repos.audit.record(
      {
        userId,
        action: 'comment.ban',
        subject: `comment:${commentId}`,
        details: { serviceCode, by: kinds, banIds, endsAt: request.endsAt?.toISOString() ?? null, removedComments: removed.length },
      },
      now,
    );
    return { bannedBy: kinds, banIds, removedComments: removed };
  });
}

/** Rejects the held comments of the service that carry one of the banned marks. */
async function removeQueued(
  repos: Repositories,
  emit: Emit,
  ban: { kinds: readonly BanKind[]; marks: Record<BanKind, string | null>; serviceCode: string; userId: number | null; now: Date },
): Promise<number[]> {
  const found = new Map<number, Comment>();
  for (const kind of ban.kinds) {
    const hash = ban.marks[kind] as string;
    const held =
      kind === 'pseudonym'
        ? (await repos.comments.listHeldBy(ban.serviceCode, { kind: 'any' }, MAX_QUEUED_REMOVED)).filter((c) => pseudonymKey(c.authorName) === hash)
        : await repos.comments.listHeldBy(ban.serviceCode, { kind, hash }, MAX_QUEUED_REMOVED);
    for (const comment of held) found.set(comment.id, comment);
  }
  const removed: number[] = [];
  for (const comment of found.values()) {
    if (!(await repos.comments.changeState(comment, 'held', 'rejected'))) continue;
    await repos.comments.clearReports(comment.id);
    await repos.audit.record(
      { userId: ban.userId, action: 'comment.reject', subject: `comment:${comment.id}`, details: { serviceCode: ban.serviceCode, from: 'held', because: 'ban' } },
      ban.now,
    );
    emit({ type: 'comments.changed', storyId: comment.storyId, serviceCode: ban.serviceCode });
    removed.push(comment.id);
  }
  return removed;
}
