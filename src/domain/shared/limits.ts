/**
 * The limits every edge checks, declared once: the Admin API's schemas, the pages' schemas and
 * the domain's parsers all read them here.
 */

/** Row ids (and story versions) are 32-bit integers in the store: anything larger names nothing. */
export const MAX_ID = 2_147_483_647;

/** A language service's code: "en", "ru", "sr-latn". */
export const SERVICE_CODE = { maxLength: 16, pattern: '^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$' } as const;

/** Slugs of stories, sections, tags and profiles: letters and digits of any script joined by single hyphens. */
export const SLUG = { maxLength: 120, pattern: '^[\\p{L}\\p{M}\\p{N}]+(?:-[\\p{L}\\p{M}\\p{N}]+)*$' } as const;

/** Page numbers of the newsroom's and the Admin API's lists. */
export const MAX_LIST_PAGE = 10_000;
/** Page numbers of the reader's lists: readers go back through the archive, robots cannot make the database skip further. */
export const MAX_READER_PAGE = 500;

/** What a search box or a filter takes. */
export const MAX_QUERY_LENGTH = 200;

/** A whole number the store can hold as an id: 1 to MAX_ID. */
export function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= MAX_ID;
}
