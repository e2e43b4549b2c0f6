import { invalid } from '../../../../domain/shared/errors.js';
import type { PostingContext } from '../context.js';

/** People never see the honeypot field; form-filling robots fill it. */
export function checkHoneypot(context: PostingContext): void {
  const value = context.input.honeypot;
  if (value !== undefined && value !== null && value !== '') {
    throw invalid('COMMENT_SPAM_SUSPECTED', 'This comment looks automated and was not posted', 'website');
  }
}
