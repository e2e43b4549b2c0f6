import { solveChallenge } from 'altcha-lib/v1';
import type { PostingDeps } from '../../src/actions/comments/guards.js';
import { postComment, type PostCommentInput } from '../../src/actions/comments/post-comment.js';
import { createWorkChallenge } from '../../src/actions/comments/proof-of-work.js';
import { RateLimiter, type RateLimits } from '../../src/actions/comments/rate-limiter.js';
import type { ActionDeps } from '../../src/actions/deps.js';

export const TEST_SECRET = 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
export const GENEROUS_LIMITS: RateLimits = {
  perAddress: { max: 10_000, windowMs: 60_000 },
  perStory: { max: 10_000, windowMs: 60_000 },
};

/** Action deps with the posting guards: a cheap proof of work, limits as given. */
export function postingDeps(deps: ActionDeps, limits: RateLimits = GENEROUS_LIMITS): PostingDeps {
  return {
    ...deps,
    guards: { secret: TEST_SECRET, limiter: new RateLimiter(limits), workMaxNumber: 300, challengeTtlMs: 20 * 60_000 },
  };
}

/** Does in the test what the comments island does in the browser: fetch a challenge and solve it. */
export async function solvedWork(deps: PostingDeps): Promise<string> {
  const challenge = await createWorkChallenge(deps.guards, deps.clock);
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
  if (!solution) throw new Error('could not solve the challenge');
  return Buffer.from(
    JSON.stringify({
      algorithm: challenge.algorithm,
      challenge: challenge.challenge,
      number: solution.number,
      salt: challenge.salt,
      signature: challenge.signature,
    }),
  ).toString('base64');
}

let reader = 0;

/** A reader's post with a solved proof of work, from an address and browser of its own unless told. */
export async function readerPost(deps: PostingDeps, input: Partial<PostCommentInput> & { storyId: number }) {
  reader++;
  return postComment(deps, {
    authorName: `Reader ${reader}`,
    body: `Comment number ${reader}`,
    proofOfWork: await solvedWork(deps),
    withoutProof: 'refuse',
    address: `10.0.${Math.floor(reader / 250)}.${reader % 250}`,
    browserToken: `browser-token-${reader}-abcdefghijklmnop`,
    ...input,
  });
}
