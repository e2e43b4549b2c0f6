import type { Phase } from './context.js';
import { applyModerationMode } from './phases/apply-moderation-mode.js';
import { checkBannedAuthor } from './phases/check-banned-author.js';
import { checkBannedWords } from './phases/check-banned-words.js';
import { checkDuplicate } from './phases/check-duplicate.js';
import { checkForumOpen } from './phases/check-forum-open.js';
import { checkHoneypot } from './phases/check-honeypot.js';
import { checkLinks } from './phases/check-links.js';
import { checkProofOfWork } from './phases/check-proof-of-work.js';
import { checkRate } from './phases/check-rate.js';
import { checkText } from './phases/check-text.js';

/**
 * The phases a reader's comment passes, in order: cheap checks on the text first, then the
 * story, the author, the rate, the proof of work, and the content rules. A phase refuses by
 * throwing a DomainError (nothing is stored) or lowers the comment's state to held.
 */
export const POSTING_PHASES: readonly Phase[] = [
  checkText,
  checkHoneypot,
  checkForumOpen,
  checkBannedAuthor,
  checkRate,
  checkProofOfWork,
  checkLinks,
  checkBannedWords,
  checkDuplicate,
  applyModerationMode,
];
