import { invalid, notFound } from '../../domain/shared/errors.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

/**
 * A moderator bans a comment's author from the service: by the salted hash of their address,
 * by their browser token's hash, or both. Nothing that identifies the person is stored.
 */
export async function banCommentAuthor(
  deps: ActionDeps,
  actor: Actor,
  commentId: number,
  by: { address: boolean; token: boolean },
): Promise<{ bannedBy: string[] }> {
  const now = deps.clock.now();
  return deps.store.transaction(async (repos) => {
    const comment = await repos.comments.findById(commentId);
    const provenance = await repos.comments.findProvenance(commentId);
    if (!comment || !provenance) throw notFound('COMMENT_NOT_FOUND', 'There is no such comment', { context: { commentId } });
    const story = await repos.stories.findById(comment.storyId);
    if (!story) throw notFound('STORY_NOT_FOUND', 'There is no such story', { context: { storyId: comment.storyId } });
    requirePermission(actor, 'comments.moderate', { serviceCode: story.serviceCode });
    if (!by.address && !by.token) throw invalid('BAN_KIND_REQUIRED', 'ban by address, by browser token, or both', 'by');
    const kinds: string[] = [];
    if (by.address && provenance.addressHash) {
      await repos.commentRules.ban(story.serviceCode, 'address', provenance.addressHash, now);
      kinds.push('address');
    }
    if (by.token && provenance.tokenHash) {
      await repos.commentRules.ban(story.serviceCode, 'token', provenance.tokenHash, now);
      kinds.push('token');
    }
    if (kinds.length === 0) throw invalid('BAN_NOTHING_KNOWN', 'this comment carries no address or token to ban', 'by');
    await repos.audit.record(
      { userId: actorUserId(actor), action: 'comment.ban', subject: `comment:${commentId}`, details: { serviceCode: story.serviceCode, by: kinds } },
      now,
    );
    return { bannedBy: kinds };
  });
}
