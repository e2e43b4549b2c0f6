import { readableServices, requirePermission } from '../../domain/user/permissions.js';
import type { Actor } from '../../domain/user/user.js';
import type { UpcomingItem } from '../../store/repositories/stories.repository.js';
import type { ActionDeps } from '../deps.js';

/** At most this many upcoming items on the desk's list. */
const UPCOMING_LIMIT = 500;

/**
 * The desk's upcoming list: stories scheduled to publish and live stories' updates scheduled
 * to go live, from now on, soonest first, of the services the actor works for.
 */
export async function listUpcoming(deps: ActionDeps, actor: Actor): Promise<UpcomingItem[]> {
  requirePermission(actor, 'story.read');
  return deps.store.read.stories.listUpcoming({ serviceCodes: readableServices(actor), from: deps.clock.now(), limit: UPCOMING_LIMIT });
}
