import type { CommentSettings } from '../../domain/comment/comment-settings.js';
import { notFound } from '../../domain/shared/errors.js';
import { requirePermission } from '../../domain/user/permissions.js';
import type { Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

/** A service's comment rules, for its moderators and editors (the defaults until an editor sets them). */
export async function getCommentSettings(deps: Pick<ActionDeps, 'store'>, actor: Actor, serviceCode: string): Promise<CommentSettings> {
  requirePermission(actor, 'comments.moderate', { serviceCode });
  if (!(await deps.store.read.services.find(serviceCode))) throw notFound('SERVICE_NOT_FOUND', 'There is no such service', { context: { serviceCode } });
  return deps.store.read.commentRules.settings(serviceCode);
}
