import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { invalid, isDomainError } from '../../../domain/shared/errors.js';
import { isId } from '../../../domain/shared/limits.js';
import { can } from '../../../domain/user/permissions.js';
import { TranslationsPage } from '../../../views/pages/newsroom/translations.page.js';
import { authOf } from '../../shared/route-permission.js';
import { errorText } from './error-text.js';
import type { FormBody } from './form-body.js';
import { idOf, translatorOf, type PageHelpers } from './page-helpers.js';

/**
 * /newsroom/stories/{id}/translations: the story's versions in other services. Link one by its
 * number (the group is the story's versions plus it), unlink one; a refusal re-shows the form
 * with what was typed and why, and changes nothing.
 */
export function translationPages(app: FastifyInstance, { actions, mastheadFor, html }: PageHelpers): void {
  const page = async (request: FastifyRequest, reply: FastifyReply, error: string | null = null, typed = '', status = 200) => {
    const actor = authOf(request).actor;
    const id = idOf(request);
    const [story, versions] = await Promise.all([actions.getNewsroomStory(actor, id), actions.listLinkedVersions(actor, id)]);
    const mayEdit = can(actor, 'story.edit', { serviceCode: story.serviceCode, authorId: story.authorId, status: story.status });
    return html(
      reply,
      <TranslationsPage masthead={await mastheadFor(request)} storyId={id} headline={story.headline} versions={versions} mayEdit={mayEdit} error={error} typed={typed} />,
      status,
    );
  };

  app.get('/newsroom/stories/:id/translations', { config: { permission: 'story.read' } }, async (request, reply) => page(request, reply));

  app.post('/newsroom/stories/:id/translations', { config: { permission: 'story.edit' } }, async (request, reply) => {
    const actor = authOf(request).actor;
    const id = idOf(request);
    const typed = ((request.body ?? {}) as FormBody).storyId?.trim() ?? '';
    try {
      const other = Number(typed);
      if (!/^\d{1,10}$/.test(typed) || !isId(other)) throw invalid('FIELD_INVALID', 'a story number is a whole number such as 12', 'storyId');
      const current = (await actions.listLinkedVersions(actor, id)).map((v) => v.id);
      await actions.setTranslations(actor, id, [...current, other]);
      return reply.redirect(`/newsroom/stories/${id}/translations`, 303);
    } catch (error) {
      if (!isDomainError(error) || (error.kind !== 'invalid' && error.code !== 'STORY_NOT_FOUND') || error.field === undefined) throw error;
      return page(request, reply, errorText(translatorOf(request), error), typed, error.kind === 'invalid' ? 400 : 404);
    }
  });

  app.post('/newsroom/stories/:id/translations/unlink', { config: { permission: 'story.edit' } }, async (request, reply) => {
    const actor = authOf(request).actor;
    const id = idOf(request);
    const other = Number(((request.body ?? {}) as FormBody).storyId);
    const current = (await actions.listLinkedVersions(actor, id)).map((v) => v.id);
    if (!current.includes(other)) throw invalid('FIELD_INVALID', 'that story is not a version of this one', 'storyId');
    await actions.setTranslations(actor, id, current.filter((v) => v !== other));
    return reply.redirect(`/newsroom/stories/${id}/translations`, 303);
  });
}
