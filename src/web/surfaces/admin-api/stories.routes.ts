import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WebActions } from '../../../actions/web-actions.js';
import { invalid } from '../../../domain/shared/errors.js';
import type { Actor } from '../../../domain/user/user.js';
import { responses } from './errors.js';
import { authOf } from '../../shared/route-permission.js';
import {
  CommentsStateRequest,
  DiffBody,
  DiffQuery,
  Done,
  IdParams,
  NewStory,
  NoteRequest,
  PublishRequest,
  PublishResult,
  RestoreRequest,
  RevisionList,
  RevisionListQuery,
  RevisionParams,
  StoryBody,
  StoryList,
  StoryListQuery,
  StoryUpdate,
  UpdateRequest,
  UpdateResult,
} from './schemas.js';
import { pendingJson, storyJson, summaryJson } from './to-json.js';

const tags = ['stories'];

/** A story as the Admin API answers it: what readers see, and its pending version if any. */
async function storyWithPending(actions: WebActions, actor: Actor, id: number) {
  const [story, pending] = await Promise.all([actions.getNewsroomStory(actor, id), actions.getPendingVersion(actor, id)]);
  return { ...storyJson(story), pending: pending ? pendingJson(pending) : null };
}

/** Stories: list, read, write, file, publish or schedule, withdraw, notes, comments, revisions. */
export const storyRoutes: FastifyPluginAsyncTypebox<{ actions: WebActions }> = async (app, { actions }) => {
  app.get(
    '/stories',
    { config: { permission: 'story.read' }, schema: { tags, querystring: StoryListQuery, response: responses({ 200: StoryList }) } },
    async (request) => {
      const result = await actions.listNewsroomStories(authOf(request).actor, request.query);
      return { ...result, items: result.items.map(summaryJson) };
    },
  );

  app.post(
    '/stories',
    { config: { permission: 'story.create' }, schema: { tags, body: NewStory, response: responses({ 201: StoryBody }) } },
    async (request, reply) => {
      const actor = authOf(request).actor;
      const id = await actions.createStory(actor, request.body);
      return reply.code(201).send(await storyWithPending(actions, actor, id));
    },
  );

  app.get(
    '/stories/:id',
    { config: { permission: 'story.read' }, schema: { tags, params: IdParams, response: responses({ 200: StoryBody }) } },
    async (request) => storyWithPending(actions, authOf(request).actor, request.params.id),
  );

  app.put(
    '/stories/:id',
    { config: { permission: 'story.edit' }, schema: { tags, params: IdParams, body: StoryUpdate, response: responses({ 200: StoryBody }) } },
    async (request) => {
      const actor = authOf(request).actor;
      const { version, autosave, ...story } = request.body;
      await actions.updateStory(actor, request.params.id, story, { version, ...(autosave ? { autosave } : {}) });
      return storyWithPending(actions, actor, request.params.id);
    },
  );

  app.post(
    '/stories/:id/file',
    { config: { permission: 'story.file' }, schema: { tags, params: IdParams, response: responses({ 200: Done }) } },
    async (request) => {
      await actions.fileStory(authOf(request).actor, request.params.id);
      return { ok: true };
    },
  );

  app.post(
    '/stories/:id/publish',
    {
      config: { permission: 'story.publish' },
      schema: { tags, params: IdParams, body: PublishRequest, response: responses({ 200: PublishResult }) },
    },
    async (request) => {
      const at = request.body?.at === undefined ? undefined : new Date(request.body.at);
      if (at && Number.isNaN(at.getTime())) throw invalid('FIELD_INVALID', 'at must be an ISO 8601 date and time', 'at');
      const result = await actions.publishStory(authOf(request).actor, request.params.id, at ? { at } : {});
      return { status: result.status, publishedAt: result.publishedAt.toISOString() };
    },
  );

  app.delete(
    '/stories/:id',
    { config: { permission: 'story.delete' }, schema: { tags, params: IdParams, response: responses({ 200: Done }) } },
    async (request) => {
      await actions.deleteStory(authOf(request).actor, request.params.id);
      return { ok: true };
    },
  );

  app.post(
    '/stories/:id/update',
    {
      config: { permission: 'story.publish' },
      schema: {
        tags,
        summary: 'Put a published story’s pending version live, now or at `at` (a scheduled update)',
        params: IdParams,
        body: UpdateRequest,
        response: responses({ 200: UpdateResult }),
      },
    },
    async (request) => {
      const at = request.body?.at === undefined ? undefined : new Date(request.body.at);
      if (at && Number.isNaN(at.getTime())) throw invalid('FIELD_INVALID', 'at must be an ISO 8601 date and time', 'at');
      const result = await actions.updateLiveStory(authOf(request).actor, request.params.id, at ? { at } : {});
      return { status: result.status, at: result.at.toISOString(), version: result.version };
    },
  );

  app.post(
    '/stories/:id/discard',
    {
      config: { permission: 'story.edit' },
      schema: { tags, summary: 'Drop a published story’s pending version (its revision stays in the history)', params: IdParams, response: responses({ 200: Done }) },
    },
    async (request) => {
      await actions.discardPending(authOf(request).actor, request.params.id);
      return { ok: true };
    },
  );

  app.post(
    '/stories/:id/cancel-schedule',
    {
      config: { permission: 'story.publish' },
      schema: {
        tags,
        summary: 'Take a scheduled story off the schedule (back to filed, nothing withdrawn), or unschedule a live story’s pending update',
        params: IdParams,
        response: responses({ 200: Done }),
      },
    },
    async (request) => {
      const actor = authOf(request).actor;
      const story = await actions.getNewsroomStory(actor, request.params.id);
      if (story.status === 'scheduled') await actions.cancelSchedule(actor, story.id);
      else await actions.cancelScheduledUpdate(actor, story.id);
      return { ok: true };
    },
  );

  app.post(
    '/stories/:id/unpublish',
    { config: { permission: 'story.unpublish' }, schema: { tags, params: IdParams, response: responses({ 200: Done }) } },
    async (request) => {
      await actions.unpublishStory(authOf(request).actor, request.params.id);
      return { ok: true };
    },
  );

  app.post(
    '/stories/:id/notes',
    { config: { permission: 'story.note' }, schema: { tags, params: IdParams, body: NoteRequest, response: responses({ 200: Done }) } },
    async (request) => {
      await actions.addStoryNote(authOf(request).actor, request.params.id, request.body);
      return { ok: true };
    },
  );

  app.put(
    '/stories/:id/comments-state',
    {
      config: { permission: 'comments.set-state' },
      schema: { tags, params: IdParams, body: CommentsStateRequest, response: responses({ 200: Done }) },
    },
    async (request) => {
      await actions.setCommentsState(authOf(request).actor, request.params.id, request.body.state);
      return { ok: true };
    },
  );

  app.get(
    '/stories/:id/revisions',
    {
      config: { permission: 'story.read' },
      schema: { tags, params: IdParams, querystring: RevisionListQuery, response: responses({ 200: RevisionList }) },
    },
    async (request) => {
      const result = await actions.listRevisions(authOf(request).actor, request.params.id, request.query.page, request.query.perPage);
      return {
        ...result,
        items: result.items.map((r) => ({ id: r.id, version: r.version, kind: r.kind, autosave: r.autosave, userId: r.userId, userName: r.userName, at: r.at.toISOString(), headline: r.content.headline })),
      };
    },
  );

  app.get(
    '/stories/:id/revisions/diff',
    { config: { permission: 'story.read' }, schema: { tags, params: IdParams, querystring: DiffQuery, response: responses({ 200: DiffBody }) } },
    async (request) => ({
      changes: await actions.diffStoryRevisions(authOf(request).actor, request.params.id, request.query.from, request.query.to),
    }),
  );

  app.post(
    '/stories/:id/revisions/:revisionId/restore',
    {
      config: { permission: 'story.edit' },
      schema: { tags, params: RevisionParams, body: RestoreRequest, response: responses({ 200: StoryBody }) },
    },
    async (request) => {
      const actor = authOf(request).actor;
      const version = request.body?.version;
      await actions.restoreRevision(actor, request.params.id, request.params.revisionId, version === undefined ? {} : { version });
      return storyWithPending(actions, actor, request.params.id);
    },
  );
};
