/** The roles of the newsroom. Admin is install-wide; the others are granted per language service. */
export type Role = 'admin' | 'editor' | 'reporter' | 'moderator';
export const ROLES: readonly Role[] = ['admin', 'editor', 'reporter', 'moderator'];

/** One role a user holds; `serviceCode` is null for admin (every service). */
export interface RoleGrant {
  readonly role: Role;
  readonly serviceCode: string | null;
}

export interface User {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly state: 'active' | 'disabled';
  /** The language of this person's newsroom: one of NEWSROOM_LOCALES. */
  readonly locale: string;
  readonly grants: readonly RoleGrant[];
  readonly createdAt: Date;
}

/**
 * Who is doing something. Every newsroom action takes one. The system actor is the
 * install itself (demo loading, the scheduler, the CLI run by an operator on the host).
 */
export type Actor =
  | { readonly kind: 'user'; readonly userId: number; readonly grants: readonly RoleGrant[] }
  | { readonly kind: 'system'; readonly reason: string };

export function systemActor(reason: string): Actor {
  return { kind: 'system', reason };
}

export function userActor(user: Pick<User, 'id' | 'grants'>): Actor {
  return { kind: 'user', userId: user.id, grants: user.grants };
}

/** The user id an actor acts as, or null for the system. */
export function actorUserId(actor: Actor): number | null {
  return actor.kind === 'user' ? actor.userId : null;
}

/** The languages the newsroom speaks: each has a catalogue of every interface string. */
export const NEWSROOM_LOCALES = ['en', 'ru', 'ky', 'fa'] as const;
export type NewsroomLocale = (typeof NEWSROOM_LOCALES)[number];

export const isNewsroomLocale = (value: unknown): value is NewsroomLocale =>
  typeof value === 'string' && (NEWSROOM_LOCALES as readonly string[]).includes(value);
