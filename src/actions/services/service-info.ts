import { parseServiceInfo, type ServiceInfo } from '../../domain/service/service-info.js';
import { notFound } from '../../domain/shared/errors.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

/** A service's About text and contact details as its editors wrote them ('' where they have not). */
export async function getServiceInfo(deps: ActionDeps, actor: Actor, code: string): Promise<ServiceInfo> {
  requirePermission(actor, 'service.manage');
  const info = await deps.store.read.services.findInfo(code);
  if (!info) throw notFound('SERVICE_NOT_FOUND', `there is no service "${code}"`);
  return info;
}

/**
 * Replaces a service's About text and contact details (admins); the reader's About and Contact
 * pages, and every page of the service, are purged through service.changed.
 */
export async function updateServiceInfo(
  deps: ActionDeps,
  actor: Actor,
  code: string,
  input: Parameters<typeof parseServiceInfo>[0],
): Promise<ServiceInfo> {
  requirePermission(actor, 'service.manage');
  const info = parseServiceInfo(input);
  const now = deps.clock.now();
  return deps.store.transaction(async (repos, emit) => {
    if (!(await repos.services.find(code))) throw notFound('SERVICE_NOT_FOUND', `there is no service "${code}"`);
    await repos.services.updateInfo(code, info);
    await repos.audit.record({ userId: actorUserId(actor), action: 'service.update', subject: `service:${code}`, details: { fields: ['info'] } }, now);
    emit({ type: 'service.changed', serviceCode: code });
    return info;
  });
}
