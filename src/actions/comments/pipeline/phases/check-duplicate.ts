import { duplicateKey } from '../../../../domain/comment/comment-text.js';
import { DomainError } from '../../../../domain/shared/errors.js';
import { required, type PostingContext } from '../context.js';

/** How far back an author's comments on a story are compared: the rate limits make this minutes of posting. */
const COMPARED = 100;

/**
 * The same author posting the same text on the same story again: a double click or a spammer.
 * Case, width and spacing do not make a comment new (`duplicateKey`).
 */
export async function checkDuplicate(context: PostingContext): Promise<void> {
  const story = required(context.story, 'story');
  const key = duplicateKey(context.body);
  const recent = await context.deps.store.read.comments.recentBodiesBy(
    story.id,
    { addressHash: context.addressHash, tokenHash: context.tokenHash },
    COMPARED,
  );
  if (recent.some((body) => duplicateKey(body) === key)) {
    throw new DomainError('COMMENT_DUPLICATE', 'You already posted this comment here', 'body');
  }
}
