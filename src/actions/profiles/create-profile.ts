import { parseProfileInput, type Profile } from '../../domain/profile/profile.js';
import type { ActionDeps } from '../deps.js';

export async function createProfile(
  deps: ActionDeps,
  input: { kind: unknown; name: unknown; summary?: unknown },
): Promise<Profile> {
  const profile = parseProfileInput(input);
  const saved = await deps.store.transaction((repos) => repos.profiles.insert(profile, deps.clock.now()));
  deps.events.publish({ type: 'profile.changed', profileId: saved.id });
  return saved;
}
