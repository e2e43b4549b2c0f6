import { required, type PostingContext } from '../context.js';

/** A few posts a minute per address, and a ceiling per story against floods. */
export function checkRate(context: PostingContext): void {
  const story = required(context.story, 'story');
  const { limiter } = context.deps.guards;
  limiter.take(
    [
      { key: `address:${context.addressHash}`, limit: limiter.limits.perAddress },
      { key: `story:${story.id}`, limit: limiter.limits.perStory },
    ],
    context.now.getTime(),
  );
}
