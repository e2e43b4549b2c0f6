import { DomainError } from '../../../../domain/shared/errors.js';
import { required, type PostingContext } from '../context.js';

/** The same author posting the same text on the same story again: a double click or a spammer. */
export async function checkDuplicate(context: PostingContext): Promise<void> {
  const story = required(context.story, 'story');
  const duplicate = await context.deps.store.read.comments.hasDuplicate(story.id, context.body, {
    addressHash: context.addressHash,
    tokenHash: context.tokenHash,
  });
  if (duplicate) throw new DomainError('COMMENT_DUPLICATE', 'You already posted this comment here', 'body');
}
