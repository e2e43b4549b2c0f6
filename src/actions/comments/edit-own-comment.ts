import type { Comment } from '../../domain/comment/comment.js';
import { countLinks, findBannedWord, parseCommentBody } from '../../domain/comment/comment-text.js';
import { invalid } from '../../domain/shared/errors.js';
import type { ActionDeps } from '../deps.js';
import type { CommentGuards } from './guards.js';
import { requireOwnComment } from './own-comment.js';

/** The author changes their comment's text within the edit window; the service's content rules still apply. */
export async function editOwnComment(
  deps: ActionDeps & { readonly guards: Pick<CommentGuards, 'secret'> },
  input: { commentId: number; browserToken: string | null; body: unknown },
): Promise<Comment> {
  const body = parseCommentBody(input.body);
  const now = deps.clock.now();
  return deps.store.transaction(async (repos, emit) => {
    const comment = await requireOwnComment(repos, deps.guards.secret, input.commentId, input.browserToken, now);
    const story = await repos.stories.findById(comment.storyId);
    const settings = await repos.commentRules.settings(story?.serviceCode ?? '');
    if (countLinks(body) > settings.maxLinks) throw invalid('COMMENT_TOO_MANY_LINKS', `A comment may contain at most ${settings.maxLinks} links`, 'body');
    if (findBannedWord(body, settings.bannedWords) !== null) {
      throw invalid('COMMENT_BANNED_WORD', 'This comment contains words this site does not publish', 'body');
    }
    await repos.comments.updateBody(comment.id, body, now);
    emit({ type: 'comments.changed', storyId: comment.storyId, serviceCode: story?.serviceCode ?? '' });
    return { ...comment, body, editedAt: now };
  });
}
