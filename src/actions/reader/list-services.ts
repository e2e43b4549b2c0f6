import type { LanguageService } from '../../domain/service/service.js';
import type { ActionDeps } from '../deps.js';

export function listServices(deps: Pick<ActionDeps, 'store'>): Promise<LanguageService[]> {
  return deps.store.read.services.list();
}
