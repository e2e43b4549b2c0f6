/** visible: shown and counted; held: waiting for a moderator; rejected and spam: never shown. */
export type CommentState = 'visible' | 'held' | 'rejected' | 'spam';

export interface Comment {
  readonly id: number;
  readonly storyId: number;
  readonly parentId: number | null;
  readonly authorName: string;
  readonly body: string;
  readonly state: CommentState;
  readonly createdAt: Date;
}
