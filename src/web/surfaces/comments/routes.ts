import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseSort } from '../../../actions/reader/get-comments-page.js';
import type { ThreadNode } from '../../../domain/comment/thread.js';
import { isDomainError } from '../../../domain/shared/errors.js';
import { renderCommentFragment } from '../../../views/pages/comments.page.js';
import { STATUS_FOR } from '../../plugins/error-status.js';
import { FORM_FIELD } from '../../plugins/reader-tokens.js';
import { toChrome } from '../../shared/masthead.js';
import { pageNumber } from '../../shared/schemas.js';
import { NOTICES, pageOf, text, urlsFor } from './form-model.js';
import { commentPages, type CommentsContext } from './pages.js';
import { refusalMessage } from './refusal-message.js';
import { Challenge, CommentParams, EditBody, PageQuery, PostBody, Posted, StoryParams, TokenBody } from './schemas.js';
import { isJson, sendJsonError } from './json.js';

/** The seven routes of readers' comments: the page, a permalink, posting, reporting, deleting and editing one's own. */
export function commentRoutes(app: FastifyInstance, context: CommentsContext): void {
  const { comments, assets, tokens } = context;
  const pages = commentPages(context);

  app.get('/api/comments/challenge', { schema: { response: { 200: Challenge } } }, async (_request, reply) => {
    const challenge = await comments.challenge();
    return reply.header('cache-control', 'no-store').send(challenge);
  });

  app.get<{ Params: StoryParams; Querystring: PageQuery }>(
    '/:service/a/:slug/:id/comments',
    { schema: { params: StoryParams, querystring: PageQuery } },
    async (request, reply) => {
      const { query } = request;
      return pages.renderPage(request, reply, request.params, {
        status: 200,
        page: pageNumber(query.page),
        sort: parseSort(query.sort),
        notice: NOTICES.find((n) => n === query.notice) ?? null,
        replyTo: typeof query.reply === 'number' ? query.reply : null,
        error: null,
        values: null,
      });
    },
  );

  app.get<{ Params: CommentParams }>('/:service/a/:slug/:id/comments/:commentId', { schema: { params: CommentParams } }, async (request, reply) =>
    pages.renderPermalink(request, reply, request.params),
  );

  app.post<{ Params: StoryParams; Body: PostBody }>(
    '/:service/a/:slug/:id/comments',
    { schema: { params: StoryParams, body: PostBody, response: { 201: Posted } } },
    async (request, reply) => {
      const { params, body: fields } = request;
      const json = isJson(request);
      try {
        tokens.checkForm(request, fields[FORM_FIELD]);
        const browserToken = tokens.ensureBrowserToken(request, reply);
        const { comment, story } = await comments.post({
          storyId: params.id,
          parentId: fields.parentId,
          authorName: fields.authorName,
          body: fields.body,
          honeypot: fields.website,
          proofOfWork: fields.altcha ? fields.altcha : null,
          withoutProof: json ? 'refuse' : 'hold',
          address: request.ip,
          browserToken,
        });
        const urls = urlsFor(story);
        if (json) {
          const node: ThreadNode = { comment, replies: [], depth: comment.parentId ? 2 : 1 };
          const chrome = toChrome((await comments.errorMasthead(story.serviceCode))!, assets);
          return reply
            .code(201)
            .header('cache-control', 'no-store')
            .send({
              comment: { id: comment.id, state: comment.state, parentId: comment.parentId },
              count: story.commentCount,
              permalink: urls.permalink(comment.id),
              notice: chrome.i18n.t(comment.state === 'visible' ? 'comments.postedNotice' : 'comments.heldNotice'),
              html:
                comment.state === 'visible'
                  ? renderCommentFragment(chrome.i18n, { node, urls, formToken: String(fields[FORM_FIELD]), own: true })
                  : null,
            });
        }
        const location = comment.state === 'visible' ? urls.permalink(comment.id) : `${urls.page}?notice=held#comments-heading`;
        return reply.redirect(location, 303);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        if (json) {
          const masthead = await comments.errorMasthead(params.service);
          return sendJsonError(reply, error, masthead ? toChrome(masthead, assets).i18n.t(refusalMessage(error.code)) : error.message);
        }
        return pages.renderPage(request, reply, params, {
          status: STATUS_FOR[error.kind],
          page: 1,
          sort: 'oldest',
          notice: null,
          replyTo: typeof fields.parentId === 'number' ? fields.parentId : null,
          error,
          values: { authorName: text(fields.authorName), body: text(fields.body) },
        });
      }
    },
  );

  const checked = (request: FastifyRequest<{ Body: TokenBody }>) => tokens.checkForm(request, request.body[FORM_FIELD]);

  app.post<{ Params: CommentParams; Body: TokenBody }>(
    '/:service/a/:slug/:id/comments/:commentId/report',
    { schema: { params: CommentParams, body: TokenBody } },
    async (request, reply) => {
      checked(request);
      await comments.report({ commentId: request.params.commentId, address: request.ip, browserToken: tokens.browserToken(request) });
      return reply.redirect(`${pageOf(request.params)}?notice=reported#comments-heading`, 303);
    },
  );

  app.post<{ Params: CommentParams; Body: TokenBody }>(
    '/:service/a/:slug/:id/comments/:commentId/delete',
    { schema: { params: CommentParams, body: TokenBody } },
    async (request, reply) => {
      checked(request);
      await comments.remove({ commentId: request.params.commentId, browserToken: tokens.browserToken(request) });
      return reply.redirect(`${pageOf(request.params)}?notice=deleted#comments-heading`, 303);
    },
  );

  app.get<{ Params: CommentParams }>('/:service/a/:slug/:id/comments/:commentId/edit', { schema: { params: CommentParams } }, async (request, reply) => {
    const comment = await comments.ownComment({ commentId: request.params.commentId, browserToken: tokens.browserToken(request) });
    return pages.renderEdit(request, reply, request.params, 200, comment.body, null);
  });

  app.post<{ Params: CommentParams; Body: EditBody }>(
    '/:service/a/:slug/:id/comments/:commentId/edit',
    { schema: { params: CommentParams, body: EditBody } },
    async (request, reply) => {
      const { params, body: fields } = request;
      try {
        tokens.checkForm(request, fields[FORM_FIELD]);
        const comment = await comments.edit({ commentId: params.commentId, browserToken: tokens.browserToken(request), body: fields.body });
        return reply.redirect(`${pageOf(params)}/${comment.id}#comment-${comment.id}`, 303);
      } catch (error) {
        if (!isDomainError(error) || error.kind === 'not-found') throw error;
        return pages.renderEdit(request, reply, params, STATUS_FOR[error.kind], text(fields.body), error);
      }
    },
  );

}
