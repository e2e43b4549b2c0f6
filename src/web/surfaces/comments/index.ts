import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { deleteOwnComment } from '../../../actions/comments/delete-own-comment.js';
import { editOwnComment } from '../../../actions/comments/edit-own-comment.js';
import type { PostingDeps } from '../../../actions/comments/guards.js';
import { isOwnEditable, requireOwnComment } from '../../../actions/comments/own-comment.js';
import { postComment } from '../../../actions/comments/post-comment.js';
import { createWorkChallenge } from '../../../actions/comments/proof-of-work.js';
import { reportComment } from '../../../actions/comments/report-comment.js';
import { getCommentThread } from '../../../actions/reader/get-comment-thread.js';
import { getCommentsPage, parseSort } from '../../../actions/reader/get-comments-page.js';
import { getErrorChrome } from '../../../actions/reader/get-error-chrome.js';
import { parsePage } from '../../../actions/reader/list-page.js';
import type { ThreadNode } from '../../../domain/comment/thread.js';
import { isDomainError, type DomainError } from '../../../domain/shared/errors.js';
import { commentsPath } from '../../../domain/story/story-path.js';
import type { Story } from '../../../domain/story/story.js';
import { renderCommentEditPage } from '../../../views/pages/comment-edit.page.js';
import { renderCommentFragment, renderCommentsPage } from '../../../views/pages/comments.page.js';
import { renderErrorPage } from '../../../views/pages/error.page.js';
import type { Assets, CommentNotice, CommentUrls } from '../../../views/page-model.js';
import { STATUS_FOR } from '../../plugins/error-status.js';
import { FORM_FIELD, readerTokens } from '../../plugins/reader-tokens.js';
import { isUnavailable, replyUnavailable } from '../../plugins/unavailable.js';
import { toChrome } from '../reader/chrome.js';
import { sendUncached } from '../reader/page-response.js';
import { sendUnavailablePage } from '../reader/unavailable-page.js';
import { refusalMessage } from './refusal-message.js';
import { parseFormFields } from '../../plugins/request-text.js';

export interface CommentsSurfaceDeps {
  readonly actions: PostingDeps;
  readonly assets: Assets;
  /** Cookies get the Secure flag when the site is served over HTTPS. */
  readonly secureCookies: boolean;
}

type Params = Record<string, string>;
type Fields = Record<string, unknown>;

const ID = /^[1-9]\d{0,11}$/;

/** What leaves the JSON routes, and nothing else. */
const CHALLENGE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['algorithm', 'challenge', 'maxnumber', 'salt', 'signature'],
  properties: {
    algorithm: { type: 'string' },
    challenge: { type: 'string' },
    maxnumber: { type: 'integer' },
    salt: { type: 'string' },
    signature: { type: 'string' },
  },
} as const;

const POSTED_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['comment', 'count', 'permalink', 'notice', 'html'],
  properties: {
    comment: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'state', 'parentId'],
      properties: { id: { type: 'integer' }, state: { type: 'string' }, parentId: { type: ['integer', 'null'] } },
    },
    count: { type: 'integer' },
    permalink: { type: 'string' },
    notice: { type: 'string' },
    html: { type: ['string', 'null'] },
  },
} as const;
const NOTICES: readonly CommentNotice[] = ['held', 'posted', 'deleted', 'reported'];

/**
 * Readers' comments: the comments page with its form (personal, because it carries the
 * reader's form token, so it is not cached; the story page showing the count is), posting
 * with and without JavaScript, permalinks, reports, and editing one's own comment.
 */
