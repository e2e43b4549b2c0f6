import { DomainError } from '../shared/errors.js';
import type { StoryStatus } from '../story/story.js';
import type { Actor, Role } from './user.js';

/** Everything the newsroom lets people do, named as the Admin API declares it on its routes. */
export const PERMISSIONS = [
  'story.read',
  'story.create',
  'story.edit',
  'story.file',
  'story.publish',
  'story.unpublish',
  'story.note',
  /** Delete a draft that was never published (reporters: their own). */
  'story.delete',
  'front.edit',
  'story.live',
  'alert.create',
  'alert.expire',
  'comments.set-state',
  'comments.moderate',
  'comments.settings',
  'profile.edit',
  'service.manage',
  'user.manage',
  'audit.read',
  'media.read',
  'media.upload',
  'media.edit',
  /** Content API keys and webhooks (admins). */
  'distribution.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** What a permission is asked about: the service it belongs to, and for stories their author and status. */
export interface Resource {
  /** null: belongs to no single service (a shared profile), so only admins' grants cover it. */
  readonly serviceCode?: string | null;
  readonly authorId?: number | null;
  readonly status?: StoryStatus;
}

const BY_ROLE: Readonly<Record<Exclude<Role, 'admin'>, readonly Permission[]>> = {
  editor: [
    'story.read',
    'story.create',
    'story.edit',
    'story.file',
    'story.publish',
    'story.unpublish',
    'story.note',
    'story.delete',
    'front.edit',
    'story.live',
    'alert.create',
    'alert.expire',
    'comments.set-state',
    'comments.moderate',
    'comments.settings',
    'profile.edit',
    'media.read',
    'media.upload',
    'media.edit',
  ],
  reporter: ['story.read', 'story.create', 'story.edit', 'story.file', 'story.delete', 'media.read', 'media.upload', 'media.edit'],
  moderator: ['story.read', 'comments.set-state', 'comments.moderate'],
};

/**
 * Reporters write and file their own stories, and only until an editor takes them further;
 * once their story is live they may propose changes (a pending version an editor puts live).
 */
const REPORTER_EDITABLE: Readonly<Record<'story.edit' | 'story.file' | 'story.delete', readonly StoryStatus[]>> = {
  'story.edit': ['draft', 'filed', 'published'],
  'story.file': ['draft', 'filed'],
  'story.delete': ['draft', 'filed'],
};

/**
 * May this actor do this to this resource? Pure: the whole rule of who may do what.
 * Without a resource, the question is "may this actor ever do this" (used by routes to
 * refuse early; the action asks again with the resource).
 */
export function can(actor: Actor, permission: Permission, resource?: Resource): boolean {
  if (actor.kind === 'system') return true;
  return actor.grants.some((grant) => {
    if (grant.role === 'admin') return true;
    if (!BY_ROLE[grant.role].includes(permission)) return false;
    if (resource?.serviceCode !== undefined && grant.serviceCode !== resource.serviceCode) return false;
    if (grant.role === 'reporter' && resource && (permission === 'story.edit' || permission === 'story.file' || permission === 'story.delete')) {
      if (resource.authorId !== undefined && resource.authorId !== actor.userId) return false;
      if (resource.status !== undefined && !REPORTER_EDITABLE[permission].includes(resource.status)) return false;
    }
    return true;
  });
}

/** The service codes an actor may read stories of; null means every service. */
export function readableServices(actor: Actor): readonly string[] | null {
  if (actor.kind === 'system' || actor.grants.some((g) => g.role === 'admin')) return null;
  return [...new Set(actor.grants.flatMap((g) => (g.serviceCode ? [g.serviceCode] : [])))];
}

export function forbidden(permission: Permission): DomainError {
  return new DomainError('FORBIDDEN', `you may not do this (${permission})`, { context: { permission } });
}

/** Throws FORBIDDEN unless the actor may do this. Actions call it first. */
export function requirePermission(actor: Actor, permission: Permission, resource?: Resource): void {
  if (!can(actor, permission, resource)) throw forbidden(permission);
}
