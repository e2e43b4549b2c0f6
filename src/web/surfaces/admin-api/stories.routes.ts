import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ActionDeps } from '../../../actions/deps.js';
import { setCommentsState } from '../../../actions/comments/set-comments-state.js';
import { addStoryNote } from '../../../actions/stories/add-story-note.js';
import { createStory } from '../../../actions/stories/create-story.js';
import { fileStory } from '../../../actions/stories/file-story.js';
import {
  diffStoryRevisions,
  getNewsroomStory,
  listNewsroomStories,
  listRevisions,
} from '../../../actions/stories/newsroom-stories.js';
import { publishStory } from '../../../actions/stories/publish-story.js';
import { restoreRevision } from '../../../actions/stories/restore-revision.js';
import { unpublishStory } from '../../../actions/stories/unpublish-story.js';
import { updateStory } from '../../../actions/stories/update-story.js';
import { invalid } from '../../../domain/shared/errors.js';
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
} from './schemas.js';
import { storyJson, summaryJson } from './to-json.js';

const tags = ['stories'];

/** Stories: list, read, write, file, publish or schedule, withdraw, notes, comments, revisions. */
export const storyRoutes: FastifyPluginAsyncTypebox<{ actions: ActionDeps }> = async (app, { actions }) => {
  app.get(
    '/stories',
    { config: { permission: 'story.read' }, schema: { tags, querystring: StoryListQuery, response: responses({ 200: StoryList }) } },
    async (request) => {
      const result = await listNewsroomStories(actions, authOf(request).actor, request.query);
      return { ...result, items: result.items.map(summaryJson) };
    },
  );

  app.post(
    '/stories',
    { config: { permission: 'story.create' }, schema: { tags, body: NewStory, response: responses({ 201: StoryBody }) } },
    async (request, reply) => {
      const actor = authOf(request).actor;
      const id = await createStory(actions, actor, request.body);
      return reply.code(201).send(storyJson(await getNewsroomStory(actions, actor, id)));
    },
  );

  app.get(
    '/stories/:id',
    { config: { permission: 'story.read' }, schema: { tags, params: IdParams, response: responses({ 200: StoryBody }) } },
    async (request) => storyJson(await getNewsroomStory(actions, authOf(request).actor, request.params.id)),
  );

  app.put(
    '/stories/:id',
    { config: { permission: 'story.edit' }, schema: { tags, params: IdParams, body: StoryUpdate, response: responses({ 200: StoryBody }) } },
    async (request) => {
      const actor = authOf(request).actor;
      const { version, ...story } = request.body;
      await updateStory(actions, actor, request.params.id, story, { version });
      return storyJson(await getNewsroomStory(actions, actor, request.params.id));
    },
  );

  app.post(
    '/stories/:id/file',
    { config: { permission: 'story.file' }, schema: { tags, params: IdParams, response: responses({ 200: Done }) } },
    async (request) => {
      await fileStory(actions, authOf(request).actor, request.params.id);
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
      const result = await publishStory(actions, authOf(request).actor, request.params.id, at ? { at } : {});
      return { status: result.status, publishedAt: result.publishedAt.toISOString() };
    },
  );

  app.post(
    '/stories/:id/unpublish',
    { config: { permission: 'story.unpublish' }, schema: { tags, params: IdParams, response: responses({ 200: Done }) } },
    async (request) => {
      await unpublishStory(actions, authOf(request).actor, request.params.id);
      return { ok: true };
    },
  );

  app.post(
    '/stories/:id/notes',
    { config: { permission: 'story.note' }, schema: { tags, params: IdParams, body: NoteRequest, response: responses({ 200: Done }) } },
    async (request) => {
      await addStoryNote(actions, authOf(request).actor, request.params.id, request.body);
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
      await setCommentsState(actions, authOf(request).actor, request.params.id, request.body.state);
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
      const result = await listRevisions(actions, authOf(request).actor, request.params.id, request.query.page, request.query.perPage);
      return {
        ...result,
        items: result.items.map((r) => ({ id: r.id, version: r.version, kind: r.kind, userId: r.userId, at: r.at.toISOString(), headline: r.content.headline })),
      };
    },
  );

  app.get(
    '/stories/:id/revisions/diff',
    { config: { permission: 'story.read' }, schema: { tags, params: IdParams, querystring: DiffQuery, response: responses({ 200: DiffBody }) } },
    async (request) => ({
      changes: await diffStoryRevisions(actions, authOf(request).actor, request.params.id, request.query.from, request.query.to),
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
      await restoreRevision(actions, actor, request.params.id, request.params.revisionId, version === undefined ? {} : { version });
      return storyJson(await getNewsroomStory(actions, actor, request.params.id));
    },
  );
};
