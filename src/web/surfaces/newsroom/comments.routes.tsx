import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_BULK_COMMENTS, MODERATION_DECISIONS } from '../../../actions/comments/moderate-comment.js';
import { BAN_KINDS } from '../../../domain/comment/ban.js';
import { isDomainError } from '../../../domain/shared/errors.js';
import { isId } from '../../../domain/shared/limits.js';
import { can } from '../../../domain/user/permissions.js';
import { CommentBanPage } from '../../../views/pages/newsroom/comment-ban.page.js';
import { CommentBansPage } from '../../../views/pages/newsroom/comment-bans.page.js';
import { CommentsPage, queueUrl, type QueueShow, type QueueView, type RefusedForm } from '../../../views/pages/newsroom/comments.page.js';
import { authOf } from '../../shared/route-permission.js';
import type { FormBody } from './form-body.js';
import { refusalText } from './error-text.js';
import { idOf, pageOf, type PageHelpers } from './page-helpers.js';
import { CommentBansQuery, CommentQueueQuery } from './schemas.js';

const SHOWS: readonly QueueShow[] = ['all', 'reported', 'held'];

/** The queue view a query or a form names; what it does not name takes its default. */
function viewOf(fields: FormBody): Omit<QueueView, 'serviceCode'> & { wanted: string } {
  const story = Number(fields.story);
  return {
    wanted: fields.service ?? '',
    show: SHOWS.find((s) => s === fields.show) ?? 'all',
    storyId: isId(story) ? story : null,
    page: pageOf(fields.page),
  };
}

/** Comment ids ticked in the bulk form: each checkbox is named `comment-<id>` (forms keep one value per name). */
function tickedIds(form: FormBody): number[] {
  return Object.keys(form)
    .map((name) => /^comment-(\d{1,12})$/.exec(name)?.[1])
    .filter((id): id is string => id !== undefined && form[`comment-${id}`] === '1')
    .map(Number);
}

