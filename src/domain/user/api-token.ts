import { invalid } from '../shared/errors.js';

/** A personal API token as its owner and admins see it: never the secret itself (only its hash is kept). */
export interface ApiToken {
  readonly id: number;
  readonly userId: number;
  readonly label: string;
  readonly createdAt: Date;
  /** null: never expires. */
  readonly expiresAt: Date | null;
  /** null: never used. Kept to the minute (see LAST_USED_PRECISION_MS). */
  readonly lastUsedAt: Date | null;
}

/** Tokens may live from a day to two years; without a number of days they never expire. */
export const TOKEN_EXPIRY_DAYS = { min: 1, max: 730 } as const;
/** Expiry choices the newsroom form offers (days; '' never). */
export const TOKEN_EXPIRY_CHOICES = [7, 30, 90, 365] as const;

/** Using a token writes its last-used time at most once a minute. */
export const LAST_USED_PRECISION_MS = 60_000;

/** When a token made now for `days` days expires; undefined/null/'' means never. */
export function tokenExpiry(days: unknown, now: Date): Date | null {
  if (days === undefined || days === null || days === '') return null;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < TOKEN_EXPIRY_DAYS.min || days > TOKEN_EXPIRY_DAYS.max) {
    throw invalid('FIELD_INVALID', `expiresInDays must be a whole number from ${TOKEN_EXPIRY_DAYS.min} to ${TOKEN_EXPIRY_DAYS.max}`, 'expiresInDays');
  }
  return new Date(now.getTime() + days * 24 * 60 * 60_000);
}

export function isTokenLive(token: Pick<ApiToken, 'expiresAt'>, now: Date): boolean {
  return token.expiresAt === null || token.expiresAt > now;
}
