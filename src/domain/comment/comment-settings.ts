import { invalid } from '../shared/errors.js';

export type ModerationMode = 'pre' | 'post';

/** A service's rules for readers' comments. */
export interface CommentSettings {
  readonly serviceCode: string;
  /** pre: every comment waits for a moderator; post: comments show at once and can be removed. */
  readonly moderation: ModerationMode;
  /** Forums close by themselves this many days after publication; null: never. */
  readonly autoCloseDays: number | null;
  readonly maxLinks: number;
  readonly bannedWords: readonly string[];
}

export function defaultCommentSettings(serviceCode: string): CommentSettings {
  return { serviceCode, moderation: 'post', autoCloseDays: null, maxLinks: 2, bannedWords: [] };
}

export function parseCommentSettings(serviceCode: string, input: Record<string, unknown>, base: CommentSettings): CommentSettings {
  const moderation = input.moderation ?? base.moderation;
  if (moderation !== 'pre' && moderation !== 'post') {
    throw invalid('MODERATION_MODE_INVALID', 'moderation must be "pre" or "post"', 'moderation');
  }
  const autoCloseDays = input.autoCloseDays === undefined ? base.autoCloseDays : input.autoCloseDays;
  if (autoCloseDays !== null && (typeof autoCloseDays !== 'number' || !Number.isInteger(autoCloseDays) || autoCloseDays < 1 || autoCloseDays > 3650)) {
    throw invalid('AUTO_CLOSE_INVALID', 'autoCloseDays must be a whole number of days from 1 to 3650, or null', 'autoCloseDays');
  }
  const maxLinks = input.maxLinks ?? base.maxLinks;
  if (typeof maxLinks !== 'number' || !Number.isInteger(maxLinks) || maxLinks < 0 || maxLinks > 50) {
    throw invalid('MAX_LINKS_INVALID', 'maxLinks must be a whole number from 0 to 50', 'maxLinks');
  }
  const words = input.bannedWords ?? base.bannedWords;
  if (!Array.isArray(words) || words.some((w) => typeof w !== 'string' || w.trim() === '' || w.length > 100) || words.length > 5000) {
    throw invalid('BANNED_WORDS_INVALID', 'bannedWords must be a list of non-empty words of at most 100 characters', 'bannedWords');
  }
  const bannedWords = [...new Set((words as string[]).map((w) => w.trim().normalize('NFKC').toLocaleLowerCase()))];
  return { serviceCode, moderation, autoCloseDays, maxLinks, bannedWords };
}

/** When a story's forum closes by age, or null when it never does. */
export function autoClosesAt(publishedAt: Date | null, settings: Pick<CommentSettings, 'autoCloseDays'>): Date | null {
  if (!publishedAt || settings.autoCloseDays === null) return null;
  return new Date(publishedAt.getTime() + settings.autoCloseDays * 86_400_000);
}

/** A forum is closed when an editor closed it or when it has passed the service's age limit. */
export function isForumClosed(
  story: { commentsState: 'open' | 'closed'; publishedAt: Date | null },
  settings: Pick<CommentSettings, 'autoCloseDays'>,
  now: Date,
): boolean {
  if (story.commentsState === 'closed') return true;
  const closesAt = autoClosesAt(story.publishedAt, settings);
  return closesAt !== null && now.getTime() >= closesAt.getTime();
}
