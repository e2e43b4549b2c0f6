import { invalid } from '../../../../domain/shared/errors.js';
import { verifyWork } from '../../proof-of-work.js';
import { hold, type PostingContext } from '../context.js';

/**
 * A valid, unexpired ALTCHA solution. Without one, the scripted client is refused; the
 * no-script form's comment is kept for a moderator instead (readers without JavaScript can
 * still take part, robots skipping the work never appear unreviewed). A solution that is
 * present but wrong is refused either way. Reuse is caught when the solution is spent.
 */
export async function checkProofOfWork(context: PostingContext): Promise<void> {
  const payload = context.input.proofOfWork;
  if (payload === null || payload === '') {
    if (context.input.withoutProof === 'refuse') {
      throw invalid('POW_REQUIRED', 'The anti-spam check is missing; please try again', 'altcha');
    }
    hold(context, 'posted without the anti-spam check (no JavaScript)');
    return;
  }
  if (payload.length > 2_000) throw invalid('POW_INVALID', 'The anti-spam check failed; please try again', 'altcha');
  context.work = await verifyWork(context.deps.guards, context.deps.clock, payload);
}
