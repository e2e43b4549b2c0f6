import type { CommentState } from '../../../domain/comment/comment.js';
import type { CommentSettings } from '../../../domain/comment/comment-settings.js';
import type { Story } from '../../../domain/story/story.js';
import type { VerifiedWork } from '../proof-of-work.js';
import type { PostingDeps } from '../guards.js';

/** What a reader sent, as received: every field is checked by the phases. */
export interface PostCommentInput {
  readonly storyId: number;
  readonly parentId?: unknown;
  readonly authorName: unknown;
  readonly body: unknown;
  /** A field hidden from people; anything in it means a robot filled the form. */
  readonly honeypot?: unknown;
  /** The ALTCHA payload solved in the browser, or null when the browser ran no script. */
  readonly proofOfWork: string | null;
  /**
   * Without a proof of work: 'hold' keeps the comment for a moderator (the no-script form),
   * 'refuse' refuses it (the scripted client, which always sends one).
   */
  readonly withoutProof: 'hold' | 'refuse';
  readonly address: string;
  readonly browserToken: string | null;
}

/** The post as it goes through the phases: checked fields are filled in, the state may be lowered to held. */
export interface PostingContext {
  readonly deps: PostingDeps;
  readonly input: PostCommentInput;
  readonly now: Date;
  readonly addressHash: string;
  readonly tokenHash: string | null;
  authorName: string;
  body: string;
  parentId: number | null;
  story: Story | null;
  settings: CommentSettings | null;
  work: VerifiedWork | null;
  state: CommentState;
  /** Why the comment is held, for the moderator. */
  heldBecause: string | null;
}

export type Phase = (context: PostingContext) => Promise<void> | void;

export function hold(context: PostingContext, reason: string): void {
  context.state = 'held';
  context.heldBecause ??= reason;
}

export function required<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`posting pipeline: ${what} is not known yet; phases are out of order`);
  return value;
}
