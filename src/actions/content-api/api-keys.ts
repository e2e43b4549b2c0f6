import { parseApiKeyInput, type ContentApiKey } from '../../domain/distribution/content-api-key.js';
import { notFound } from '../../domain/shared/errors.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { hashSecret, newSecret } from '../users/secrets.js';

const KEY_PREFIX = 'dlc_';

/** Issues a Content API key (admins). The key is returned once; only its hash is stored. */
export async function issueApiKey(
  deps: ActionDeps,
  actor: Actor,
  input: { name: unknown; requestsPerMinute?: unknown },
): Promise<{ key: string; apiKey: ContentApiKey }> {
  requirePermission(actor, 'distribution.manage');
  const fields = parseApiKeyInput(input);
  const key = newSecret(KEY_PREFIX);
  const now = deps.clock.now();
  const apiKey = await deps.store.transaction(async (repos) => {
    const saved = await repos.contentApiKeys.insert({ ...fields, hash: hashSecret(key), prefix: key.slice(0, KEY_PREFIX.length + 6), createdBy: actorUserId(actor) }, now);
    await repos.audit.record({ userId: actorUserId(actor), action: 'api-key.issue', subject: `api-key:${saved.id}`, details: { name: fields.name } }, now);
    return saved;
  });
  return { key, apiKey };
}

/** Revokes a key at once: its next request is refused. */
export async function revokeApiKey(deps: ActionDeps, actor: Actor, id: number): Promise<ContentApiKey> {
  requirePermission(actor, 'distribution.manage');
  const now = deps.clock.now();
  return deps.store.transaction(async (repos) => {
    const existing = await repos.contentApiKeys.findById(id);
    if (!existing) throw notFound('API_KEY_NOT_FOUND', `there is no API key ${id}`);
    await repos.contentApiKeys.revoke(id, now);
    await repos.audit.record({ userId: actorUserId(actor), action: 'api-key.revoke', subject: `api-key:${id}` }, now);
    return (await repos.contentApiKeys.findById(id)) ?? existing;
  });
}

export async function listApiKeys(deps: Pick<ActionDeps, 'store'>, actor: Actor): Promise<ContentApiKey[]> {
  requirePermission(actor, 'distribution.manage');
  return deps.store.read.contentApiKeys.list(500);
}

/** The key a request presents, if it is one that is issued and not revoked. */
export async function authenticateApiKey(deps: Pick<ActionDeps, 'store'>, presented: string): Promise<ContentApiKey | undefined> {
  if (!presented.startsWith(KEY_PREFIX) || presented.length > 200) return undefined;
  return deps.store.read.contentApiKeys.findActiveByHash(hashSecret(presented));
}
