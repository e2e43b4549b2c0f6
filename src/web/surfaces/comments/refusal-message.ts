import type { MessageKey } from '../../../i18n/messages/en.js';

/** The reader's words for why a comment was refused, by error code. */
export function refusalMessage(code: string): MessageKey {
  switch (code) {
    case 'COMMENTS_CLOSED':
      return 'comments.error.closed';
    case 'RATE_LIMITED':
      return 'comments.error.rate';
    case 'POW_REQUIRED':
    case 'POW_INVALID':
    case 'POW_EXPIRED':
    case 'POW_REPLAYED':
      return 'comments.error.work';
    case 'COMMENT_DUPLICATE':
      return 'comments.error.duplicate';
    case 'COMMENT_TOO_MANY_LINKS':
      return 'comments.error.links';
    case 'COMMENT_BANNED_WORD':
      return 'comments.error.words';
    case 'COMMENT_AUTHOR_BANNED':
      return 'comments.error.banned';
    case 'COMMENT_SPAM_SUSPECTED':
      return 'comments.error.spam';
    case 'FORM_EXPIRED':
      return 'comments.error.form';
    case 'COMMENT_FIELD_INVALID':
    case 'COMMENT_FIELD_REQUIRED':
    case 'COMMENT_FIELD_TOO_LONG':
    case 'COMMENT_CONTROL_CHARACTERS':
      return 'comments.error.text';
    case 'COMMENT_PARENT_INVALID':
      return 'comments.error.parent';
    case 'COMMENT_NOT_YOURS':
    case 'COMMENT_EDIT_EXPIRED':
      return 'comments.error.notYours';
    default:
      return 'comments.error.other';
  }
}
