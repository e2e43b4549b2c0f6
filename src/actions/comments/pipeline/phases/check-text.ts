import { parseAuthorName, parseCommentBody } from '../../../../domain/comment/comment-text.js';
import { isId } from '../../../../domain/shared/limits.js';
import { invalid } from '../../../../domain/shared/errors.js';
import type { PostingContext } from '../context.js';

/** Name and text: lengths, no control characters; the parent, when given, is a comment id. */
export function checkText(context: PostingContext): void {
  context.authorName = parseAuthorName(context.input.authorName);
  context.body = parseCommentBody(context.input.body);
  const parent = context.input.parentId;
  if (parent === undefined || parent === null || parent === '') return;
  const id = typeof parent === 'string' && /^[1-9]\d{0,9}$/.test(parent) ? Number(parent) : parent;
  if (!isId(id)) {
    throw invalid('COMMENT_PARENT_INVALID', 'the comment answered is not a comment on this story', 'parentId');
  }
  context.parentId = id;
}