export async function commentsSurface(app: FastifyInstance, deps: CommentsSurfaceDeps): Promise<void> {
  const { actions, assets } = deps;
  const tokens = readerTokens(actions.guards.secret, deps.secureCookies);

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_request, body, done) => {
    try {
      done(null, parseFormFields(body as Buffer, 'first'));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.setErrorHandler((error: FastifyError, request, reply) => sendError(request, reply, error));

  app.get('/api/comments/challenge', { schema: { response: { 200: CHALLENGE_SCHEMA } } }, async (_request, reply) => {
    const challenge = await createWorkChallenge(actions.guards, actions.clock);
    return reply.header('cache-control', 'no-store').send(challenge);
  });

  app.get<{ Params: Params; Querystring: Fields }>('/:service/a/:slug/:id/comments', async (request, reply) => {
    const ids = parseIds(request.params);
    if (!ids) return renderNotFound(request, reply);
    const notice = NOTICES.find((n) => n === request.query.notice) ?? null;
    const replyTo = typeof request.query.reply === 'string' && ID.test(request.query.reply) ? Number(request.query.reply) : null;
    return renderPage(request, reply, { status: 200, notice, replyTo, error: null, values: null });
  });

  app.get<{ Params: Params }>('/:service/a/:slug/:id/comments/:commentId', async (request, reply) => {
    const ids = parseIds(request.params);
    if (!ids?.commentId) return renderNotFound(request, reply);
    const data = await getCommentThread(actions, { storyId: ids.storyId, commentId: ids.commentId });
    const urls = urlsFor(data.story);
    const browserToken = tokens.browserToken(request);
    const formToken = tokens.formToken(request, reply);
    const chrome = toChrome(data.chrome, assets);
    const html = renderCommentsPage(chrome, {
      story: data.story,
      threads: [data.thread],
      commentCount: data.commentCount,
      pagination: { page: 1, hasNext: false, hrefFor: () => urls.page },
      sort: 'oldest',
      sortHref: () => urls.page,
      forumClosed: data.forumClosed,
      form: data.forumClosed ? null : formModel(data.story, formToken, null, null, null, false),
      notice: null,
      ownIds: await ownIdsOf([data.thread], browserToken),
      urls,
      highlightId: data.comment.id,
    });
    return sendUncached(reply, 200, html);
  });

  app.post<{ Params: Params; Body: Fields }>('/:service/a/:slug/:id/comments', { schema: { response: { 201: POSTED_SCHEMA } } }, async (request, reply) => {
    const ids = parseIds(request.params);
    if (!ids) return renderNotFound(request, reply);
    const json = isJson(request);
    const fields = fieldsOf(request.body);
    try {
      tokens.checkForm(request, fields[FORM_FIELD]);
      const browserToken = tokens.ensureBrowserToken(request, reply);
      const comment = await postComment(actions, {
        storyId: ids.storyId,
        parentId: fields.parentId,
        authorName: fields.authorName,
        body: fields.body,
        honeypot: fields.website,
        proofOfWork: typeof fields.altcha === 'string' && fields.altcha !== '' ? fields.altcha : null,
        withoutProof: json ? 'refuse' : 'hold',
        address: request.ip,
        browserToken,
      });
      const story = await actions.store.read.stories.findById(ids.storyId);
      if (!story) throw new Error('the story of a stored comment is gone');
      const urls = urlsFor(story);
      if (json) {
        const node: ThreadNode = { comment, replies: [], depth: comment.parentId ? 2 : 1 };
        const chrome = toChrome((await getErrorChrome(actions, story.serviceCode))!, assets);
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
        const chromeData = await getErrorChrome(actions, request.params.service);
        return sendJsonError(reply, error, chromeData ? toChrome(chromeData, assets).i18n.t(refusalMessage(error.code)) : error.message);
      }
      const parent = typeof fields.parentId === 'string' && ID.test(fields.parentId) ? Number(fields.parentId) : null;
      return renderPage(request, reply, {
        status: STATUS_FOR[error.kind],
        notice: null,
        replyTo: parent,
        error,
        values: { authorName: text(fields.authorName), body: text(fields.body) },
      });
    }
  });

  app.post<{ Params: Params; Body: Fields }>('/:service/a/:slug/:id/comments/:commentId/report', async (request, reply) => {
    const ids = parseIds(request.params);
    if (!ids?.commentId) return renderNotFound(request, reply);
    tokens.checkForm(request, fieldsOf(request.body)[FORM_FIELD]);
    await reportComment(actions, { commentId: ids.commentId, address: request.ip, browserToken: tokens.browserToken(request) });
    return reply.redirect(`${pageOf(request.params)}?notice=reported#comments-heading`, 303);
  });

  app.post<{ Params: Params; Body: Fields }>('/:service/a/:slug/:id/comments/:commentId/delete', async (request, reply) => {
    const ids = parseIds(request.params);
    if (!ids?.commentId) return renderNotFound(request, reply);
    tokens.checkForm(request, fieldsOf(request.body)[FORM_FIELD]);
    await deleteOwnComment(actions, { commentId: ids.commentId, browserToken: tokens.browserToken(request) });
    return reply.redirect(`${pageOf(request.params)}?notice=deleted#comments-heading`, 303);
  });

  app.get<{ Params: Params }>('/:service/a/:slug/:id/comments/:commentId/edit', async (request, reply) => {
    const ids = parseIds(request.params);
    if (!ids?.commentId) return renderNotFound(request, reply);
    const comment = await requireOwnComment(actions.store.read, actions.guards.secret, ids.commentId, tokens.browserToken(request), actions.clock.now());
    return renderEdit(request, reply, 200, comment.body, null);
  });

  app.post<{ Params: Params; Body: Fields }>('/:service/a/:slug/:id/comments/:commentId/edit', async (request, reply) => {
    const ids = parseIds(request.params);
    if (!ids?.commentId) return renderNotFound(request, reply);
    const fields = fieldsOf(request.body);
    try {
      tokens.checkForm(request, fields[FORM_FIELD]);
      const comment = await editOwnComment(actions, { commentId: ids.commentId, browserToken: tokens.browserToken(request), body: fields.body });
      return reply.redirect(`${pageOf(request.params)}/${comment.id}#comment-${comment.id}`, 303);
    } catch (error) {
      if (!isDomainError(error) || error.kind === 'not-found') throw error;
      return renderEdit(request, reply, STATUS_FOR[error.kind], text(fields.body), error);
    }
  });

  async function renderEdit(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, status: number, body: string, error: DomainError | null) {
    const ids = parseIds(request.params)!;
    const thread = await getCommentThread(actions, { storyId: ids.storyId, commentId: ids.commentId! }).catch(() => null);
    const chromeData = thread?.chrome ?? (await getErrorChrome(actions, request.params.service));
    if (!chromeData || !thread) return renderNotFound(request, reply);
    const chrome = toChrome(chromeData, assets);
    const urls = urlsFor(thread.story);
    const html = renderCommentEditPage(chrome, {
      story: thread.story,
      commentId: ids.commentId!,
      body,
      action: urls.edit(ids.commentId!),
      formToken: tokens.formToken(request, reply),
      error: error ? chrome.i18n.t(refusalMessage(error.code)) : null,
      backHref: urls.permalink(ids.commentId!),
    });
    return sendUncached(reply, status, html);
  }

  async function renderPage(
    request: FastifyRequest<{ Params: Params; Querystring?: Fields }>,
    reply: FastifyReply,
    state: {
      status: number;
      notice: CommentNotice | null;
      replyTo: number | null;
      error: DomainError | null;
      values: { authorName: string; body: string } | null;
    },
  ) {
    const ids = parseIds(request.params)!;
    const query = (request.query ?? {}) as Fields;
    const page = parsePage(query.page);
    const sort = parseSort(query.sort);
    const outcome = await getCommentsPage(actions, {
      serviceCode: request.params.service ?? '',
      slug: request.params.slug ?? '',
      storyId: ids.storyId,
      page,
      sort,
    });
    if (outcome.kind === 'redirect') return reply.redirect(commentsPath(outcome), 301);
    const { model } = outcome.page;
    const chrome = toChrome(outcome.page.chrome, assets);
    const urls = urlsFor(model.story);
    const replyTarget = state.replyTo === null ? null : findNode(model.threads, state.replyTo);
    const replyTo = replyTarget
      ? { id: replyTarget.comment.id, authorName: replyTarget.comment.authorName }
      : state.replyTo !== null
        ? await actions.store.read.comments.findById(state.replyTo).then((c) =>
            c && c.storyId === model.story.id && c.state === 'visible' ? { id: c.id, authorName: c.authorName } : null,
          )
        : null;
    const withQuery = (p: number, s: string) => {
      const params = new URLSearchParams();
      if (p > 1) params.set('page', String(p));
      if (s !== 'oldest') params.set('sort', s);
      const q = params.toString();
      return q ? `${urls.page}?${q}` : urls.page;
    };
    const formToken = tokens.formToken(request, reply);
    const error = state.error ? chrome.i18n.t(refusalMessage(state.error.code)) : null;
    const html = renderCommentsPage(chrome, {
      story: model.story,
      threads: model.threads,
      commentCount: model.commentCount,
      pagination: { page, hasNext: model.hasNext, hrefFor: (p) => withQuery(p, sort) },
      sort,
      sortHref: (s) => withQuery(1, s),
      forumClosed: model.forumClosed,
      form: model.forumClosed ? null : formModel(model.story, formToken, replyTo, state.values, error, model.moderation === 'pre'),
      notice: state.notice,
      ownIds: await ownIdsOf(model.threads, tokens.browserToken(request)),
      urls,
      highlightId: null,
    });
    // A closed forum still says so when a post was refused for it.
    return sendUncached(reply, state.status, html);
  }

  async function ownIdsOf(threads: readonly ThreadNode[], browserToken: string | null): Promise<Set<number>> {
    const own = new Set<number>();
    if (!browserToken) return own;
    const now = actions.clock.now();
    const visit = async (node: ThreadNode): Promise<void> => {
      if (await isOwnEditable(actions.store.read, actions.guards.secret, node.comment, browserToken, now)) own.add(node.comment.id);
      for (const reply of node.replies) await visit(reply);
    };
    for (const node of threads) await visit(node);
    return own;
  }

  function formModel(
    story: Story,
    formToken: string,
    replyTo: { id: number; authorName: string } | null,
    values: { authorName: string; body: string } | null,
    error: string | null,
    preModerated: boolean,
  ) {
    return {
      action: commentsPath(story),
      formToken,
      challengeUrl: '/api/comments/challenge',
      replyTo,
      values: values ?? { authorName: '', body: '' },
      error,
      preModerated,
    };
  }

  async function sendError(request: FastifyRequest, reply: FastifyReply, error: FastifyError) {
    if (isUnavailable(error)) {
      if (isJson(request)) return sendJsonError(replyUnavailable(request, reply, error), error);
      return sendUnavailablePage(request, reply, error, actions, assets);
    }
    if (isDomainError(error)) {
      if (isJson(request)) return sendJsonError(reply, error);
      if (error.kind === 'not-found') return renderNotFound(request, reply);
      if (error.kind === 'gone') return renderErrorWith(request, reply, 'gone', 410);
      return renderErrorWith(request, reply, 'bad-request', STATUS_FOR[error.kind]);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      if (isJson(request)) return reply.code(error.statusCode).send({ error: { code: 'REQUEST_INVALID', message: error.message, field: null } });
      return renderErrorWith(request, reply, 'bad-request', error.statusCode);
    }
    request.log.error({ err: error }, 'comments request failed');
    return reply.code(500).header('content-type', 'text/plain; charset=utf-8').send('Something went wrong on our side.');
  }

  function renderNotFound(request: FastifyRequest, reply: FastifyReply) {
    return renderErrorWith(request, reply, 'not-found', 404);
  }

  async function renderErrorWith(request: FastifyRequest, reply: FastifyReply, kind: 'not-found' | 'gone' | 'bad-request', status: number) {
    const chromeData = await getErrorChrome(actions, request.url.split('/')[1]?.split('?')[0]);
    if (!chromeData) return reply.code(status).header('content-type', 'text/plain; charset=utf-8').send('Not found');
    return sendUncached(reply, status, renderErrorPage(toChrome(chromeData, assets), kind));
  }
}

function sendJsonError(reply: FastifyReply, error: DomainError, message = error.message) {
  return reply
    .code(STATUS_FOR[error.kind])
    .header('cache-control', 'no-store')
    .send({ error: { code: error.code, message, field: error.field ?? null } });
}

function parseIds(params: Params): { storyId: number; commentId: number | null } | null {
  const { id = '', commentId } = params;
  if (!ID.test(id)) return null;
  if (commentId !== undefined && !ID.test(commentId)) return null;
  return { storyId: Number(id), commentId: commentId === undefined ? null : Number(commentId) };
}

function pageOf(params: Params): string {
  return `/${encodeURIComponent(params.service ?? '')}/a/${encodeURIComponent(params.slug ?? '')}/${params.id ?? ''}/comments`;
}

function urlsFor(story: Story): CommentUrls {
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

function findNode(threads: readonly ThreadNode[], id: number): ThreadNode | null {
  for (const node of threads) {
    if (node.comment.id === id) return node;
    const found = findNode(node.replies, id);
    if (found) return found;
  }
  return null;
}

function isJson(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').startsWith('application/json') || (request.headers.accept ?? '').startsWith('application/json');
}

function fieldsOf(body: unknown): Fields {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Fields) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 10_000) : '';
}
