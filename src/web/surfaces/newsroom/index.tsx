import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebActions } from '../../../actions/web-actions.js';
import type { MediaActions } from '../../../actions/web-actions.js';
import { SESSION_LIFETIME_MS } from '../../../actions/users/sessions.js';
import { largestSizeLimit } from '../../../domain/media/renditions-plan.js';
import { DomainError, isDomainError, notFound } from '../../../domain/shared/errors.js';
import { can } from '../../../domain/user/permissions.js';
import { translatorFor } from '../../../i18n/i18n.js';
import type { NewsroomMasthead } from '../../../views/layouts/newsroom.layout.js';
import type { Assets } from '../../../views/page-model.js';
import { NewsroomErrorPage } from '../../../views/pages/newsroom/error.page.js';
import { ConflictPage } from '../../../views/pages/newsroom/conflict.page.js';
import { SignInPage } from '../../../views/pages/newsroom/sign-in.page.js';
import { StoriesPage } from '../../../views/pages/newsroom/stories.page.js';
import { StoryFormPage, type StoryFormValues } from '../../../views/pages/newsroom/story-form.page.js';
import { renderDocument } from '../../../views/render.js';
import { authenticate, sameSecret } from '../../plugins/auth.js';
import { refuseBrokenMultipartText } from '../../plugins/request-text.js';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { readCookie, sessionCookie, SIGN_IN_COOKIE, signInCookie } from '../../plugins/cookies.js';
import { classifyError } from '../../plugins/errors.js';
import { replyUnavailable } from '../../plugins/unavailable.js';
import { authOf, guardRoutes } from '../../shared/route-permission.js';
import { accountPages } from './accounts.routes.js';
import { upcomingPages } from './upcoming.routes.js';
import { alertPages, auditPages } from './alerts.routes.js';
import { livePages } from './live.routes.js';
import { frontPagePages } from './front-page.routes.js';
import { moderationPages } from './comments.routes.js';
import { acceptMultipartForms, mediaPages } from './media.routes.js';
import { acceptForms, type FormBody } from './form-body.js';
import { doneAt, idOf, noticeOf, pageOf, partsFor, translatorOf } from './page-helpers.js';
import { errorText, refusalText } from './error-text.js';
import { AnyForm, AnyQuery, BulkForm, PARAM_TYPES, SignInForm, StoryForm, StoryListQuery } from './schemas.js';
import { BULK_ACTIONS, BULK_PERMISSION } from '../../../actions/stories/bulk-stories.js';
import { defaultSchemas } from '../../shared/default-schemas.js';
import { formValidatorCompiler } from '../../shared/validator.js';
import { profilePages } from './profiles.routes.js';
import { servicePages } from './services.routes.js';
import { distributionPages } from './distribution.routes.js';
import { storyFromForm, valuesFromForm, valuesFromStory, EMPTY_STORY as EMPTY } from './story-form-values.js';
import { storyToolPages, type StoryPageExtras } from './story-tools.routes.js';
import { translationPages } from './translations.routes.js';

interface Options {
  readonly actions: WebActions;
  readonly media: MediaActions;
  /** Where files of multipart forms (uploads without script, captions) are kept while a request runs. */
  readonly uploadsDir: string;
  readonly assets: Assets;
  readonly secureCookies: boolean;
}

const signedOut = translatorFor('en');

declare module 'fastify' {
  interface FastifyRequest {
    /** True while the multipart form is being read: what fails then is the form the request sent. */
    readingForm?: boolean;
  }
}

/**
 * The newsroom at /newsroom: server-rendered forms over the same actions as the Admin API,
 * the same sessions and CSRF tokens, permission declared on every route. No script needed.
 */
