import type { Selectable } from 'kysely';
import type { StorySummary } from '../../domain/story/story.js';
import type { Database } from '../database.js';

type SummaryRow = Pick<
  Selectable<Database['stories']>,
  'id' | 'service_code' | 'section_id' | 'slug' | 'headline' | 'deck' | 'lead_media_id' | 'published_at' | 'comment_count'
>;

/** A story row as a summary for lists (story lists and search hits). */
export function toSummary(row: SummaryRow): StorySummary {
  return {
    id: row.id,
    serviceCode: row.service_code,
    sectionId: row.section_id,
    slug: row.slug,
    headline: row.headline,
    deck: row.deck,
    leadMediaId: row.lead_media_id,
    publishedAt: new Date(Number(row.published_at)),
    commentCount: row.comment_count,
  };
}
