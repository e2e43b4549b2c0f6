import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebActions } from '../../../actions/web-actions.js';
import { isId, MAX_LIST_PAGE } from '../../../domain/shared/limits.js';
import { can, type Permission } from '../../../domain/user/permissions.js';
import type { Actor } from '../../../domain/user/user.js';
import { translatorFor, type Translator } from '../../../i18n/i18n.js';
import type { NewsroomMasthead, NewsroomPart } from '../../../views/layouts/newsroom.layout.js';
import type { renderDocument } from '../../../views/render.js';

/** What every group of newsroom pages gets from the surface. */
export interface PageHelpers {
  readonly actions: WebActions;
  readonly mastheadFor: (request: FastifyRequest) => Promise<NewsroomMasthead>;
  readonly html: (reply: FastifyReply, page: Parameters<typeof renderDocument>[0], status?: number) => FastifyReply;
}

/** The permission each part of the newsroom needs: the same one its routes declare. */
const PART_PERMISSION: Readonly<Record<NewsroomPart, Permission>> = {
  stories: 'story.read',
  upcoming: 'story.read',
  media: 'media.read',
  profiles: 'story.read',
  front: 'front.edit',
  alerts: 'alert.create',
  comments: 'comments.moderate',
  sections: 'service.manage',
  services: 'service.manage',
  users: 'user.manage',
  audit: 'audit.read',
  distribution: 'distribution.manage',
};

/** The parts of the newsroom the navigation links for this person. */
export function partsFor(actor: Actor): NewsroomPart[] {
  return (Object.keys(PART_PERMISSION) as NewsroomPart[]).filter((part) => can(actor, PART_PERMISSION[part]));
}

/** The notices an action's redirect may ask for (`?done=saved`): anything else shows nothing. */
const NOTICES = ['saved', 'created', 'filed', 'published', 'scheduled', 'unpublished', 'noted', 'comments', 'restored', 'deleted', 'bulk', 'uploaded', 'updated', 'discarded', 'unscheduled'] as const;
export type Notice = (typeof NOTICES)[number];

/** The message of the notice the query asks for, or null. */
export function noticeOf(request: FastifyRequest, masthead: Pick<NewsroomMasthead, 'i18n'>): string | null {
  const done = (request.query as Record<string, unknown> | undefined)?.done;
  return typeof done === 'string' && (NOTICES as readonly string[]).includes(done) ? masthead.i18n.t(`newsroom.done.${done as Notice}`) : null;
}

/** Where an action goes after it is done: `path` with the notice to show there. */
export function doneAt(path: string, notice: Notice): string {
  return `${path}${path.includes('?') ? '&' : '?'}done=${notice}`;
}

/** A positive id from the route's `:name` parameter (`:id` unless told); 0 (found nowhere) unless a whole number the store's 32-bit ids can hold. */
export function idOf(request: FastifyRequest, name = 'id'): number {
  const id = Number((request.params as Record<string, string | undefined>)[name]);
  return isId(id) ? id : 0;
}

/** A form's whole number, or undefined when left empty (NaN when not a number, so the action refuses it). */
export function formNumber(value: string | undefined): number | undefined {
  const text = value?.trim() ?? '';
  return text === '' ? undefined : Number(text);
}

/** A page number from the query (its schema allows 1 to MAX_LIST_PAGE, or empty for the first). */
export function pageOf(value: string | undefined): number {
  return Math.min(MAX_LIST_PAGE, Math.max(1, Math.floor(Number(value)) || 1));
}

/** The newsroom in the signed-in person's language (English before sign-in, and for a bearer token). */
export function translatorOf(request: FastifyRequest): Translator {
  return translatorFor(request.auth?.via === 'session' ? request.auth.locale : 'en');
}
