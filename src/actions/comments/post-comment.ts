import type { Comment } from '../../domain/comment/comment.js';
import { DomainError } from '../../domain/shared/errors.js';
import { identityHash, type PostingDeps } from './guards.js';
import { required, type PostCommentInput, type PostingContext } from './pipeline/context.js';
import { POSTING_PHASES } from './pipeline/pipeline.js';

export type { PostCommentInput };

/**
 * A reader posts a comment: the posting phases check it (refusing with a code, storing
 * nothing), then one transaction spends the proof of work and stores the comment, and
 * comments.changed tells the page cache.
 */
export async function postComment(deps: PostingDeps, input: PostCommentInput): Promise<Comment> {
  const { secret } = deps.guards;
  const context: PostingContext = {
    deps,
    input,
    now: deps.clock.now(),
    addressHash: identityHash(secret, 'address', input.address),
    tokenHash: input.browserToken ? identityHash(secret, 'token', input.browserToken) : null,
    authorName: '',
    body: '',
    parentId: null,
    story: null,
    settings: null,
    work: null,
    state: 'visible',
    heldBecause: null,
  };
  for (const phase of POSTING_PHASES) await phase(context);
  const story = required(context.story, 'story');

  return deps.store.transaction(async (repos, emit) => {
    if (context.work && !(await repos.commentRules.spendChallenge(context.work.signature, context.work.expiresAt, context.now))) {
      throw new DomainError('POW_REPLAYED', 'This anti-spam check was already used; please try again', 'altcha');
    }
    const stored = await repos.comments.insert(
      {
        storyId: story.id,
        parentId: context.parentId,
        authorName: context.authorName,
        body: context.body,
        state: context.state,
        createdAt: context.now,
      },
      { addressHash: context.addressHash, tokenHash: context.tokenHash },
    );
    if (context.heldBecause) {
      await repos.audit.record(
        { userId: null, action: 'comment.held', subject: `comment:${stored.id}`, details: { serviceCode: story.serviceCode, reason: context.heldBecause } },
        context.now,
      );
    }
    emit({ type: 'comments.changed', storyId: story.id, serviceCode: story.serviceCode });
    return stored;
  });
}
