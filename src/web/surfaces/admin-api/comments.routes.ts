import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { approveComment } from '../../../actions/comments/approve-comment.js';
import { banCommentAuthor } from '../../../actions/comments/ban-comment-author.js';
import { getCommentSettings } from '../../../actions/comments/get-comment-settings.js';
import { listModerationQueue } from '../../../actions/comments/list-moderation-queue.js';
import { markCommentSpam } from '../../../actions/comments/mark-comment-spam.js';
import { rejectComment } from '../../../actions/comments/reject-comment.js';
import { setCommentSettings } from '../../../actions/comments/set-comment-settings.js';
import type { ActionDeps } from '../../../actions/deps.js';
import type { Comment } from '../../../domain/comment/comment.js';
import { responses } from './errors.js';
import { authOf } from '../../shared/route-permission.js';
import {
  BanRequest,
  BanResult,
  CommentSettingsBody,
  CommentSettingsUpdate,
  IdParams,
  ModeratedComment,
  ModerationQueue,
  QueueQuery,
  ServiceParams,
} from './schemas.js';
import { commentSettingsJson, queuedCommentJson } from './to-json.js';

const tags = ['comments'];

const decided = (comment: Comment) => ({ id: comment.id, storyId: comment.storyId, state: comment.state });

/** Readers' comments, the moderator's side: the queue, decisions, bans, and a service's rules. */
export const commentRoutes: FastifyPluginAsyncTypebox<{ actions: ActionDeps }> = async (app, { actions }) => {
  app.get(
    '/comments/queue',
    { config: { permission: 'comments.moderate' }, schema: { tags, querystring: QueueQuery, response: responses({ 200: ModerationQueue }) } },
    async (request) => {
      const page = request.query.page ?? 1;
      const queue = await listModerationQueue(actions, authOf(request).actor, request.query.service, page);
      return { items: queue.comments.map(queuedCommentJson), page, hasNext: queue.hasNext };
    },
  );

  const decisions = { approve: approveComment, reject: rejectComment, spam: markCommentSpam } as const;
  for (const [verb, decide] of Object.entries(decisions)) {
    app.post(
      `/comments/:id/${verb}`,
      { config: { permission: 'comments.moderate' }, schema: { tags, params: IdParams, response: responses({ 200: ModeratedComment }) } },
      async (request) => decided(await decide(actions, authOf(request).actor, request.params.id)),
    );
  }

  app.post(
    '/comments/:id/ban',
    { config: { permission: 'comments.moderate' }, schema: { tags, params: IdParams, body: BanRequest, response: responses({ 200: BanResult }) } },
    async (request) => banCommentAuthor(actions, authOf(request).actor, request.params.id, request.body),
  );

  app.get(
    '/services/:code/comment-settings',
    { config: { permission: 'comments.moderate' }, schema: { tags, params: ServiceParams, response: responses({ 200: CommentSettingsBody }) } },
    async (request) => commentSettingsJson(await getCommentSettings(actions, authOf(request).actor, request.params.code)),
  );

  app.put(
    '/services/:code/comment-settings',
    {
      config: { permission: 'comments.settings' },
      schema: { tags, params: ServiceParams, body: CommentSettingsUpdate, response: responses({ 200: CommentSettingsBody }) },
    },
    async (request) => commentSettingsJson(await setCommentSettings(actions, authOf(request).actor, request.params.code, request.body)),
  );
};
