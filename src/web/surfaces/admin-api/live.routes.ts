import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WebActions } from '../../../actions/web-actions.js';
import type { LiveEntry } from '../../../domain/story/live-entry.js';
import { responses } from './errors.js';
import { EntryBody, EntryList, EntryListQuery, EntryParams, EntryRevisionList, EntryUpdate, LiveRequest, LiveState, NewEntry } from './live.schemas.js';
import { authOf } from '../../shared/route-permission.js';
import { Done, IdParams } from './schemas.js';

const tags = ['live stories'];

function entryJson(entry: LiveEntry) {
  return { ...entry, body: [...entry.body], createdAt: entry.createdAt.toISOString(), modifiedAt: entry.modifiedAt.toISOString() };
}

/** Live stories: turn a story live (or end it), post, edit and delete its timestamped entries. */
export const liveRoutes: FastifyPluginAsyncTypebox<{ actions: WebActions }> = async (app, { actions }) => {
  app.put(
    '/stories/:id/live',
    { config: { permission: 'story.live' }, schema: { tags, params: IdParams, body: LiveRequest, response: responses({ 200: LiveState }) } },
    async (request) => {
      const { liveSince } = await actions.setStoryLive(authOf(request).actor, request.params.id, request.body.live);
      return { liveSince: liveSince?.toISOString() ?? null };
    },
  );

  app.get(
    '/stories/:id/live/entries',
    { config: { permission: 'story.read' }, schema: { tags, params: IdParams, querystring: EntryListQuery, response: responses({ 200: EntryList }) } },
    async (request) => {
      const list = await actions.listLiveEntries(authOf(request).actor, request.params.id, request.query.page ?? 1);
      return { ...list, items: list.items.map(entryJson) };
    },
  );

  app.post(
    '/stories/:id/live/entries',
    { config: { permission: 'story.live' }, schema: { tags, params: IdParams, body: NewEntry, response: responses({ 201: EntryBody }) } },
    async (request, reply) => reply.code(201).send(entryJson(await actions.postLiveEntry(authOf(request).actor, request.params.id, request.body))),
  );

  app.put(
    '/stories/:id/live/entries/:entryId',
    { config: { permission: 'story.live' }, schema: { tags, params: EntryParams, body: EntryUpdate, response: responses({ 200: EntryBody }) } },
    async (request) => entryJson(await actions.editLiveEntry(authOf(request).actor, request.params.id, request.params.entryId, request.body)),
  );

  app.delete(
    '/stories/:id/live/entries/:entryId',
    { config: { permission: 'story.live' }, schema: { tags, params: EntryParams, response: responses({ 200: Done }) } },
    async (request) => {
      await actions.deleteLiveEntry(authOf(request).actor, request.params.id, request.params.entryId);
      return { ok: true };
    },
  );

  app.get(
    '/stories/:id/live/entries/:entryId/revisions',
    { config: { permission: 'story.read' }, schema: { tags, params: EntryParams, response: responses({ 200: EntryRevisionList }) } },
    async (request) => {
      const revisions = await actions.listLiveEntryRevisions(authOf(request).actor, request.params.id, request.params.entryId);
      return { items: revisions.map((r) => ({ ...r, body: [...r.body], at: r.at.toISOString() })) };
    },
  );
};
