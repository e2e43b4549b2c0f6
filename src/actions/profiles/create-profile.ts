import { parseProfileInput, type Profile, type ProfileInput } from '../../domain/profile/profile.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { requireKnownService } from './profile-service.js';

/** A new profile. Editors keep their service's profiles; shared ones (no service) are for admins. */
export async function createProfile(deps: ActionDeps, actor: Actor, input: ProfileInput): Promise<Profile> {
  const profile = parseProfileInput(input);
  requirePermission(actor, 'profile.edit', { serviceCode: profile.serviceCode });
  const now = deps.clock.now();
  return deps.store.transaction(async (repos, emit) => {
    await requireKnownService(repos, profile.serviceCode);
    const inserted = await repos.profiles.insert(profile, now);
    await repos.audit.record({ userId: actorUserId(actor), action: 'profile.create', subject: `profile:${inserted.id}` }, now);
    emit({ type: 'profile.changed', profileId: inserted.id });
    return inserted;
  });
}
