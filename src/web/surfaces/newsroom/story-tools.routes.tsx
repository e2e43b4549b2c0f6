import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebActions } from '../../../actions/web-actions.js';
import { requireLive } from '../../../actions/stories/pending-version.js';
import { invalid, isDomainError, type DomainError } from '../../../domain/shared/errors.js';
import { zonedTimeToDate } from '../../../domain/shared/time-zone.js';
import type { PendingView, StoryFormValues } from '../../../views/pages/newsroom/story-form.page.js';
import type { ScheduleEntry } from '../../../views/pages/newsroom/story-tools.js';
import { storyPath } from '../../../domain/story/story-path.js';
import { can } from '../../../domain/user/permissions.js';
import type { NewsroomMasthead } from '../../../views/layouts/newsroom.layout.js';
import type { Assets } from '../../../views/page-model.js';
import { RevisionsPage } from '../../../views/pages/newsroom/revisions.page.js';
import { renderStoryPage } from '../../../views/pages/story.page.js';
import type { renderDocument } from '../../../views/render.js';
import { authOf } from '../../shared/route-permission.js';
import { toMasthead } from '../../shared/masthead.js';
import type { FormBody } from './form-body.js';
import { errorText } from './error-text.js';
import { doneAt, idOf, translatorOf, type Notice } from './page-helpers.js';
import { DiffQuery, RestoreForm, StoryForm } from './schemas.js';
import { storyFromForm, valuesFromForm } from './story-form-values.js';

/** What a story's form page shows besides the story: its pending version, a refused tool form. */
export interface StoryPageExtras {
  readonly pending?: PendingView | null;
  readonly authorId?: number | null;
  readonly schedule?: ScheduleEntry | null;
  readonly toolError?: string | null;
}

interface PageHelpers {
  readonly actions: WebActions;
  readonly assets: Assets;
  readonly mastheadFor: (request: FastifyRequest) => Promise<NewsroomMasthead>;
  readonly html: (reply: FastifyReply, page: Parameters<typeof renderDocument>[0], status?: number) => FastifyReply;
  /** The story's form page, with a refused tool form on it. */
  readonly storyPage: (request: FastifyRequest, reply: FastifyReply, id: number, extras?: StoryPageExtras, status?: number) => Promise<FastifyReply>;
  /** The story's form page with the values as typed and why they were refused. */
  readonly formPage: (
    request: FastifyRequest,
    reply: FastifyReply,
    values: StoryFormValues,
    error: string | null,
    status?: number,
    extras?: StoryPageExtras,
  ) => Promise<FastifyReply>;
}

/** A refusal the person can act on (a past time, a withdrawn story): shown on the same page. */
function isFormRefusal(error: unknown): error is DomainError {
  return isDomainError(error) && (error.kind === 'invalid' || error.kind === 'conflict') && error.code !== 'STORY_VERSION_CONFLICT';
}

/**
 * A story's tools in the newsroom, as plain forms over the Admin API's actions: publish now or
 * at a time, withdraw, notes and corrections, comments open or closed, revisions (list, diff,
 * restore) and the preview of the reader page.
 */
