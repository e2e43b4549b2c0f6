import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setCommentsState } from '../../../actions/comments/set-comments-state.js';
import type { ActionDeps } from '../../../actions/deps.js';
import { addStoryNote } from '../../../actions/stories/add-story-note.js';
import { diffStoryRevisions, getNewsroomStory, listRevisions } from '../../../actions/stories/newsroom-stories.js';
import { previewStory } from '../../../actions/stories/preview-story.js';
import { publishStory } from '../../../actions/stories/publish-story.js';
import { restoreRevision } from '../../../actions/stories/restore-revision.js';
import { unpublishStory } from '../../../actions/stories/unpublish-story.js';
import { invalid } from '../../../domain/shared/errors.js';
import { storyPath } from '../../../domain/story/story-path.js';
import { can } from '../../../domain/user/permissions.js';
import type { NewsroomChrome } from '../../../views/layouts/newsroom.layout.js';
import type { Assets } from '../../../views/page-model.js';
import { RevisionsPage } from '../../../views/pages/newsroom/revisions.page.js';
import { renderStoryPage } from '../../../views/pages/story.page.js';
import type { renderDocument } from '../../../views/render.js';
import { authOf } from '../../shared/route-permission.js';
import { toChrome } from '../../shared/masthead.js';
import type { FormBody } from './form-body.js';
import { idOf } from './page-helpers.js';
import { DiffQuery, RestoreForm, StoryForm } from './schemas.js';
import { storyFromForm } from './story-form-values.js';

interface PageHelpers {
  readonly actions: ActionDeps;
  readonly assets: Assets;
  readonly chromeFor: (request: FastifyRequest) => Promise<NewsroomChrome>;
  readonly html: (reply: FastifyReply, page: Parameters<typeof renderDocument>[0], status?: number) => FastifyReply;
}

/**
 * A story's tools in the newsroom, as plain forms over the Admin API's actions: publish now or
 * at a time, withdraw, notes and corrections, comments open or closed, revisions (list, diff,
 * restore) and the preview of the reader page.
 */
export function storyToolPages(app: FastifyInstance, { actions, assets, chromeFor, html }: PageHelpers): void {
  const back = (reply: FastifyReply, id: number) => reply.redirect(`/newsroom/stories/${id}`, 303);
  const form = (request: FastifyRequest) => (request.body ?? {}) as FormBody;

  app.post('/newsroom/stories/:id/publish', { config: { permission: 'story.publish' } }, async (request, reply) => {
    const { date, time } = form(request);
    const at = date !== undefined || time !== undefined ? scheduleTime(date, time, actions.clock.now()) : undefined;
    await publishStory(actions, authOf(request).actor, idOf(request), at ? { at } : {});
    return back(reply, idOf(request));
  });

  app.post('/newsroom/stories/:id/unpublish', { config: { permission: 'story.unpublish' } }, async (request, reply) => {
    await unpublishStory(actions, authOf(request).actor, idOf(request));
    return back(reply, idOf(request));
  });

  app.post('/newsroom/stories/:id/notes', { config: { permission: 'story.note' } }, async (request, reply) => {
    const { kind, text } = form(request);
    await addStoryNote(actions, authOf(request).actor, idOf(request), { kind, text });
    return back(reply, idOf(request));
  });

  app.post('/newsroom/stories/:id/comments-state', { config: { permission: 'comments.set-state' } }, async (request, reply) => {
    await setCommentsState(actions, authOf(request).actor, idOf(request), form(request).state);
    return back(reply, idOf(request));
  });

  const revisionsPage = async (request: FastifyRequest, reply: FastifyReply, diff: { from: number; to: number } | null) => {
    const actor = authOf(request).actor;
    const id = idOf(request);
    const story = await getNewsroomStory(actions, actor, id);
    const [list, changes] = await Promise.all([
      listRevisions(actions, actor, id, 1, 100),
      diff ? diffStoryRevisions(actions, actor, id, diff.from, diff.to) : Promise.resolve(null),
    ]);
    return html(
      reply,
      <RevisionsPage
        chrome={await chromeFor(request)}
        storyId={id}
        headline={story.headline}
        version={story.version}
        revisions={list.items.map((r) => ({ id: r.id, version: r.version, kind: r.kind, at: r.at, headline: r.content.headline }))}
        mayRestore={can(actor, 'story.edit', { serviceCode: story.serviceCode, authorId: story.authorId, status: story.status })}
        diff={diff && changes ? { ...diff, changes } : null}
      />,
    );
  };

  app.get('/newsroom/stories/:id/revisions', { config: { permission: 'story.read' } }, async (request, reply) => revisionsPage(request, reply, null));

  app.get('/newsroom/stories/:id/revisions/diff', { config: { permission: 'story.read' }, schema: { querystring: DiffQuery } }, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const from = Number(query.from);
    const to = Number(query.to);
    if (!Number.isSafeInteger(from) || from < 1 || !Number.isSafeInteger(to) || to < 1) {
      throw invalid('FIELD_INVALID', 'choose the two revisions to compare (from and to)', 'from');
    }
    return revisionsPage(request, reply, { from, to });
  });

  app.post('/newsroom/stories/:id/revisions/:revisionId/restore', { config: { permission: 'story.edit' }, schema: { body: RestoreForm } }, async (request, reply) => {
    const version = Number(form(request).version);
    await restoreRevision(actions, authOf(request).actor, idOf(request), idOf(request, 'revisionId'), Number.isSafeInteger(version) && version > 0 ? { version } : {});
    return back(reply, idOf(request));
  });

  /** The reader page of the story, saved (GET) or as the form stands (POST): never cached, never indexed. */
  const preview = async (request: FastifyRequest, reply: FastifyReply, input?: unknown) => {
    const result = await previewStory(actions, authOf(request).actor, idOf(request), input);
    const chrome = toChrome(result.chrome, assets);
    const canonicalUrl = new URL(storyPath(result.model.story), `${request.protocol}://${request.host}`).href;
    return reply
      .header('x-robots-tag', 'noindex, nofollow')
      .type('text/html; charset=utf-8')
      .send(renderStoryPage(chrome, { ...result.model, canonicalUrl }));
  };

  app.get('/newsroom/stories/:id/preview', { config: { permission: 'story.read' } }, async (request, reply) => preview(request, reply));

  app.post('/newsroom/stories/:id/preview', { config: { permission: 'story.read' }, schema: { body: StoryForm } }, async (request, reply) => {
    const actor = authOf(request).actor;
    const existing = await getNewsroomStory(actions, actor, idOf(request));
    return preview(request, reply, storyFromForm(form(request), existing));
  });
}

/** A date (YYYY-MM-DD) and a time (HH:MM) in UTC, in the future. */
function scheduleTime(date: string | undefined, time: string | undefined, now: Date): Date {
  if (!date || !time || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) {
    throw invalid('FIELD_INVALID', 'give the date (2026-12-01) and the time (14:30, UTC) to publish at', 'at');
  }
  const at = new Date(`${date}T${time}:00Z`);
  if (Number.isNaN(at.getTime())) throw invalid('FIELD_INVALID', `${date} ${time} is not a date and time`, 'at');
  if (at <= now) throw invalid('FIELD_INVALID', 'the time to publish must be in the future (or use Publish now)', 'at');
  return at;
}
