import { invalid } from '../shared/errors.js';
import { duplicateKey } from './comment-text.js';

/**
 * What a ban holds to: the browser token (an account of sorts: the reader's own browser), the
 * pseudonym, or the network address. Token and pseudonym come first; an address is shared by
 * every reader behind the same carrier NAT, so it is banned only when chosen, and never for good.
 */
export type BanKind = 'token' | 'pseudonym' | 'address';

export const BAN_KINDS: readonly BanKind[] = ['token', 'pseudonym', 'address'];

/** An address ban ends within this many days (a shared address belongs to many readers). */
export const MAX_ADDRESS_BAN_DAYS = 30;
/** Any other ban, when given an end, ends within this many days. */
export const MAX_BAN_DAYS = 3650;

const DAY_MS = 24 * 60 * 60_000;

export interface CommentBan {
  readonly id: number;
  readonly serviceCode: string;
  readonly kind: BanKind;
  /** The name the person commented under when banned. */
  readonly label: string;
  readonly commentId: number | null;
  readonly createdBy: number | null;
  readonly createdAt: Date;
  readonly endsAt: Date | null;
  readonly liftedAt: Date | null;
}

/** What a moderator asked for when banning a comment's author. */
export interface BanRequest {
  readonly kinds: readonly BanKind[];
  readonly endsAt: Date | null;
  /** Also reject the person's comments still waiting for a moderator. */
  readonly removeQueued: boolean;
}

/** Checks a ban request: at least one target; an end in the future and within bounds; an address only with an end. */
export function checkBanRequest(request: BanRequest, now: Date): void {
  if (request.kinds.length === 0) throw invalid('BAN_KIND_REQUIRED', 'Choose whom to ban: the browser, the pseudonym, or the address', 'by');
  const { endsAt } = request;
  if (endsAt !== null) {
    if (Number.isNaN(endsAt.getTime()) || endsAt.getTime() <= now.getTime()) {
      throw invalid('BAN_END_INVALID', 'The end of a ban must be a date in the future', 'until');
    }
    const maxDays = request.kinds.includes('address') ? MAX_ADDRESS_BAN_DAYS : MAX_BAN_DAYS;
    if (endsAt.getTime() - now.getTime() > maxDays * DAY_MS) {
      throw invalid('BAN_END_INVALID', `The end of this ban must be within ${maxDays} days`, 'until');
    }
  } else if (request.kinds.includes('address')) {
    throw invalid('BAN_END_REQUIRED', `An address ban needs an end, within ${MAX_ADDRESS_BAN_DAYS} days: other readers may share the address`, 'until');
  }
}

/** A pseudonym as bans compare it: case, width and spacing do not make a name new. */
export function pseudonymKey(name: string): string {
  return duplicateKey(name);
}

/** Whether a ban still holds at `now`. */
export function banHolds(ban: Pick<CommentBan, 'endsAt' | 'liftedAt'>, now: Date): boolean {
  return ban.liftedAt === null && (ban.endsAt === null || ban.endsAt.getTime() > now.getTime());
}
