import { DomainError } from '../../../../domain/shared/errors.js';
import { required, type PostingContext } from '../context.js';

/** Authors a moderator banned, by address hash or browser token, post nothing on the service. */
export async function checkBannedAuthor(context: PostingContext): Promise<void> {
  const story = required(context.story, 'story');
  const banned = await context.deps.store.read.commentRules.isBanned(story.serviceCode, {
    addressHash: context.addressHash,
    tokenHash: context.tokenHash,
  });
  if (banned) throw new DomainError('COMMENT_AUTHOR_BANNED', 'You can no longer comment on this site');
}
