import type { LanguageService, Section } from '../../domain/service/service.js';
import { requirePermission } from '../../domain/user/permissions.js';
import type { Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

/** Every service, in list order (what every reader page's masthead shows anyway). */
export async function listLanguageServices(deps: ActionDeps, actor: Actor): Promise<LanguageService[]> {
  requirePermission(actor, 'story.read');
  return deps.store.read.services.list();
}

/** Sections in navigation order: of one service, or of all. */
export async function listSections(deps: ActionDeps, actor: Actor, serviceCode?: string): Promise<Section[]> {
  requirePermission(actor, 'story.read');
  return serviceCode ? deps.store.read.services.listSections(serviceCode) : deps.store.read.services.listAllSections();
}
