import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import { DomainError, invalid } from '../../domain/shared/errors.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { CommentGuards } from './guards.js';

export type Challenge = Awaited<ReturnType<typeof createChallenge>>;

/** A self-hosted ALTCHA challenge: the browser finds the number, the server checks it cheaply. */
export async function createWorkChallenge(guards: CommentGuards, clock: Clock): Promise<Challenge> {
  return createChallenge({
    hmacKey: challengeKey(guards.secret),
    maxNumber: guards.workMaxNumber,
    expires: new Date(clock.now().getTime() + guards.challengeTtlMs),
  });
}

export interface VerifiedWork {
  readonly signature: string;
  readonly expiresAt: Date;
}

/**
 * Checks a solution's signature, number and expiry (by our clock). Whether it was used before
 * is checked when it is spent, in the transaction that stores the comment.
 */
export async function verifyWork(guards: CommentGuards, clock: Clock, payload: string): Promise<VerifiedWork> {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
  } catch {
    throw powInvalid();
  }
  if (!isPayload(decoded)) throw powInvalid();
  const expires = Number(extractParams(decoded).expires);
  if (!Number.isFinite(expires)) throw powInvalid();
  const expiresAt = new Date(expires * 1000);
  if (expiresAt.getTime() <= clock.now().getTime()) {
    throw new DomainError('POW_EXPIRED', 'The anti-spam check expired; please try again', 'altcha');
  }
  const ok = await verifySolution(decoded, challengeKey(guards.secret), false).catch(() => false);
  if (!ok) throw powInvalid();
  return { signature: decoded.signature, expiresAt };
}

function isPayload(value: unknown): value is { algorithm: 'SHA-256'; challenge: string; number: number; salt: string; signature: string } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.algorithm === 'SHA-256' &&
    typeof v.challenge === 'string' &&
    typeof v.number === 'number' &&
    typeof v.salt === 'string' &&
    typeof v.signature === 'string' &&
    v.signature.length <= 200
  );
}

function powInvalid() {
  return invalid('POW_INVALID', 'The anti-spam check failed; please try again', 'altcha');
}

/** A key of its own for challenges, derived from the server secret. */
function challengeKey(secret: string): string {
  return `altcha:${secret}`;
}
