import { parseProfileInput, type Profile, type ProfileInput } from '../../domain/profile/profile.js';
import { notFound } from '../../domain/shared/errors.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { requireKnownService } from './profile-service.js';

/**
 * Changes a profile; fields left out keep their value. Moving a profile to another service
 * needs the right to edit profiles of both. A new name gives a new slug (old addresses redirect).
 */
export async function updateProfile(deps: ActionDeps, actor: Actor, profileId: number, changes: Partial<ProfileInput>): Promise<Profile> {
  const now = deps.clock.now();
  const saved = await deps.store.transaction(async (repos) => {
    // Read under a lock: two edits of different fields at once both keep their change.
    await repos.profiles.lockForEdit(profileId);
    const existing = await repos.profiles.findById(profileId);
    if (!existing) throw notFound('PROFILE_NOT_FOUND', `profile ${profileId} does not exist`);
    requirePermission(actor, 'profile.edit', { serviceCode: existing.serviceCode });
    const parsed = parseProfileInput({
      kind: changes.kind ?? existing.kind,
      name: changes.name ?? existing.name,
      summary: changes.summary !== undefined ? changes.summary : existing.summary,
      serviceCode: changes.serviceCode !== undefined ? changes.serviceCode : existing.serviceCode,
    });
    requirePermission(actor, 'profile.edit', { serviceCode: parsed.serviceCode });
    await requireKnownService(repos, parsed.serviceCode);
    const profile: Profile = { ...parsed, id: profileId };
    await repos.profiles.update(profile, now);
    const changed = (Object.keys(changes) as (keyof ProfileInput)[]).filter((key) => changes[key] !== undefined);
    await repos.audit.record(
      { userId: actorUserId(actor), action: 'profile.update', subject: `profile:${profileId}`, details: { fields: changed } },
      now,
    );
    return profile;
  });
  deps.events.publish({ type: 'profile.changed', profileId });
  return saved;
}
