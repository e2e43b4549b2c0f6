import { parseTimeZone } from '../../domain/shared/time-zone.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

/** The zone newsroom times are shown and entered in when a person has chosen none. */
export const DEFAULT_TIME_ZONE = 'UTC';

/** A person's time zone as chosen (null: none), and the zone their times are shown in. */
export async function timeZoneOf(deps: ActionDeps, userId: number | null): Promise<{ chosen: string | null; zone: string }> {
  const chosen = userId === null ? null : await deps.store.read.users.timeZoneOf(userId);
  return { chosen, zone: chosen ?? DEFAULT_TIME_ZONE };
}

/**
 * Sets the signed-in person's own time zone: an IANA name ("Asia/Bishkek"), checked against
 * the zones the runtime knows; empty clears it (times then in UTC).
 */
export async function setOwnTimeZone(deps: ActionDeps, actor: Actor, value: unknown): Promise<string | null> {
  const userId = actorUserId(actor);
  const text = typeof value === 'string' ? value.trim() : '';
  const zone = text === '' ? null : parseTimeZone(text, 'timeZone');
  if (userId === null) return zone;
  const now = deps.clock.now();
  await deps.store.transaction(async (repos) => {
    await repos.users.setTimeZone(userId, zone, now);
    await repos.audit.record({ userId, action: 'user.time-zone', subject: `user:${userId}`, details: { zone } }, now);
  });
  return zone;
}

/** Each service's time zone, by service code (services without one are in UTC). */
export async function serviceTimeZones(deps: ActionDeps): Promise<ReadonlyMap<string, string>> {
  return deps.store.read.services.timeZones();
}

/** The zones a person's newsroom times are shown in: their own, and the service's beside it. */
export async function zonesFor(deps: ActionDeps, actor: Actor, serviceCode: string | null): Promise<{ own: string; service: string }> {
  const [{ zone }, services] = await Promise.all([timeZoneOf(deps, actorUserId(actor)), serviceTimeZones(deps)]);
  return { own: zone, service: (serviceCode ? services.get(serviceCode) : undefined) ?? DEFAULT_TIME_ZONE };
}

/** Sets a service's time zone (admins), shown beside each person's own. */
export async function setServiceTimeZone(deps: ActionDeps, actor: Actor, serviceCode: string, value: unknown): Promise<string> {
  requirePermission(actor, 'service.manage');
  const zone = parseTimeZone(value, 'timeZone');
  const now = deps.clock.now();
  await deps.store.transaction(async (repos, emit) => {
    await repos.services.setTimeZone(serviceCode, zone);
    await repos.audit.record({ userId: actorUserId(actor), action: 'service.time-zone', subject: `service:${serviceCode}`, details: { zone } }, now);
    emit({ type: 'service.changed', serviceCode });
  });
  return zone;
}
