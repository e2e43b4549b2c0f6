import type { Comment } from './comment.js';

export interface ThreadNode {
  readonly comment: Comment;
  readonly replies: readonly ThreadNode[];
  readonly depth: number;
}

/** Deeper replies are shown at this depth, each naming whom it answers. */
export const MAX_DEPTH = 3;

/**
 * Arranges top comments and their replies into trees. Replies whose parent is not shown
 * (removed, or not on this page) hang from the nearest shown ancestor's root.
 */
export function buildThreads(roots: readonly Comment[], replies: readonly Comment[]): ThreadNode[] {
  const children = new Map<number, Comment[]>();
  const shown = new Set([...roots, ...replies].map((c) => c.id));
  for (const reply of replies) {
    const parent = reply.parentId !== null && shown.has(reply.parentId) ? reply.parentId : reply.rootId;
    if (parent === null) continue;
    const list = children.get(parent) ?? [];
    list.push(reply);
    children.set(parent, list);
  }
  const build = (comment: Comment, depth: number): ThreadNode => {
    const own = children.get(comment.id) ?? [];
    const nested = own.map((c) => build(c, Math.min(depth + 1, MAX_DEPTH)));
    return { comment, depth, replies: nested };
  };
  return roots.map((root) => build(root, 1));
}
