import type { CommentBan } from '../../domain/comment/ban.js';
import { notFound } from '../../domain/shared/errors.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

/** A moderator lifts a ban of their service: the person may comment again. Lifting a lifted ban changes nothing. Audited. */
export async function liftCommentBan(deps: ActionDeps, actor: Actor, banId: number): Promise<CommentBan> {
  const now = deps.clock.now();
  return deps.store.transaction(async (repos) => {
    const ban = await repos.commentRules.findBan(banId);
    if (!ban) throw notFound('BAN_NOT_FOUND', 'There is no such ban', { context: { banId } });
    requirePermission(actor, 'comments.moderate', { serviceCode: ban.serviceCode });
    const userId = actorUserId(actor);
    if (!(await repos.commentRules.liftBan(ban.id, userId, now))) return ban;
    await repos.audit.record(
      { userId, action: 'comment.unban', subject: `ban:${ban.id}`, details: { serviceCode: ban.serviceCode, kind: ban.kind } },
      now,
    );
    return { ...ban, liftedAt: now };
  });
}
