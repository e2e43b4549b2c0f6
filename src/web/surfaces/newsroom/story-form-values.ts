import { parseBody } from '../../../domain/body/parse-body.js';
import { fromPlainText, toPlainText } from '../../../domain/body/plain-text-body.js';
import { invalid } from '../../../domain/shared/errors.js';
import type { Story } from '../../../domain/story/story.js';
import type { StoryFormValues } from '../../../views/pages/newsroom/story-form.page.js';
import type { FormBody } from './form-body.js';

export const EMPTY_STORY: StoryFormValues = {
  id: null,
  version: 1,
  status: null,
  serviceCode: '',
  sectionId: null,
  headline: '',
  deck: '',
  slug: '',
  place: '',
  outlet: '',
  bylines: '',
  credits: '',
  tagIds: [],
  leadMediaId: '',
  leadMediaCaption: '',
  leadMediaCredit: '',
  commentsState: 'open',
  body: [],
  bodyText: '',
  publishedAt: null,
  notes: [],
};

const lines = (text: string) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

/** The tags ticked on the form (checkboxes `tag-<id>`). */
function tickedTags(form: FormBody): number[] {
  return Object.keys(form).flatMap((key) => (/^tag-\d{1,15}$/.test(key) ? [Number(key.slice(4))] : []));
}

/** The rich editor's body (JSON in `bodyJson`), parsed; parseStoryInput checks it element by element. */
export function bodyFromJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    throw invalid('BODY_INVALID', 'body is not a valid document (send it again from the editor)', 'body');
  }
}

/** The form's fields as a story input (checked by the action); what the form does not show is kept from the story. */
export function storyFromForm(form: FormBody, existing: Story | null) {
  const place = form.place?.trim() ?? '';
  const outlet = form.outlet?.trim() ?? '';
  const plainBody = existing ? toPlainText(existing.body) : '';
  const leadMedia = form.leadMediaId?.trim();
  return {
    serviceCode: form.serviceCode ?? '',
    sectionId: form.sectionId ? Number(form.sectionId) : null,
    headline: form.headline ?? '',
    deck: form.deck ?? null,
    dateline: place || outlet ? { place, outlet } : null,
    body:
      form.bodyJson !== undefined
        ? bodyFromJson(form.bodyJson)
        : form.body !== undefined && plainBody !== null
          ? fromPlainText(form.body)
          : (existing?.body ?? []),
    slug: form.slug !== undefined ? form.slug.trim() : (existing?.slug ?? ''),
    bylines: form.bylines !== undefined ? lines(form.bylines) : (existing?.bylines ?? []),
    credits: form.credits !== undefined ? lines(form.credits) : (existing?.credits ?? []),
    tagIds: form.tagsShown !== undefined ? tickedTags(form) : (existing?.tagIds ?? []),
    leadMediaId: leadMedia === undefined ? (existing?.leadMediaId ?? null) : leadMedia === '' ? null : /^\d{1,15}$/.test(leadMedia) ? Number(leadMedia) : leadMedia,
    // Blank means "the media item's own"; a form without the fields keeps the story's.
    leadMediaCaption: form.leadMediaCaption ?? existing?.leadMediaCaption ?? null,
    leadMediaCredit: form.leadMediaCredit ?? existing?.leadMediaCredit ?? null,
    commentsState: existing?.commentsState ?? 'open',
  };
}

/** The form as sent, to show again with the error; a body the editor sent is kept if it is a valid body. */
export function valuesFromForm(form: FormBody, existing: Story | null): StoryFormValues {
  let body = existing?.body ?? [];
  if (form.bodyJson !== undefined) {
    try {
      const json: unknown = JSON.parse(form.bodyJson);
      try {
        body = parseBody(json);
      } catch {
        // Too big to save (a table of 10,000 cells): shown again as typed, for the writer to cut down.
        body = parseBody(json, { sizeLimits: false });
      }
    } catch {
      // Not a body: the editor starts from the saved one.
    }
  }
  return {
    ...(existing ? valuesFromStory(existing) : EMPTY_STORY),
    version: Number(form.version) || 1,
    serviceCode: form.serviceCode ?? '',
    sectionId: form.sectionId ? Number(form.sectionId) : null,
    headline: form.headline ?? '',
    deck: form.deck ?? '',
    slug: form.slug ?? '',
    place: form.place ?? '',
    outlet: form.outlet ?? '',
    bylines: form.bylines ?? '',
    credits: form.credits ?? '',
    tagIds: form.tagsShown !== undefined ? tickedTags(form) : (existing?.tagIds ?? []),
    leadMediaId: form.leadMediaId ?? '',
    leadMediaCaption: form.leadMediaCaption ?? '',
    leadMediaCredit: form.leadMediaCredit ?? '',
    body,
    bodyText: existing && toPlainText(existing.body) === null ? null : (form.body ?? toPlainText(body)),
  };
}

export function valuesFromStory(story: Story): StoryFormValues {
  return {
    id: story.id,
    version: story.version,
    status: story.status,
    serviceCode: story.serviceCode,
    sectionId: story.sectionId,
    headline: story.headline,
    deck: story.deck ?? '',
    slug: story.slug,
    place: story.dateline?.place ?? '',
    outlet: story.dateline?.outlet ?? '',
    bylines: story.bylines.join('\n'),
    credits: story.credits.join('\n'),
    tagIds: story.tagIds,
    leadMediaId: story.leadMediaId ? String(story.leadMediaId) : '',
    leadMediaCaption: story.leadMediaCaption ?? '',
    leadMediaCredit: story.leadMediaCredit ?? '',
    commentsState: story.commentsState,
    body: story.body,
    bodyText: toPlainText(story.body),
    publishedAt: story.publishedAt,
    notes: story.notes,
    authorId: story.authorId,
  };
}
