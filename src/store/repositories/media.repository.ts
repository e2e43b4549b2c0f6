import { sql, type Kysely, type Selectable } from 'kysely';
import type { Caption, MediaItem, MediaKind, MediaState, Rendition, RenditionKind, StoredMediaItem } from '../../domain/media/media.js';
import type { FocalPoint } from '../../domain/media/focal-point.js';
import type { MediaText } from '../../domain/media/media-text.js';
import type { Database } from '../database.js';
import { lockedRows } from '../dialect/row-locks.js';
import { containsPattern } from './contains-pattern.js';
import { SearchRepository } from './search.repository.js';
import type { MediaItemsTable } from '../tables/media.table.js';

export interface MediaSearch {
  /** Matched in title and caption, case-insensitively in every script. */
  readonly text?: string;
  readonly kind?: MediaKind;
  readonly state?: MediaState;
  readonly limit: number;
  readonly offset: number;
}

export class MediaRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(item: Omit<MediaItem, 'id' | 'captions'>, now: Date): Promise<StoredMediaItem> {
    const { id } = await this.db
      .insertInto('media_items')
      .values({
        kind: item.kind,
        title: item.title,
        caption: item.caption,
        credit: item.credit,
        alt_text: item.altText,
        duration_ms: item.durationMs,
        state: item.state,
        failure_reason: item.failureReason,
        created_at: now.getTime(),
        modified_at: now.getTime(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.addRenditions(id, item.renditions);
    return { ...item, id, captions: [], createdAt: now };
  }

  async setState(id: number, state: MediaState, failureReason: string | null, now: Date): Promise<void> {
    await this.db
      .updateTable('media_items')
      .set({ state, failure_reason: failureReason, modified_at: now.getTime() })
      .where('id', '=', id)
      .execute();
  }

  /** Adds renditions made by the pipeline to an existing item. */
  async addRenditions(id: number, renditions: readonly Rendition[]): Promise<void> {
    if (renditions.length === 0) return;
    await this.db
      .insertInto('media_renditions')
      .values(
        renditions.map((r) => ({
          media_id: id,
          kind: r.kind,
          mime_type: r.mimeType,
          path: r.path,
          width: r.width,
          height: r.height,
          size_bytes: r.sizeBytes,
          label: r.label,
        })),
      )
      .execute();
  }

  /** Adds or replaces the captions of one language; returns the key of a replaced file (to remove), if any. */
  async putCaption(id: number, caption: Caption, now: Date): Promise<string | null> {
    const existing = await this.db
      .selectFrom('media_captions')
      .select(['id', 'path'])
      .where('media_id', '=', id)
      .where('language', '=', caption.language)
      .executeTakeFirst();
    const columns = { label: caption.label, path: caption.path, size_bytes: caption.sizeBytes, created_at: now.getTime() };
    if (existing) {
      await this.db.updateTable('media_captions').set(columns).where('id', '=', existing.id).execute();
      return existing.path;
    }
    await this.db.insertInto('media_captions').values({ media_id: id, language: caption.language, ...columns }).execute();
    return null;
  }

  /** Inside a transaction: holds the item until it ends, for an edit that keeps the fields it was not given. */
  async lockForEdit(id: number): Promise<void> {
    await lockedRows(this.db, this.db.selectFrom('media_items').select('id').where('id', '=', id)).execute();
  }

  async updateText(id: number, fields: MediaText, now: Date): Promise<void> {
    await this.db
      .updateTable('media_items')
      .set({ title: fields.title, caption: fields.caption, credit: fields.credit, alt_text: fields.altText, modified_at: now.getTime() })
      .where('id', '=', id)
      .execute();
    await new SearchRepository(this.db).reindexStoriesWithMedia(id);
  }

  async setFocalPoint(id: number, point: FocalPoint | null, now: Date): Promise<void> {
    await this.db
      .updateTable('media_items')
      .set({ focal_x: point?.x ?? null, focal_y: point?.y ?? null, modified_at: now.getTime() })
      .where('id', '=', id)
      .execute();
  }

  /** The library: newest first, filtered, one page of items with their renditions, and the total. */
  async search(query: MediaSearch): Promise<{ items: StoredMediaItem[]; total: number }> {
    let filtered = this.db.selectFrom('media_items');
    if (query.kind) filtered = filtered.where('kind', '=', query.kind);
    if (query.state) filtered = filtered.where('state', '=', query.state);
    if (query.text) {
      const pattern = containsPattern(query.text);
      filtered = filtered.where((eb) =>
        eb.or([
          sql<boolean>`lower(${eb.ref('title')}) like ${pattern} escape '\\'`,
          sql<boolean>`lower(coalesce(${eb.ref('caption')}, '')) like ${pattern} escape '\\'`,
          sql<boolean>`lower(coalesce(${eb.ref('credit')}, '')) like ${pattern} escape '\\'`,
        ]),
      );
    }
    const [rows, count] = await Promise.all([
      filtered.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).offset(query.offset).execute(),
      filtered.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: await this.withRenditions(rows), total: Number(count.n) };
  }

  async findById(id: number): Promise<StoredMediaItem | null> {
    return (await this.findByIds([id]))[0] ?? null;
  }

  async findByIds(ids: readonly number[]): Promise<StoredMediaItem[]> {
    if (ids.length === 0) return [];
    return this.withRenditions(await this.db.selectFrom('media_items').selectAll().where('id', 'in', ids).execute());
  }

  private async withRenditions(items: readonly Selectable<MediaItemsTable>[]): Promise<StoredMediaItem[]> {
    if (items.length === 0) return [];
    const ids = items.map((row) => row.id);
    const [renditions, captions] = await Promise.all([
      this.db.selectFrom('media_renditions').selectAll().where('media_id', 'in', ids).orderBy('id').execute(),
      this.db.selectFrom('media_captions').selectAll().where('media_id', 'in', ids).orderBy('language').execute(),
    ]);
    return items.map((row) => ({
      id: row.id,
      kind: row.kind as MediaKind,
      title: row.title,
      caption: row.caption,
      credit: row.credit,
      altText: row.alt_text,
      focalPoint: row.focal_x !== null && row.focal_y !== null ? { x: Number(row.focal_x), y: Number(row.focal_y) } : null,
      durationMs: row.duration_ms,
      state: row.state as MediaState,
      failureReason: row.failure_reason,
      createdAt: new Date(Number(row.created_at)),
      captions: captions
        .filter((c) => c.media_id === row.id)
        .map((c): Caption => ({ language: c.language, label: c.label, path: c.path, sizeBytes: c.size_bytes })),
      renditions: renditions
        .filter((r) => r.media_id === row.id)
        .map(
          (r): Rendition => ({
            kind: r.kind as RenditionKind,
            mimeType: r.mime_type,
            path: r.path,
            width: r.width,
            height: r.height,
            sizeBytes: r.size_bytes,
            label: r.label,
          }),
        ),
    }));
  }
}
