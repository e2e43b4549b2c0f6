import { countLinks } from '../../../../domain/comment/comment-text.js';
import { invalid } from '../../../../domain/shared/errors.js';
import { required, type PostingContext } from '../context.js';

/** A few links are conversation; many are advertising. */
export function checkLinks(context: PostingContext): void {
  const { maxLinks } = required(context.settings, 'settings');
  if (countLinks(context.body) + countLinks(context.authorName) > maxLinks) {
    throw invalid('COMMENT_TOO_MANY_LINKS', `A comment may contain at most ${maxLinks} links`, 'body');
  }
}
