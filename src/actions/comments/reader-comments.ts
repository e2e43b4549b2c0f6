import type { Comment } from '../../domain/comment/comment.js';
import type { Story } from '../../domain/story/story.js';
import { getCommentThread } from '../reader/get-comment-thread.js';
import { getCommentsPage } from '../reader/get-comments-page.js';
import { getErrorChrome, getRememberedChrome } from '../reader/get-error-chrome.js';
import { deleteOwnComment } from './delete-own-comment.js';
import { editOwnComment } from './edit-own-comment.js';
import type { PostingDeps } from './guards.js';
import { getOwnComment, ownEditableIds } from './own-comment.js';
import { postComment, type PostCommentInput } from './post-comment.js';
import { createWorkChallenge } from './proof-of-work.js';
import { getReplyTarget } from './reply-target.js';
import { reportComment } from './report-comment.js';

/**
 * What readers do with comments, bound to the app's dependencies: the comments surface is
 * given this and never the store, so the web layer cannot read around the actions.
 */
export function readerComments(deps: PostingDeps) {
  return {
    challenge: () => createWorkChallenge(deps.guards, deps.clock),
    page: (params: Parameters<typeof getCommentsPage>[1]) => getCommentsPage(deps, params),
    thread: (params: Parameters<typeof getCommentThread>[1]) => getCommentThread(deps, params),
    /** The masthead for an error page of the service the address names (else the first one). */
    errorMasthead: (serviceCodeGuess: string | undefined) => getErrorChrome(deps, serviceCodeGuess),
    /** What this process remembers of that masthead, for the 503 page while the database is away. */
    rememberedMasthead: (serviceCodeGuess: string | undefined) => getRememberedChrome(deps, serviceCodeGuess),
    /** Posts, and answers with the comment and its story as it now is (with the new count). */
    post: async (input: PostCommentInput): Promise<{ comment: Comment; story: Story & { commentCount: number } }> => {
      const comment = await postComment(deps, input);
      const story = await deps.store.read.stories.findById(comment.storyId);
      if (!story) throw new Error('the story of a stored comment is gone');
      return { comment, story };
    },
    report: (input: Parameters<typeof reportComment>[1]) => reportComment(deps, input),
    remove: (input: Parameters<typeof deleteOwnComment>[1]) => deleteOwnComment(deps, input),
    edit: (input: Parameters<typeof editOwnComment>[1]) => editOwnComment(deps, input),
    ownComment: (input: Parameters<typeof getOwnComment>[1]) => getOwnComment(deps, input),
    ownEditableIds: (comments: readonly Comment[], browserToken: string | null) => ownEditableIds(deps, comments, browserToken),
    replyTarget: (input: Parameters<typeof getReplyTarget>[1]) => getReplyTarget(deps, input),
  };
}

export type ReaderComments = ReturnType<typeof readerComments>;
