/** visible: shown and counted; held: waiting for a moderator; rejected and spam: never shown. */
export type CommentState = 'visible' | 'held' | 'rejected' | 'spam';

export interface Comment {
  readonly id: number;
  readonly storyId: number;
  readonly parentId: number | null;
  /** The top comment of the thread this one answers; null for a top comment. */
  readonly rootId: number | null;
  readonly authorName: string;
  readonly body: string;
  readonly state: CommentState;
  readonly createdAt: Date;
  readonly editedAt: Date | null;
}

/** A comment waiting in the moderation queue, with what a moderator needs to judge it. */
export interface QueuedComment extends Comment {
  readonly serviceCode: string;
  readonly storyHeadline: string;
  readonly reportCount: number;
}

/** Who posted a comment, as salted hashes only: enough to limit, ban and recognise, never to identify. */
export interface CommentProvenance {
  readonly addressHash: string | null;
  readonly tokenHash: string | null;
}

/** A reader may change their own comment for this long after posting it. */
export const OWN_EDIT_WINDOW_MS = 15 * 60_000;

export function canStillEdit(comment: Pick<Comment, 'createdAt'>, now: Date): boolean {
  return now.getTime() - comment.createdAt.getTime() <= OWN_EDIT_WINDOW_MS;
}
