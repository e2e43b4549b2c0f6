import { pseudonymKey } from '../../../../domain/comment/ban.js';
import { DomainError } from '../../../../domain/shared/errors.js';
import { required, type PostingContext } from '../context.js';

/**
 * Authors a moderator banned post nothing on the service while the ban holds: by browser
 * token, by pseudonym, or (for a while) by address. A ban on one reader's token or pseudonym
 * leaves other readers behind the same address free to post.
 */
export async function checkBannedAuthor(context: PostingContext): Promise<void> {
  const story = required(context.story, 'story');
  const banned = await context.deps.store.read.commentRules.isBanned(
    story.serviceCode,
    { address: context.addressHash, token: context.tokenHash, pseudonym: pseudonymKey(context.authorName) },
    context.now,
  );
  if (banned) throw new DomainError('COMMENT_AUTHOR_BANNED', 'You can no longer comment on this site');
}