/** The end of the day a date field names, in UTC; null when left empty; an invalid date when not a date. */
function endOfDay(value: string | undefined): Date | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T23:59:59.999Z`) : new Date(Number.NaN);
}

/** /newsroom/comments: the moderation queue of the services the person moderates, its bans, and the comment rules for editors. */
export function moderationPages(app: FastifyInstance, { actions, mastheadFor, html }: PageHelpers): void {
  const moderated = async (request: FastifyRequest) => {
    const actor = authOf(request).actor;
    return (await actions.newsroomFormOptions(actor)).services.filter((s) => can(actor, 'comments.moderate', { serviceCode: s.code }));
  };

  /** The comments a bulk decision just changed (named in the redirect), those the person may still see. */
  const decidedComments = async (request: FastifyRequest, list: string | undefined) => {
    const ids = (list ?? '').split(',').map(Number).filter(isId).slice(0, MAX_BULK_COMMENTS);
    const found = await Promise.all(ids.map((id) => actions.getModeratedComment(authOf(request).actor, id).catch(() => null)));
    return found.filter((comment) => comment !== null);
  };

  const queuePage = async (request: FastifyRequest, reply: FastifyReply, fields: FormBody, refused: RefusedForm | null = null) => {
    const actor = authOf(request).actor;
    const services = await moderated(request);
    const { wanted, ...rest } = viewOf(fields);
    const view: QueueView = { ...rest, serviceCode: services.find((s) => s.code === wanted)?.code ?? services[0]?.code ?? '' };
    const queue = view.serviceCode
      ? await actions.listModerationQueue(actor, view.serviceCode, view.page, { show: view.show, ...(view.storyId !== null ? { storyId: view.storyId } : {}) })
      : { comments: [], hasNext: false };
    // The story's headline names the filter, for those who may read the story (a moderator may not).
    const story = view.storyId !== null ? await actions.getNewsroomStory(actor, view.storyId).catch((error: unknown) => (isDomainError(error) ? undefined : Promise.reject(error))) : undefined;
    const settings = view.serviceCode && can(actor, 'comments.settings', { serviceCode: view.serviceCode }) ? await actions.getCommentSettings(actor, view.serviceCode) : null;
    const count = Number(fields.count);
    const what = (['bulk', 'ban'] as const).find((w) => w === fields.done);
    const decided = what === 'bulk' ? await decidedComments(request, fields.decided) : [];
    const done = what ? { what, count: Number.isInteger(count) && count >= 0 ? count : 0, decided } : null;
    return html(
      reply,
      <CommentsPage
        masthead={await mastheadFor(request)}
        services={services}
        view={view}
        comments={queue.comments}
        hasNext={queue.hasNext}
        storyHeadline={story && story.serviceCode === view.serviceCode ? story.headline : null}
        settings={settings}
        refused={refused}
        done={done}
      />,
      refused ? 400 : 200,
    );
  };

  app.get('/newsroom/comments', { config: { permission: 'comments.moderate' }, schema: { querystring: CommentQueueQuery } }, async (request, reply) =>
    queuePage(request, reply, request.query as FormBody),
  );

  /** Back to the queue view the form was posted from, saying what was done. */
  const backToQueue = (reply: FastifyReply, form: FormBody, done?: { what: 'bulk' | 'ban'; count: number; ids?: readonly number[] }) => {
    const { wanted, ...rest } = viewOf(form);
    const url = wanted ? queueUrl({ ...rest, serviceCode: wanted }) : '/newsroom/comments';
    const decided = done?.ids?.length ? `&decided=${done.ids.join(',')}` : '';
    const suffix = done ? `${url.includes('?') ? '&' : '?'}done=${done.what}&count=${done.count}${decided}` : '';
    return reply.redirect(url + suffix, 303);
  };

  for (const verb of MODERATION_DECISIONS) {
    app.post(`/newsroom/comments/:id/${verb}`, { config: { permission: 'comments.moderate' } }, async (request, reply) => {
      await actions.moderateComment(authOf(request).actor, idOf(request), verb);
      return backToQueue(reply, (request.body ?? {}) as FormBody);
    });
  }

  app.post('/newsroom/comments/bulk', { config: { permission: 'comments.moderate' } }, async (request, reply) => {
    const form = (request.body ?? {}) as FormBody;
    const ids = tickedIds(form);
    try {
      const decided = await actions.moderateComments(authOf(request).actor, ids, form.decision);
      return backToQueue(reply, form, { what: 'bulk', count: decided.length, ids: decided.map((c) => c.id) });
    } catch (error) {
      return queuePage(request, reply, form, { form: 'bulk', message: refusalText(request, error), ids, decision: form.decision ?? '' });
    }
  });

  /** One comment's ban page: reached from the notice after a bulk decision (the comment may be rejected by then). */
  const banPage = async (request: FastifyRequest, reply: FastifyReply, fields: FormBody, refused: RefusedForm | null = null) => {
    const comment = await actions.getModeratedComment(authOf(request).actor, idOf(request));
    const { wanted: _wanted, ...rest } = viewOf(fields);
    return html(
      reply,
      <CommentBanPage masthead={await mastheadFor(request)} comment={comment} view={{ ...rest, serviceCode: comment.serviceCode }} refused={refused} />,
      refused ? 400 : 200,
    );
  };

  app.get('/newsroom/comments/:id/ban', { config: { permission: 'comments.moderate' }, schema: { querystring: CommentQueueQuery } }, async (request, reply) =>
    banPage(request, reply, request.query as FormBody),
  );

  app.post('/newsroom/comments/:id/ban', { config: { permission: 'comments.moderate' } }, async (request, reply) => {
    const form = (request.body ?? {}) as FormBody;
    const kinds = BAN_KINDS.filter((kind) => form[`by-${kind}`] === '1');
    const commentId = idOf(request);
    try {
      await actions.banCommentAuthor(authOf(request).actor, commentId, { kinds, endsAt: endOfDay(form.until), removeQueued: form.removeQueued === '1' });
      return backToQueue(reply, form, { what: 'ban', count: kinds.length });
    } catch (error) {
      const refused: RefusedForm = { form: 'ban', message: refusalText(request, error), commentId, kinds, until: form.until ?? '', removeQueued: form.removeQueued === '1' };
      return form.from === 'comment' ? banPage(request, reply, form, refused) : queuePage(request, reply, form, refused);
    }
  });

  const bansPage = async (request: FastifyRequest, reply: FastifyReply, fields: FormBody, extra: { error?: string; lifted?: boolean } = {}) => {
    const services = await moderated(request);
    const serviceCode = services.find((s) => s.code === fields.service)?.code ?? services[0]?.code ?? '';
    const text = fields.q?.trim() ?? '';
    const page = pageOf(fields.page);
    const list = serviceCode ? await actions.listCommentBans(authOf(request).actor, serviceCode, { page, text }) : { bans: [], hasNext: false };
    return html(
      reply,
      <CommentBansPage
        masthead={await mastheadFor(request)}
        services={services}
        serviceCode={serviceCode}
        text={text}
        bans={list.bans}
        page={page}
        hasNext={list.hasNext}
        now={actions.clock.now()}
        error={extra.error ?? null}
        lifted={extra.lifted ?? false}
      />,
      extra.error ? 400 : 200,
    );
  };

  app.get('/newsroom/comments/bans', { config: { permission: 'comments.moderate' }, schema: { querystring: CommentBansQuery } }, async (request, reply) => {
    const query = request.query as FormBody;
    return bansPage(request, reply, query, { lifted: query.lifted === '1' });
  });

  app.post('/newsroom/comments/bans/:id/lift', { config: { permission: 'comments.moderate' } }, async (request, reply) => {
    const form = (request.body ?? {}) as FormBody;
    await actions.liftCommentBan(authOf(request).actor, idOf(request));
    const query = new URLSearchParams({ service: form.service ?? '', ...(form.q ? { q: form.q } : {}), lifted: '1' });
    return reply.redirect(`/newsroom/comments/bans?${query.toString()}`, 303);
  });

  app.post('/newsroom/comments/settings', { config: { permission: 'comments.settings' } }, async (request, reply) => {
    const form = (request.body ?? {}) as FormBody;
    const autoClose = form.autoCloseDays?.trim() ?? '';
    await actions.setCommentSettings(authOf(request).actor, form.service ?? '', {
      ...(form.moderation !== undefined ? { moderation: form.moderation } : {}),
      autoCloseDays: autoClose === '' ? null : Number(autoClose),
      ...(form.maxLinks !== undefined ? { maxLinks: Number(form.maxLinks) } : {}),
      bannedWords: (form.bannedWords ?? '')
        .split(/\r?\n/)
        .map((word) => word.trim())
        .filter((word) => word !== ''),
    });
    return backToQueue(reply, form);
  });
}