export async function newsroomSurface(app: FastifyInstance, { actions, media, uploadsDir, assets, secureCookies }: Options): Promise<void> {
  const css = assets.css;
  const uploadScript = assets.uploadScript ?? null;
  app.setValidatorCompiler(formValidatorCompiler);
  defaultSchemas(app, { params: PARAM_TYPES, query: AnyQuery, form: AnyForm });
  acceptForms(app);
  // Errors while a multipart form is read (no boundary, cut short) are the sender's: marked so they answer 400.
  app.addHook('preValidation', async (request) => {
    request.readingForm = true;
  });
  await acceptMultipartForms(app, { uploadsDir: path.join(uploadsDir, 'forms'), maxFileBytes: largestSizeLimit(media.limits), media });
  app.addHook('preValidation', async (request) => {
    request.readingForm = false;
  });
  refuseBrokenMultipartText(app);
  authenticate(app, actions);
  guardRoutes(app);
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    return payload;
  });

  const mastheadFor = async (request: FastifyRequest): Promise<NewsroomMasthead> => {
    const auth = request.auth;
    const script = assets.newsroomScript ?? null;
    if (!auth || auth.via !== 'session') return { i18n: signedOut, css, script, notice: noticeOf(request, { i18n: signedOut }), user: null };
    const i18n = translatorOf(request);
    const common = { i18n, css, script, notice: noticeOf(request, { i18n }) };
    const user = await actions.describeUser(auth.userId);
    return { ...common, user: user ? { name: user.name, csrfToken: auth.csrfToken, parts: partsFor(auth.actor) } : null };
  };
  const html = (reply: FastifyReply, page: Parameters<typeof renderDocument>[0], status = 200) =>
    reply.code(status).type('text/html; charset=utf-8').send(renderDocument(page));

  app.setErrorHandler(async (thrown: FastifyError, request, reply) => {
    const { error, status } = classifyError(request, asNewsroomError(thrown, request));
    const i18n = translatorOf(request);
    if (error.kind === 'unauthenticated') return reply.redirect('/newsroom/sign-in', 303);
    if (error.kind === 'unavailable') replyUnavailable(request, reply, error);
    const message =
      error.kind === 'unavailable'
        ? i18n.t('error.unavailable.body')
        : error.code === 'STORY_VERSION_CONFLICT'
        ? i18n.t('newsroom.error.conflict')
        : error.code === 'FORBIDDEN'
          ? i18n.t('newsroom.error.forbidden')
          : status < 500
            ? errorText(i18n, error)
            : i18n.t('newsroom.error.title');
    const masthead = await mastheadFor(request).catch(() => ({ i18n: signedOut, css, user: null }));
    if (error.code === 'STORY_VERSION_CONFLICT' && idOf(request) > 0) {
      const conflict = await conflictVersions(request).catch(() => null);
      if (conflict) return html(reply, <ConflictPage masthead={masthead} storyId={idOf(request)} {...conflict} />, status);
    }
    return html(reply, <NewsroomErrorPage masthead={masthead} message={message} />, status);
  });

  /** The saved version and the refused one (kept as a conflict revision) of a refused save, to link both. */
  const conflictVersions = async (request: FastifyRequest) => {
    const actor = authOf(request).actor;
    const id = idOf(request);
    const [story, list] = await Promise.all([actions.getNewsroomStory(actor, id), actions.listRevisions(actor, id, 1, 50)]);
    const edited = Number(((request.body ?? {}) as FormBody).version);
    const theirs = list.items.find((r) => r.kind !== 'conflict' && r.version === story.version);
    const mine = list.items.find((r) => r.kind === 'conflict' && (!Number.isSafeInteger(edited) || r.version === edited));
    return { current: story.version, theirs: theirs?.id ?? null, mine: mine?.id ?? null };
  };

  app.get('/newsroom', { config: { permission: 'public' } }, async (request, reply) =>
    reply.redirect(request.auth ? '/newsroom/stories' : '/newsroom/sign-in', 303),
  );

  const signInForm = (reply: FastifyReply, error: 'failed' | 'locked' | 'expired' | null, email: string, status: number) => {
    const token = randomBytes(32).toString('base64url');
    reply.header('set-cookie', signInCookie(token, { secure: secureCookies }));
    return html(reply, <SignInPage masthead={{ i18n: signedOut, css, user: null }} error={error} email={email} csrfToken={token} />, status);
  };

  app.get('/newsroom/sign-in', { config: { permission: 'public' } }, async (_request, reply) => signInForm(reply, null, '', 200));

  app.post('/newsroom/sign-in', { config: { permission: 'public' }, schema: { body: SignInForm } }, async (request, reply) => {
    const form = (request.body ?? {}) as FormBody;
    // Login CSRF: the form must come from our own sign-in page (double-submit token).
    const expected = readCookie(request, SIGN_IN_COOKIE);
    if (!expected || !sameSecret(form._csrf, expected)) return signInForm(reply, 'expired', form.email ?? '', 403);
    try {
      const session = await actions.signIn({ email: form.email, password: form.password, address: request.ip });
      reply.header('set-cookie', sessionCookie(session.token, { secure: secureCookies, maxAgeSeconds: SESSION_LIFETIME_MS / 1000 }));
      return reply.redirect('/newsroom/stories', 303);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const locked = error.code === 'SIGN_IN_LOCKED';
      return signInForm(reply, locked ? 'locked' : 'failed', form.email ?? '', locked ? 429 : 401);
    }
  });

  app.post('/newsroom/sign-out', { config: { permission: 'signed-in' } }, async (request, reply) => {
    const auth = authOf(request);
    if (auth.via === 'session') await actions.signOut(auth.token);
    reply.header('set-cookie', sessionCookie('', { secure: secureCookies, maxAgeSeconds: 0 }));
    return reply.redirect('/newsroom/sign-in', 303);
  });

  const storyList = async (request: FastifyRequest, reply: FastifyReply, query: Record<string, string | undefined>, error: string | null = null, status = 200) => {
    const filter = { service: query.service ?? '', status: query.status ?? '', section: query.section ?? '', mine: query.mine === '1', q: (query.q ?? '').slice(0, 200) };
    const auth = authOf(request);
    const actor = auth.actor;
    const [list, options, zones] = await Promise.all([
      actions.listNewsroomStories(actor, {
        ...(filter.service ? { service: filter.service } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.section ? { section: Number(filter.section) } : {}),
        ...(filter.mine && auth.userId !== null ? { author: auth.userId } : {}),
        ...(filter.q ? { q: filter.q } : {}),
        page: pageOf(query.page),
      }),
      actions.newsroomFormOptions(actor),
      actions.zonesFor(actor, null),
    ]);
    return html(
      reply,
      <StoriesPage
        masthead={await mastheadFor(request)}
        services={options.services}
        sections={options.sections}
        filter={filter}
        stories={list.items}
        total={list.total}
        page={list.page}
        perPage={list.perPage}
        bulkActions={BULK_ACTIONS.filter((action) => can(actor, BULK_PERMISSION[action]))}
        error={error}
        zone={zones.own}
      />,
      status,
    );
  };

  app.get('/newsroom/stories', { config: { permission: 'story.read' }, schema: { querystring: StoryListQuery } }, async (request, reply) =>
    storyList(request, reply, request.query as Record<string, string | undefined>),
  );

  // Each story's own action checks its permission; a refusal names the stories and changes nothing.
  app.post('/newsroom/stories/bulk', { config: { permission: 'story.read' }, schema: { body: BulkForm } }, async (request, reply) => {
    const form = (request.body ?? {}) as FormBody;
    const back = listAddress(form.back);
    const ids = Object.keys(form).flatMap((name) => (/^story\.\d{1,10}$/.test(name) && form[name] ? [Number(name.slice(6))] : []));
    const action = BULK_ACTIONS.find((name) => name === form.action);
    try {
      if (!action) throw new DomainError('FIELD_INVALID', 'choose what to do with the chosen stories', 'action');
      await actions.bulkStories(authOf(request).actor, action, ids);
      return reply.redirect(doneAt(back, 'bulk'), 303);
    } catch (error) {
      if (!isDomainError(error) || error.kind === 'unavailable' || error.kind === 'unauthenticated') throw error;
      const query = Object.fromEntries(new URL(back, 'http://x').searchParams);
      return storyList(request, reply, query, errorText(translatorOf(request), error), classifyError(request, error).status);
    }
  });

  app.post('/newsroom/stories/:id/delete', { config: { permission: 'story.delete' } }, async (request, reply) => {
    await actions.deleteStory(authOf(request).actor, idOf(request));
    return reply.redirect(doneAt('/newsroom/stories', 'deleted'), 303);
  });

  const formPage = async (request: FastifyRequest, reply: FastifyReply, values: StoryFormValues, error: string | null, status = 200, extras: StoryPageExtras = {}) => {
    const actor = authOf(request).actor;
    const [options, extra, zones] = await Promise.all([
      actions.newsroomFormOptions(actor),
      actions.storyEditorData({ serviceCode: values.serviceCode, body: values.body, leadMediaId: Number(values.leadMediaId) || null }),
      actions.zonesFor(actor, values.serviceCode),
    ]);
    const resource = { serviceCode: values.serviceCode };
    const may = {
      file: can(actor, 'story.file', resource),
      publish: can(actor, 'story.publish', resource),
      unpublish: can(actor, 'story.unpublish', resource),
      note: can(actor, 'story.note', resource),
      comments: can(actor, 'comments.set-state', resource),
      edit: can(actor, 'story.edit', { ...resource, authorId: extras.authorId ?? null, ...(values.status ? { status: values.status } : {}) }),
      delete: can(actor, 'story.delete', { ...resource, authorId: values.authorId ?? null, ...(values.status ? { status: values.status } : {}) }),
    };
    return html(
      reply,
      <StoryFormPage
        masthead={await mastheadFor(request)}
        services={options.services}
        sections={options.sections}
        tags={extra.tags}
        values={values}
        labels={extra.labels}
        leadMediaTitle={extra.leadMedia?.title ?? null}
        leadMediaDefaults={extra.leadMedia ? { caption: extra.leadMedia.caption, credit: extra.leadMedia.credit } : null}
        error={error}
        may={may}
        editorScript={assets.editorScript ?? null}
        pending={extras.pending ?? null}
        zones={zones}
        schedule={extras.schedule ?? null}
        toolError={extras.toolError ?? null}
      />,
      status,
    );
  };

  /**
   * A saved story's form: a live story's pending version is what the form edits (readers keep
   * the live text). `extras` carries a refused tool form back onto the page, as typed.
   */
  const storyPage = async (request: FastifyRequest, reply: FastifyReply, id: number, extras: StoryPageExtras = {}, status = 200) => {
    const actor = authOf(request).actor;
    const [story, pending] = await Promise.all([actions.getNewsroomStory(actor, id), actions.getPendingVersion(actor, id)]);
    const values = valuesFromStory(pending ? { ...story, ...pending.content } : story);
    const view = pending ? { savedAt: pending.savedAt, applyAt: pending.applyAt, changes: pending.changes } : null;
    return formPage(request, reply, values, null, status, { ...extras, pending: view, authorId: story.authorId });
  };

  app.get('/newsroom/stories/new', { config: { permission: 'story.create' } }, async (request, reply) => {
    const options = await actions.newsroomFormOptions(authOf(request).actor);
    return formPage(request, reply, { ...EMPTY, serviceCode: options.services[0]?.code ?? '' }, null);
  });

  app.post('/newsroom/stories', { config: { permission: 'story.create' }, schema: { body: StoryForm } }, async (request, reply) => {
    const form = (request.body ?? {}) as FormBody;
    try {
      const id = await actions.createStory(authOf(request).actor, storyFromForm(form, null));
      return reply.redirect(doneAt(`/newsroom/stories/${id}`, 'created'), 303);
    } catch (error) {
      return formPage(request, reply, valuesFromForm(form, null), refusalText(request, error), 400);
    }
  });

  app.get('/newsroom/stories/:id', { config: { permission: 'story.read' } }, async (request, reply) => storyPage(request, reply, idOf(request)));

  app.post('/newsroom/stories/:id', { config: { permission: 'story.edit' }, schema: { body: StoryForm } }, async (request, reply) => {
    const id = idOf(request);
    const actor = authOf(request).actor;
    const form = (request.body ?? {}) as FormBody;
    const existing = await actions.getNewsroomStory(actor, id);
    try {
      await actions.updateStory(actor, id, storyFromForm(form, existing), { version: Number(form.version) || 0 });
      return reply.redirect(doneAt(`/newsroom/stories/${id}`, 'saved'), 303);
    } catch (error) {
      return formPage(request, reply, valuesFromForm(form, existing), refusalText(request, error), 400, { authorId: existing.authorId });
    }
  });

  app.post('/newsroom/stories/:id/file', { config: { permission: 'story.file' } }, async (request, reply) => {
    await actions.fileStory(authOf(request).actor, idOf(request));
    return reply.redirect(doneAt(`/newsroom/stories/${idOf(request)}`, 'filed'), 303);
  });

  moderationPages(app, { actions, mastheadFor, html });
  storyToolPages(app, { actions, assets, mastheadFor, html, storyPage, formPage });
  translationPages(app, { actions, mastheadFor, html });
  profilePages(app, { actions, mastheadFor, html });
  servicePages(app, { actions, mastheadFor, html });
  distributionPages(app, { actions, mastheadFor, html });
  alertPages(app, { actions, mastheadFor, html });
  livePages(app, { actions, mastheadFor, html }, assets.editorScript ?? null);
  frontPagePages(app, { actions, mastheadFor, html });
  auditPages(app, { actions, mastheadFor, html });
  accountPages(app, { actions, mastheadFor, html });
  upcomingPages(app, { actions, mastheadFor, html });
  mediaPages(app, { media, uploadScript, mastheadFor, html });

}

/** Where a bulk action goes back to: the story list as it was filtered, never another address. */
function listAddress(back: string | undefined): string {
  return back && /^\/newsroom\/stories(\?[^#\s]*)?$/.test(back) ? back : '/newsroom/stories';
}

/**
 * What only the newsroom says differently from the other surfaces, before the shared mapping: a
 * parameter that cannot name anything (an id past 2^31-1, letters) is simply not found, and what
 * fails while a multipart form is read (no boundary, cut short) is the form the request sent.
 */
function asNewsroomError(error: FastifyError, request: FastifyRequest): unknown {
  if (isDomainError(error)) return error;
  if (error.validation && error.validationContext === 'params') return notFound('ADDRESS_NOT_FOUND');
  if (request.readingForm && error.statusCode === undefined && error.code === undefined) {
    return new DomainError('REQUEST_INVALID', 'The form could not be read: send it again.');
  }
  return error;
}
