import type { Kysely } from 'kysely';
import { defaultCommentSettings, type CommentSettings, type ModerationMode } from '../../domain/comment/comment-settings.js';
import type { Database } from '../database.js';

export type BanKind = 'address' | 'token';

/** The rules comments are held to: per-service settings, bans, and used challenges. Moderators' decisions go to the newsroom audit log. */
export class CommentRulesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async settings(serviceCode: string): Promise<CommentSettings> {
    const row = await this.db.selectFrom('comment_settings').selectAll().where('service_code', '=', serviceCode).executeTakeFirst();
    if (!row) return defaultCommentSettings(serviceCode);
    return {
      serviceCode,
      moderation: row.moderation as ModerationMode,
      autoCloseDays: row.auto_close_days,
      maxLinks: row.max_links,
      bannedWords: JSON.parse(row.banned_words_json) as string[],
    };
  }

  async saveSettings(settings: CommentSettings): Promise<void> {
    const values = {
      moderation: settings.moderation,
      auto_close_days: settings.autoCloseDays,
      max_links: settings.maxLinks,
      banned_words_json: JSON.stringify(settings.bannedWords),
    };
    await this.db
      .insertInto('comment_settings')
      .values({ service_code: settings.serviceCode, ...values })
      .onConflict((oc) => oc.column('service_code').doUpdateSet(values))
      .execute();
  }

  async ban(serviceCode: string, kind: BanKind, hash: string, at: Date): Promise<void> {
    await this.db
      .insertInto('comment_bans')
      .values({ service_code: serviceCode, kind, hash, created_at: at.getTime() })
      .onConflict((oc) => oc.columns(['service_code', 'kind', 'hash']).doNothing())
      .execute();
  }

  async isBanned(serviceCode: string, hashes: { addressHash: string | null; tokenHash: string | null }): Promise<boolean> {
    const { addressHash, tokenHash } = hashes;
    if (!addressHash && !tokenHash) return false;
    const row = await this.db
      .selectFrom('comment_bans')
      .select('hash')
      .where('service_code', '=', serviceCode)
      .where((eb) =>
        eb.or([
          ...(addressHash ? [eb.and([eb('kind', '=', 'address'), eb('hash', '=', addressHash)])] : []),
          ...(tokenHash ? [eb.and([eb('kind', '=', 'token'), eb('hash', '=', tokenHash)])] : []),
        ]),
      )
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Records a solved challenge as spent. False when it was spent before: a replay. */
  async spendChallenge(signature: string, expiresAt: Date, now: Date): Promise<boolean> {
    await this.db.deleteFrom('used_challenges').where('expires_at', '<', now.getTime()).execute();
    const result = await this.db
      .insertInto('used_challenges')
      .values({ signature, expires_at: expiresAt.getTime() })
      .onConflict((oc) => oc.column('signature').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }
}