export function storyToolPages(app: FastifyInstance, { actions, assets, mastheadFor, html, storyPage, formPage }: PageHelpers): void {
  const back = (reply: FastifyReply, id: number, notice: Notice) => reply.redirect(doneAt(`/newsroom/stories/${id}`, notice), 303);
  const form = (request: FastifyRequest) => (request.body ?? {}) as FormBody;
  /** The time a schedule form means, read in the person's own zone (undefined: no time given). */
  const timeOf = async (request: FastifyRequest, serviceCode: string) => {
    const { date, time } = form(request);
    if (date === undefined && time === undefined) return undefined;
    const zones = await actions.zonesFor(authOf(request).actor, serviceCode);
    return scheduleTime(date, time, zones.own, actions.clock.now());
  };
  /** A tool that answers with the story page: refused, it says why there, keeping a schedule form as typed. */
  const tool = async (request: FastifyRequest, reply: FastifyReply, scheduleForm: ScheduleEntry['form'] | null, run: () => Promise<Notice>) => {
    try {
      return back(reply, idOf(request), await run());
    } catch (error) {
      if (!isFormRefusal(error)) throw error;
      const { date, time } = form(request);
      const typed = scheduleForm && (date !== undefined || time !== undefined);
      const text = errorText(translatorOf(request), error);
      const extras = typed ? { schedule: { form: scheduleForm, date: date ?? '', time: time ?? '', error: text } } : { toolError: text };
      return storyPage(request, reply, idOf(request), extras, error.kind === 'conflict' ? 409 : 400);
    }
  };

  app.post('/newsroom/stories/:id/publish', { config: { permission: 'story.publish' } }, async (request, reply) =>
    tool(request, reply, 'publish', async () => {
      const story = await actions.getNewsroomStory(authOf(request).actor, idOf(request));
      const at = await timeOf(request, story.serviceCode);
      const result = await actions.publishStory(authOf(request).actor, idOf(request), at ? { at } : {});
      return result.status === 'scheduled' ? 'scheduled' : 'published';
    }),
  );

  app.post('/newsroom/stories/:id/cancel-schedule', { config: { permission: 'story.publish' } }, async (request, reply) =>
    tool(request, reply, null, async () => {
      await actions.cancelSchedule(authOf(request).actor, idOf(request));
      return 'unscheduled';
    }),
  );

  /**
   * Update: puts a live story's pending version live, now or at the time given. From the story
   * form (its fields sent along), the form is saved first as the pending version, so what the
   * editor sees is what goes live; on a story that is not live nothing is saved.
   */
  app.post('/newsroom/stories/:id/update', { config: { permission: 'story.publish' }, schema: { body: StoryForm } }, async (request, reply) => {
    const id = idOf(request);
    const actor = authOf(request).actor;
    const body = form(request);
    if (body.headline === undefined) {
      return tool(request, reply, 'update', async () => {
        const story = await actions.getNewsroomStory(actor, id);
        const at = await timeOf(request, story.serviceCode);
        const result = await actions.updateLiveStory(actor, id, at ? { at } : {});
        return result.status === 'scheduled' ? 'scheduled' : 'updated';
      });
    }
    const existing = await actions.getNewsroomStory(actor, id);
    try {
      requireLive(existing);
      await actions.updateStory(actor, id, storyFromForm(body, existing), { version: Number(body.version) || 0 });
      await actions.updateLiveStory(actor, id);
      return back(reply, id, 'updated');
    } catch (error) {
      if (!isFormRefusal(error)) throw error;
      return formPage(request, reply, valuesFromForm(body, existing), errorText(translatorOf(request), error), error.kind === 'conflict' ? 409 : 400, { authorId: existing.authorId });
    }
  });

  app.post('/newsroom/stories/:id/discard', { config: { permission: 'story.edit' } }, async (request, reply) =>
    tool(request, reply, null, async () => {
      await actions.discardPending(authOf(request).actor, idOf(request));
      return 'discarded';
    }),
  );

  app.post('/newsroom/stories/:id/cancel-update', { config: { permission: 'story.publish' } }, async (request, reply) =>
    tool(request, reply, null, async () => {
      await actions.cancelScheduledUpdate(authOf(request).actor, idOf(request));
      return 'unscheduled';
    }),
  );

  app.post('/newsroom/stories/:id/unpublish', { config: { permission: 'story.unpublish' } }, async (request, reply) => {
    await actions.unpublishStory(authOf(request).actor, idOf(request));
    return back(reply, idOf(request), 'unpublished');
  });

  app.post('/newsroom/stories/:id/notes', { config: { permission: 'story.note' } }, async (request, reply) => {
    const { kind, text } = form(request);
    await actions.addStoryNote(authOf(request).actor, idOf(request), { kind, text });
    return back(reply, idOf(request), 'noted');
  });

  app.post('/newsroom/stories/:id/comments-state', { config: { permission: 'comments.set-state' } }, async (request, reply) => {
    await actions.setCommentsState(authOf(request).actor, idOf(request), form(request).state);
    return back(reply, idOf(request), 'comments');
  });

  const revisionsPage = async (request: FastifyRequest, reply: FastifyReply, diff: { from: number; to: number } | null) => {
    const actor = authOf(request).actor;
    const id = idOf(request);
    const story = await actions.getNewsroomStory(actor, id);
    const [list, changes] = await Promise.all([
      actions.listRevisions(actor, id, 1, 100),
      diff ? actions.diffStoryRevisions(actor, id, diff.from, diff.to) : Promise.resolve(null),
    ]);
    return html(
      reply,
      <RevisionsPage
        masthead={await mastheadFor(request)}
        storyId={id}
        headline={story.headline}
        version={story.version}
        revisions={list.items.map((r) => ({ id: r.id, version: r.version, kind: r.kind, at: r.at, headline: r.content.headline, by: r.userName, autosave: r.autosave }))}
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
    await actions.restoreRevision(authOf(request).actor, idOf(request), idOf(request, 'revisionId'), Number.isSafeInteger(version) && version > 0 ? { version } : {});
    return back(reply, idOf(request), 'restored');
  });

  /** The reader page of the story, saved (GET) or as the form stands (POST): never cached, never indexed. */
  const preview = async (request: FastifyRequest, reply: FastifyReply, input?: unknown) => {
    const result = await actions.previewStory(authOf(request).actor, idOf(request), input);
    const masthead = toMasthead(result.masthead, assets);
    const canonicalUrl = new URL(storyPath(result.model.story), `${request.protocol}://${request.host}`).href;
    return reply
      .header('x-robots-tag', 'noindex, nofollow')
      .type('text/html; charset=utf-8')
      .send(renderStoryPage(masthead, { ...result.model, canonicalUrl }));
  };

  app.get('/newsroom/stories/:id/preview', { config: { permission: 'story.read' } }, async (request, reply) => preview(request, reply));

  app.post('/newsroom/stories/:id/preview', { config: { permission: 'story.read' }, schema: { body: StoryForm } }, async (request, reply) => {
    const actor = authOf(request).actor;
    const existing = await actions.getNewsroomStory(actor, idOf(request));
    return preview(request, reply, storyFromForm(form(request), existing));
  });
}

/** A date (YYYY-MM-DD) and a time (HH:MM) on the wall clocks of `zone`, in the future. */
function scheduleTime(date: string | undefined, time: string | undefined, zone: string, now: Date): Date {
  if (!date || !time || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) {
    throw invalid('FIELD_INVALID', `give the date (2026-12-01) and the time (14:30, ${zone})`, 'at');
  }
  const at = zonedTimeToDate(date, time, zone);
  if (!at) throw invalid('FIELD_INVALID', `${date} ${time} is not a date and time`, 'at');
  if (at <= now) {
    throw invalid('SCHEDULE_TIME_PAST', `${date} ${time} (${zone}) has already passed: choose a time in the future, or publish now`, 'at');
  }
  return at;
}
