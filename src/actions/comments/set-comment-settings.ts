import { parseCommentSettings, type CommentSettings } from '../../domain/comment/comment-settings.js';
import { notFound } from '../../domain/shared/errors.js';
import { requireText } from '../../domain/shared/text.js';
import type { ActionDeps } from '../deps.js';
import type { Moderator } from './moderate-comment.js';

/** An editor sets a service's comment rules: moderation mode, auto-close age, link limit, banned words. */
export async function setCommentSettings(
  deps: ActionDeps,
  moderator: Moderator,
  serviceCode: string,
  input: Record<string, unknown>,
): Promise<CommentSettings> {
  const actor = requireText(moderator.name, 'moderator', 120);
  const now = deps.clock.now();
  const settings = await deps.store.transaction(async (repos) => {
    if (!(await repos.services.find(serviceCode))) throw notFound('SERVICE_NOT_FOUND', 'There is no such service', { serviceCode });
    const settings = parseCommentSettings(serviceCode, input, await repos.commentRules.settings(serviceCode));
    await repos.commentRules.saveSettings(settings);
    await repos.commentRules.audit({
      serviceCode,
      commentId: null,
      action: 'settings',
      actor,
      detail: JSON.stringify({ ...settings, bannedWords: settings.bannedWords.length }),
      at: now,
    });
    return settings;
  });
  // Auto-close may have changed whether forms show: every page of the service may change.
  deps.events.publish({ type: 'service.changed', serviceCode });
  return settings;
}
