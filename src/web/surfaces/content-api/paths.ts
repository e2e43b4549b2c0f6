/** Where the Content API is mounted. */
export const CONTENT_API_PREFIX = '/api/content/v1';

/** The Content API address of a live story's entries (route `/stories/:id/live/entries`). */
export function liveEntriesPath(storyId: number): string {
  return `${CONTENT_API_PREFIX}/stories/${storyId}/live/entries`;
}
