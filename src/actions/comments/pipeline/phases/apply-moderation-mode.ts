import { hold, required, type PostingContext } from '../context.js';

/** Pre-moderated services hold every comment for a moderator; post-moderated ones show it at once. */
export function applyModerationMode(context: PostingContext): void {
  if (required(context.settings, 'settings').moderation === 'pre') hold(context, 'the service pre-moderates comments');
}
