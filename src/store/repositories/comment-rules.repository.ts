import { sql, type Kysely, type Selectable } from 'kysely';
import type { BanKind, CommentBan } from '../../domain/comment/ban.js';
import { defaultCommentSettings, type CommentSettings, type ModerationMode } from '../../domain/comment/comment-settings.js';
import type { Database } from '../database.js';
import { containsPattern } from './contains-pattern.js';

/** A ban to store: the mark is a salted hash (address, token) or a folded pseudonym. */
export interface NewBan {
  readonly serviceCode: string;
  readonly kind: BanKind;
  readonly hash: string;
  readonly label: string;
  readonly commentId: number | null;
  readonly createdBy: number | null;
  readonly endsAt: Date | null;
}

/** What a poster carries that a ban may hold to: hashes of address and token, the folded pseudonym. */
export type BanMarks = Partial<Record<BanKind, string | null>>;

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

  /**
   * Bans one person by one kind of mark. A standing ban of the same person and kind (even one
   * whose end has passed) is renewed in the same statement, so two moderators banning at once
   * leave one ban. Returns its id.
   */
  async ban(ban: NewBan, at: Date): Promise<number> {
    const renewed = {
      label: ban.label,
      comment_id: ban.commentId,
      created_by: ban.createdBy,
      created_at: at.getTime(),
      ends_at: ban.endsAt?.getTime() ?? null,
    };
    const { id } = await this.db
      .insertInto('comment_bans')
      .values({ service_code: ban.serviceCode, kind: ban.kind, hash: ban.hash, ...renewed })
      .onConflict((oc) => oc.columns(['service_code', 'kind', 'hash']).where('lifted_at', 'is', null).doUpdateSet(renewed))
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  /** Whether any of these marks is under a ban that holds at `now` (not lifted, not ended). */
  async isBanned(serviceCode: string, marks: BanMarks, now: Date): Promise<boolean> {
    const wanted = (['address', 'token', 'pseudonym'] as const)
      .map((kind) => [kind, marks[kind]] as const)
      .filter((pair): pair is readonly [BanKind, string] => typeof pair[1] === 'string' && pair[1] !== '');
    if (wanted.length === 0) return false;
    const row = await this.db
      .selectFrom('comment_bans')
      .select('id')
      .where('service_code', '=', serviceCode)
      .where('lifted_at', 'is', null)
      .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now.getTime())]))
      .where((eb) => eb.or(wanted.map(([kind, hash]) => eb.and([eb('kind', '=', kind), eb('hash', '=', hash)]))))
      .executeTakeFirst();
    return row !== undefined;
  }

  /** A service's bans not lifted (standing and ended), newest first; `text` searches the pseudonym they were seen under. */
  async listBans(serviceCode: string, query: { text?: string; limit: number; offset: number }): Promise<CommentBan[]> {
    let select = this.db.selectFrom('comment_bans').selectAll().where('service_code', '=', serviceCode).where('lifted_at', 'is', null);
    if (query.text) {
      const pattern = containsPattern(query.text);
      select = select.where((eb) => sql<boolean>`lower(${eb.ref('label')}) like ${pattern} escape '\\'`);
    }
    const rows = await select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).offset(query.offset).execute();
    return rows.map(toBan);
  }

  async findBan(id: number): Promise<CommentBan | undefined> {
    const row = await this.db.selectFrom('comment_bans').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toBan(row);
  }

  /** Lifts a ban if nobody lifted it yet; returns whether this call lifted it. */
  async liftBan(id: number, by: number | null, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('comment_bans')
      .set({ lifted_at: at.getTime(), lifted_by: by })
      .where('id', '=', id)
      .where('lifted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
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

function toBan(row: Selectable<Database['comment_bans']>): CommentBan {
  const date = (value: number | null) => (value === null ? null : new Date(Number(value)));
  return {
    id: row.id,
    serviceCode: row.service_code,
    kind: row.kind as BanKind,
    label: row.label,
    commentId: row.comment_id,
    createdBy: row.created_by,
    createdAt: new Date(Number(row.created_at)),
    endsAt: date(row.ends_at),
    liftedAt: date(row.lifted_at),
  };
}
