import type { Kysely } from 'kysely';
import type { MediaItem, MediaKind, MediaState, Rendition, RenditionKind } from '../../domain/media/media.js';
import type { Database } from '../database.js';

export class MediaRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(item: Omit<MediaItem, 'id'>, now: Date): Promise<MediaItem> {
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
    return { ...item, id };
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

  async setDuration(id: number, durationMs: number, now: Date): Promise<void> {
    await this.db
      .updateTable('media_items')
      .set({ duration_ms: durationMs, modified_at: now.getTime() })
      .where('id', '=', id)
      .execute();
  }

  async findById(id: number): Promise<MediaItem | null> {
    return (await this.findByIds([id]))[0] ?? null;
  }

  async findByIds(ids: readonly number[]): Promise<MediaItem[]> {
    if (ids.length === 0) return [];
    const [items, renditions] = await Promise.all([
      this.db.selectFrom('media_items').selectAll().where('id', 'in', ids).execute(),
      this.db.selectFrom('media_renditions').selectAll().where('media_id', 'in', ids).orderBy('id').execute(),
    ]);
    return items.map((row) => ({
      id: row.id,
      kind: row.kind as MediaKind,
      title: row.title,
      caption: row.caption,
      credit: row.credit,
      altText: row.alt_text,
      durationMs: row.duration_ms,
      state: row.state as MediaState,
      failureReason: row.failure_reason,
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
