import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Body } from '../../../domain/body/body.js';
import { parseBody } from '../../../domain/body/parse-body.js';
import { fromPlainText, toPlainText } from '../../../domain/body/plain-text-body.js';
import type { NewsroomMasthead } from '../../../views/layouts/newsroom.layout.js';
import { LiveEntryPage, LivePage, NO_ENTRY_VALUES, type LiveEntryValues } from '../../../views/pages/newsroom/live.page.js';
import { authOf } from '../../shared/route-permission.js';
import type { FormBody } from './form-body.js';
import { refusalText } from './error-text.js';
import { idOf, pageOf, type PageHelpers } from './page-helpers.js';
import { LiveEntryForm, LiveSwitchForm, ServicePageQuery } from './schemas.js';
import { bodyFromJson } from './story-form-values.js';

/** The entry form's fields as the form shows them again after a refusal. */
function valuesOf(form: FormBody): LiveEntryValues {
  return { text: form.text ?? '', pinned: form.pinned === 'on', keyEvent: form.keyEvent === 'on' };
}

/** The editor's body sent with a refused edit, shown again if it is a body at all; else the entry's own. */
function sentBody(form: FormBody, saved: Body): Body {
  if (form.bodyJson === undefined) return saved;
  try {
    return parseBody(JSON.parse(form.bodyJson));
  } catch {
    return saved;
  }
}

/**
 * /newsroom/stories/:id/live: a story's live coverage. Editors (story.live) turn it live and
 * end it, post entries (plain text: paragraphs separated by a blank line), edit them (with the
 * story form's rich editor island when JavaScript is on, sent as `bodyJson`; else the plain
 * text, which an entry with media or formatting refuses rather than lose them), pin, mark as
 * key events and delete them; anyone who may read the story sees them. Open reader pages show
 * each change at once (the actions emit live.changed in their transactions).
 */
export function livePages(app: FastifyInstance, { actions, mastheadFor, html }: PageHelpers, editorScript: string | null): void {
  const livePage = async (request: FastifyRequest, reply: FastifyReply, page: number, values = NO_ENTRY_VALUES, error: string | null = null) => {
    const desk = await actions.getLiveDesk(authOf(request).actor, idOf(request), page);
    const entries = desk.items.map((entry) => ({ ...entry, text: toPlainText(entry.body) }));
    return html(
      reply,
      <LivePage
        masthead={await mastheadFor(request)}
        story={desk.story}
        liveSince={desk.liveSince}
        mayWrite={desk.mayWrite}
        entries={entries}
        page={desk.page}
        hasNext={desk.hasNext}
        values={values}
        error={error}
      />,
      error ? 400 : 200,
    );
  };
  const entryPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: LiveEntryValues | null = null,
    error: string | ((t: NewsroomMasthead['i18n']['t']) => string) | null = null,
    body: Body | null = null,
  ) => {
    const { story, entry } = await actions.getLiveEntry(authOf(request).actor, idOf(request), idOf(request, 'entryId'));
    const text = toPlainText(entry.body);
    const shown = body ?? entry.body;
    const [masthead, editorData] = await Promise.all([mastheadFor(request), actions.storyEditorData({ serviceCode: story.serviceCode, body: shown, leadMediaId: null })]);
    return html(
      reply,
      <LiveEntryPage
        masthead={masthead}
        story={story}
        entry={entry}
        textEditable={text !== null}
        values={values ?? { text: text ?? '', pinned: entry.pinned, keyEvent: entry.keyEvent }}
        body={shown}
        labels={editorData.labels}
        editorScript={editorScript}
        error={typeof error === 'function' ? error(masthead.i18n.t) : error}
      />,
      error ? 400 : 200,
    );
  };

  app.get('/newsroom/stories/:id/live', { config: { permission: 'story.read' }, schema: { querystring: ServicePageQuery } }, async (request, reply) =>
    livePage(request, reply, pageOf((request.query as { page?: string }).page)),
  );

  app.post('/newsroom/stories/:id/live', { config: { permission: 'story.live' }, schema: { body: LiveSwitchForm } }, async (request, reply) => {
    const form = (request.body ?? {}) as FormBody;
    await actions.setStoryLive(authOf(request).actor, idOf(request), form.live === 'on');
    return reply.redirect(`/newsroom/stories/${idOf(request)}/live`, 303);
  });

  app.post('/newsroom/stories/:id/live/entries', { config: { permission: 'story.live' }, schema: { body: LiveEntryForm } }, async (request, reply) => {
    const form = (request.body ?? {}) as FormBody;
    try {
      await actions.postLiveEntry(authOf(request).actor, idOf(request), { body: fromPlainText(form.text ?? ''), pinned: form.pinned === 'on', keyEvent: form.keyEvent === 'on' });
    } catch (error) {
      return livePage(request, reply, 1, valuesOf(form), refusalText(request, error));
    }
    return reply.redirect(`/newsroom/stories/${idOf(request)}/live`, 303);
  });

  app.get('/newsroom/stories/:id/live/entries/:entryId', { config: { permission: 'story.live' } }, async (request, reply) => entryPage(request, reply));

  app.post('/newsroom/stories/:id/live/entries/:entryId', { config: { permission: 'story.live' }, schema: { body: LiveEntryForm } }, async (request, reply) => {
    const form = (request.body ?? {}) as FormBody;
    const actor = authOf(request).actor;
    const storyId = idOf(request);
    const { entry } = await actions.getLiveEntry(actor, storyId, idOf(request, 'entryId'));
    const plain = toPlainText(entry.body) !== null;
    // Plain text for an entry the plain form cannot hold would lose its media and formatting: refused, nothing changes.
    if (form.bodyJson === undefined && form.text !== undefined && !plain) {
      return entryPage(request, reply, valuesOf(form), (t) => t('newsroom.live.richRefused'));
    }
    try {
      // The editor's body; else the plain text; else (an entry the plain form cannot hold, ticks only) the body as it is.
      const body = form.bodyJson !== undefined ? bodyFromJson(form.bodyJson) : form.text !== undefined ? fromPlainText(form.text) : entry.body;
      await actions.editLiveEntry(actor, storyId, entry.id, { body, pinned: form.pinned === 'on', keyEvent: form.keyEvent === 'on', version: Number(form.version) });
    } catch (error) {
      return entryPage(request, reply, valuesOf(form), refusalText(request, error), sentBody(form, entry.body));
    }
    return reply.redirect(`/newsroom/stories/${storyId}/live`, 303);
  });

  app.post('/newsroom/stories/:id/live/entries/:entryId/delete', { config: { permission: 'story.live' } }, async (request, reply) => {
    await actions.deleteLiveEntry(authOf(request).actor, idOf(request), idOf(request, 'entryId'));
    return reply.redirect(`/newsroom/stories/${idOf(request)}/live`, 303);
  });
}
