import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReaderComments } from '../../../actions/comments/reader-comments.js';
import type { CommentSort } from '../../../actions/reader/get-comments-page.js';
import type { DomainError } from '../../../domain/shared/errors.js';
import { commentsPath } from '../../../domain/story/story-path.js';
import { renderCommentEditPage } from '../../../views/pages/comment-edit.page.js';
import { renderCommentsPage } from '../../../views/pages/comments.page.js';
import type { Assets, CommentNotice } from '../../../views/page-model.js';
import type { ReaderTokens } from '../../plugins/reader-tokens.js';
import { toChrome, type ReaderErrorPages } from '../../shared/masthead.js';
import { sendUncached } from '../../shared/page-reply.js';
import { commentsOf, findNode, formModel, pageHref, urlsFor, type FormValues } from './form-model.js';
import { refusalMessage } from './refusal-message.js';

/** What the comment routes share: the actions they may use, the reader's tokens, the error pages. */
export interface CommentsContext {
  readonly comments: ReaderComments;
  readonly assets: Assets;
  readonly tokens: ReaderTokens;
  readonly errors: ReaderErrorPages;
}

export interface PageState {
  readonly status: number;
  readonly page: number;
  readonly sort: CommentSort;
  readonly notice: CommentNotice | null;
  readonly replyTo: number | null;
  readonly error: DomainError | null;
  readonly values: FormValues | null;
}

/** The comments page and the edit page, built from the actions' data and the reader's tokens. */
export function commentPages({ comments, assets, tokens, errors }: CommentsContext) {
  async function renderPage(
    request: FastifyRequest,
    reply: FastifyReply,
    params: { service: string; slug: string; id: number },
    state: PageState,
  ) {
    const outcome = await comments.page({ serviceCode: params.service, slug: params.slug, storyId: params.id, page: state.page, sort: state.sort });
    if (outcome.kind === 'redirect') return reply.redirect(commentsPath(outcome), 301);
    const { model } = outcome.page;
    const chrome = toChrome(outcome.page.chrome, assets);
    const urls = urlsFor(model.story);
    const shown = state.replyTo === null ? null : findNode(model.threads, state.replyTo);
    const replyTo = shown
      ? { id: shown.comment.id, authorName: shown.comment.authorName }
      : state.replyTo !== null
        ? await comments.replyTarget({ storyId: model.story.id, commentId: state.replyTo })
        : null;
    const formToken = tokens.formToken(request, reply);
    const error = state.error ? chrome.i18n.t(refusalMessage(state.error.code)) : null;
    const html = renderCommentsPage(chrome, {
      story: model.story,
      threads: model.threads,
      commentCount: model.commentCount,
      pagination: { page: state.page, hasNext: model.hasNext, hrefFor: (p) => pageHref(urls.page, p, state.sort) },
      sort: state.sort,
      sortHref: (s) => pageHref(urls.page, 1, s),
      forumClosed: model.forumClosed,
      form: model.forumClosed ? null : formModel(model.story, formToken, replyTo, state.values, error, model.moderation === 'pre'),
      notice: state.notice,
      ownIds: await comments.ownEditableIds(commentsOf(model.threads), tokens.browserToken(request)),
      urls,
      highlightId: null,
    });
    // A closed forum still says so when a post was refused for it.
    return sendUncached(reply, state.status, html);
  }

  async function renderPermalink(request: FastifyRequest, reply: FastifyReply, params: { id: number; commentId: number }) {
    const data = await comments.thread({ storyId: params.id, commentId: params.commentId });
    const urls = urlsFor(data.story);
    const browserToken = tokens.browserToken(request);
    const formToken = tokens.formToken(request, reply);
    const html = renderCommentsPage(toChrome(data.chrome, assets), {
      story: data.story,
      threads: [data.thread],
      commentCount: data.commentCount,
      pagination: { page: 1, hasNext: false, hrefFor: () => urls.page },
      sort: 'oldest',
      sortHref: () => urls.page,
      forumClosed: data.forumClosed,
      form: data.forumClosed ? null : formModel(data.story, formToken, null, null, null, false),
      notice: null,
      ownIds: await comments.ownEditableIds(commentsOf([data.thread]), browserToken),
      urls,
      highlightId: data.comment.id,
    });
    return sendUncached(reply, 200, html);
  }

  async function renderEdit(
    request: FastifyRequest,
    reply: FastifyReply,
    params: { service: string; id: number; commentId: number },
    status: number,
    body: string,
    error: DomainError | null,
  ) {
    const thread = await comments.thread({ storyId: params.id, commentId: params.commentId }).catch(() => null);
    if (!thread) return errors.notFound(request, reply);
    const chrome = toChrome(thread.chrome, assets);
    const urls = urlsFor(thread.story);
    const html = renderCommentEditPage(chrome, {
      story: thread.story,
      commentId: params.commentId,
      body,
      action: urls.edit(params.commentId),
      formToken: tokens.formToken(request, reply),
      error: error ? chrome.i18n.t(refusalMessage(error.code)) : null,
      backHref: urls.permalink(params.commentId),
    });
    return sendUncached(reply, status, html);
  }

  return { renderPage, renderPermalink, renderEdit };
}
