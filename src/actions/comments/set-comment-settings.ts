import { parseCommentSettings, type CommentSettings } from '../../domain/comment/comment-settings.js';
import { notFound } from '../../domain/shared/errors.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

/** An editor sets a service's comment rules: moderation mode, auto-close age, link limit, banned words. */
export async function setCommentSettings(
  deps: ActionDeps,
  actor: Actor,
  serviceCode: string,
  input: Record<string, unknown>,
): Promise<CommentSettings> {
  requirePermission(actor, 'comments.settings', { serviceCode });
  const now = deps.clock.now();
  return deps.store.transaction(async (repos, emit) => {
    if (!(await repos.services.find(serviceCode))) throw notFound('SERVICE_NOT_FOUND', 'There is no such service', { context: { serviceCode } });
    const settings = parseCommentSettings(serviceCode, input, await repos.commentRules.settings(serviceCode));
    await repos.commentRules.saveSettings(settings);
    await repos.audit.record(
      {
        userId: actorUserId(actor),
        action: 'comments.settings',
        subject: `service:${serviceCode}`,
        details: { moderation: settings.moderation, autoCloseDays: settings.autoCloseDays, maxLinks: settings.maxLinks, bannedWords: settings.bannedWords.length },
      },
      now,
    );
    // Auto-close may have changed whether forms show: every page of the service may change.
    emit({ type: 'service.changed', serviceCode });
    return settings;
  });
}
