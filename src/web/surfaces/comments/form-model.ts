import type { ThreadNode } from '../../../domain/comment/thread.js';
import { commentsPath } from '../../../domain/story/story-path.js';
import type { Story } from '../../../domain/story/story.js';
import type { CommentNotice, CommentUrls } from '../../../views/page-model.js';

export const NOTICES: readonly CommentNotice[] = ['held', 'posted', 'deleted', 'reported'];
export const CHALLENGE_URL = '/api/comments/challenge';

export interface FormValues {
  readonly authorName: string;
  readonly body: string;
}

/** The comment form as the page shows it: where it posts, its token, whom it answers, what was typed, what went wrong. */
export function formModel(
  story: Story,
  formToken: string,
  replyTo: { id: number; authorName: string } | null,
  values: FormValues | null,
  error: string | null,
  preModerated: boolean,
) {
  return {
    action: commentsPath(story),
    formToken,
    challengeUrl: CHALLENGE_URL,
    replyTo,
    values: values ?? { authorName: '', body: '' },
    error,
    preModerated,
  };
}

/** The addresses of a story's comments page and of what can be done to each comment. */
export function urlsFor(story: Story): CommentUrls {
  const page = commentsPath(story);
  return {
    page,
    permalink: (id) => `${page}/${id}#comment-${id}`,
    reply: (id) => `${page}?reply=${id}#comment-form`,
    report: (id) => `${page}/${id}/report`,
    edit: (id) => `${page}/${id}/edit`,
    remove: (id) => `${page}/${id}/delete`,
  };
}

/** The comments page the request's address names (for redirects after report and delete). */
export function pageOf(params: { service: string; slug: string; id: number }): string {
  return `/${encodeURIComponent(params.service)}/a/${encodeURIComponent(params.slug)}/${params.id}/comments`;
}

/** A page of the comments in a sort order: the page address with only what differs from the first page, oldest first. */
export function pageHref(page: string, pageNumber: number, sort: string): string {
  const params = new URLSearchParams();
  if (pageNumber > 1) params.set('page', String(pageNumber));
  if (sort !== 'oldest') params.set('sort', sort);
  const query = params.toString();
  return query ? `${page}?${query}` : page;
}

export function findNode(threads: readonly ThreadNode[], id: number): ThreadNode | null {
  for (const node of threads) {
    if (node.comment.id === id) return node;
    const found = findNode(node.replies, id);
    if (found) return found;
  }
  return null;
}

/** Every comment shown, replies included. */
export function commentsOf(threads: readonly ThreadNode[]): ThreadNode['comment'][] {
  return threads.flatMap((node) => [node.comment, ...commentsOf(node.replies)]);
}

/** What a refused form showed, to show it again. */
export function text(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 10_000) : '';
}
