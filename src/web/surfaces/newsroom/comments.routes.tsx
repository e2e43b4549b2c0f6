import type { FastifyInstance, FastifyReply } from 'fastify';
import { approveComment } from '../../../actions/comments/approve-comment.js';
import { banCommentAuthor } from '../../../actions/comments/ban-comment-author.js';
import { getCommentSettings } from '../../../actions/comments/get-comment-settings.js';
import { listModerationQueue } from '../../../actions/comments/list-moderation-queue.js';
import { markCommentSpam } from '../../../actions/comments/mark-comment-spam.js';
import { rejectComment } from '../../../actions/comments/reject-comment.js';
import { setCommentSettings } from '../../../actions/comments/set-comment-settings.js';
import { newsroomFormOptions } from '../../../actions/newsroom/form-options.js';
import { can } from '../../../domain/user/permissions.js';
import { CommentsPage } from '../../../views/pages/newsroom/comments.page.js';
import { authOf } from '../../shared/route-permission.js';
import type { FormBody } from './form-body.js';
import { idOf, pageOf, type PageHelpers } from './page-helpers.js';
import { ServicePageQuery } from './schemas.js';

/** /newsroom/comments: the moderation queue of the services the person moderates, and the comment rules for editors. */
export function moderationPages(app: FastifyInstance, { actions, chromeFor, html }: PageHelpers): void {
  app.get('/newsroom/comments', { config: { permission: 'comments.moderate' }, schema: { querystring: ServicePageQuery } }, async (request, reply) => {
    const actor = authOf(request).actor;
    const query = request.query as Record<string, string | undefined>;
    const services = (await newsroomFormOptions(actions, actor)).services.filter((s) => can(actor, 'comments.moderate', { serviceCode: s.code }));
    const serviceCode = services.find((s) => s.code === query.service)?.code ?? services[0]?.code ?? '';
    const page = pageOf(query.page);
    const queue = serviceCode ? await listModerationQueue(actions, actor, serviceCode, page) : { comments: [], hasNext: false };
    const settings = serviceCode && can(actor, 'comments.settings', { serviceCode }) ? await getCommentSettings(actions, actor, serviceCode) : null;
    return html(
      reply,
      <CommentsPage
        chrome={await chromeFor(request)}
        services={services}
        serviceCode={serviceCode}
        comments={queue.comments}
        page={page}
        hasNext={queue.hasNext}
        settings={settings}
      />,
    );
  });

  const backToQueue = (reply: FastifyReply, form: FormBody) =>
    reply.redirect(`/newsroom/comments${form.service ? `?service=${encodeURIComponent(form.service)}` : ''}`, 303);

  const decisions = { approve: approveComment, reject: rejectComment, spam: markCommentSpam } as const;
  for (const [verb, decide] of Object.entries(decisions)) {
    app.post(`/newsroom/comments/:id/${verb}`, { config: { permission: 'comments.moderate' } }, async (request, reply) => {
      await decide(actions, authOf(request).actor, idOf(request));
      return backToQueue(reply, (request.body ?? {}) as FormBody);
    });
  }

  app.post('/newsroom/comments/:id/ban', { config: { permission: 'comments.moderate' } }, async (request, reply) => {
    const form = (request.body ?? {}) as FormBody;
    await banCommentAuthor(actions, authOf(request).actor, idOf(request), { address: form.address === '1', token: form.token === '1' });
    return backToQueue(reply, form);
  });

  app.post('/newsroom/comments/settings', { config: { permission: 'comments.settings' } }, async (request, reply) => {
    const form = (request.body ?? {}) as FormBody;
    const autoClose = form.autoCloseDays?.trim() ?? '';
    await setCommentSettings(actions, authOf(request).actor, form.service ?? '', {
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
