import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../database.js';

/**
 * Whether a story's stored body shows a media item. Bodies are stored as JSON.stringify writes
 * them: a media element is {"type":"media","mediaId":12}, a gallery's photo {"mediaId":12} or
 * {"mediaId":12,"caption":"..."}; the number is followed by } or , (so 12 never matches 123).
 */
export function bodyShowsMedia(eb: ExpressionBuilder<Database, 'stories'>, mediaId: number) {
  return eb.or([eb('body_json', 'like', `%"mediaId":${mediaId}}%`), eb('body_json', 'like', `%"mediaId":${mediaId},%`)]);
}
