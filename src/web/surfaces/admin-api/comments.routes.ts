import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WebActions } from '../../../actions/web-actions.js';
import { BAN_KINDS } from '../../../domain/comment/ban.js';
import type { Comment } from '../../../domain/comment/comment.js';
import { responses } from './errors.js';
import { authOf } from '../../shared/route-permission.js';
import {
  BanList,
  BanRequest,
  BansQuery,
  BulkModerationRequest,
  BulkModerationResult,
  LiftedBan,
  BanResult,
  CommentSettingsBody,
  CommentSettingsUpdate,
  IdParams,
  ModeratedComment,
  ModerationQueue,
  QueueQuery,
  ServiceParams,
} from './schemas.js';
import { commentBanJson, commentSettingsJson, queuedCommentJson } from './to-json.js';

const tags = ['comments'];

const decided = (comment: Comment) => ({ id: comment.id, storyId: comment.storyId, state: comment.state });

/** Readers' comments, the moderator's side: the queue, decisions, bans, and a service's rules. */
export const commentRoutes: FastifyPluginAsyncTypebox<{ actions: WebActions }> = async (app, { actions }) => {
  app.get(
    '/comments/queue',
    { config: { permission: 'comments.moderate' }, schema: { tags, querystring: QueueQuery, response: responses({ 200: ModerationQueue }) } },
    async (request) => {
      const page = request.query.page ?? 1;
      const { service, show, story } = request.query;
      const queue = await actions.listModerationQueue(authOf(request).actor, service, page, { show, ...(story !== undefined ? { storyId: story } : {}) });
      return { items: queue.comments.map(queuedCommentJson), page, hasNext: queue.hasNext };
    },
  );

  const decisions = { approve: actions.approveComment, reject: actions.rejectComment, spam: actions.markCommentSpam } as const;
  for (const [verb, decide] of Object.entries(decisions)) {
    app.post(
      `/comments/:id/${verb}`,
      { config: { permission: 'comments.moderate' }, schema: { tags, params: IdParams, response: responses({ 200: ModeratedComment }) } },
      async (request) => decided(await decide(authOf(request).actor, request.params.id)),
    );
  }

  app.post(
    '/comments/:id/ban',
    { config: { permission: 'comments.moderate' }, schema: { tags, params: IdParams, body: BanRequest, response: responses({ 200: BanResult }) } },
    async (request) => {
      const { body } = request;
      return actions.banCommentAuthor(authOf(request).actor, request.params.id, {
        kinds: BAN_KINDS.filter((kind) => body[kind] === true),
        endsAt: body.until ? new Date(body.until) : null,
        removeQueued: body.removeQueued === true,
      });
    },
  );

  app.post(
    '/comments/bulk',
    {
      config: { permission: 'comments.moderate' },
      schema: { tags, body: BulkModerationRequest, response: responses({ 200: BulkModerationResult }) },
    },
    async (request) => ({ items: (await actions.moderateComments(authOf(request).actor, request.body.ids, request.body.decision)).map(decided) }),
  );

  app.get(
    '/comments/bans',
    { config: { permission: 'comments.moderate' }, schema: { tags, querystring: BansQuery, response: responses({ 200: BanList }) } },
    async (request) => {
      const page = request.query.page ?? 1;
      const list = await actions.listCommentBans(authOf(request).actor, request.query.service, { page, ...(request.query.q ? { text: request.query.q } : {}) });
      const now = actions.clock.now();
      return { items: list.bans.map((ban) => commentBanJson(ban, now)), page, hasNext: list.hasNext };
    },
  );

  app.post(
    '/comments/bans/:id/lift',
    { config: { permission: 'comments.moderate' }, schema: { tags, params: IdParams, response: responses({ 200: LiftedBan }) } },
    async (request) => commentBanJson(await actions.liftCommentBan(authOf(request).actor, request.params.id), actions.clock.now()),
  );

  app.get(
    '/services/:code/comment-settings',
    { config: { permission: 'comments.moderate' }, schema: { tags, params: ServiceParams, response: responses({ 200: CommentSettingsBody }) } },
    async (request) => commentSettingsJson(await actions.getCommentSettings(authOf(request).actor, request.params.code)),
  );

  app.put(
    '/services/:code/comment-settings',
    {
      config: { permission: 'comments.settings' },
      schema: { tags, params: ServiceParams, body: CommentSettingsUpdate, response: responses({ 200: CommentSettingsBody }) },
    },
    async (request) => commentSettingsJson(await actions.setCommentSettings(authOf(request).actor, request.params.code, request.body)),
  );
};
