import { findBannedWord } from '../../../../domain/comment/comment-text.js';
import { invalid } from '../../../../domain/shared/errors.js';
import { required, type PostingContext } from '../context.js';

/** Words the service does not publish, in the name or the text. */
export function checkBannedWords(context: PostingContext): void {
  const { bannedWords } = required(context.settings, 'settings');
  if (findBannedWord(`${context.authorName}\n${context.body}`, bannedWords) !== null) {
    throw invalid('COMMENT_BANNED_WORD', 'This comment contains words this site does not publish', 'body');
  }
}
