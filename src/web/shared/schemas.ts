import { Type, type TSchema } from 'typebox';
import { MAX_ID, MAX_LIST_PAGE, MAX_QUERY_LENGTH, MAX_READER_PAGE, SERVICE_CODE, SLUG } from '../../domain/shared/limits.js';

// The shapes every surface's schemas are made of, with the domain's limits (src/domain/shared/limits.ts).

/** No NUL byte: PostgreSQL cannot hold one in text, and no person types one. */
const NO_NUL = '^[^\\u0000]*$';

/** A row id: 1 to 2^31-1 (a larger one names nothing and is refused before the database). */
export const Id = Type.Integer({ minimum: 1, maximum: MAX_ID });
/** A story's version, as saved with it. */
export const Version = Type.Integer({ minimum: 1, maximum: MAX_ID, description: 'the version you edited; a stale save is refused with 409' });
/** A page of a newsroom or Admin API list. */
export const Page = Type.Integer({ minimum: 1, maximum: MAX_LIST_PAGE });
/** A page of a reader's list. */
export const ReaderPage = Type.Integer({ minimum: 1, maximum: MAX_READER_PAGE });
export const ServiceCode = Type.String({ maxLength: SERVICE_CODE.maxLength, pattern: SERVICE_CODE.pattern });
export const Slug = Type.String({ maxLength: SLUG.maxLength, pattern: SLUG.pattern });
/** The slug in an address where the id decides (a story, a profile): any text, since a wrong one is redirected. */
export const SlugParam = Type.String({ maxLength: SLUG.maxLength, pattern: NO_NUL });
/** What a search box or filter takes. */
export const SearchText = Type.String({ maxLength: MAX_QUERY_LENGTH, pattern: NO_NUL });

/** Text of any length up to `maxLength`, without NUL bytes (the domain checks the rest, naming the field). */
export function Text(maxLength: number, options: { description?: string } = {}) {
  return Type.String({ maxLength, pattern: NO_NUL, ...options });
}

/** A form's field that may also be left empty (an empty number input, an empty select). */
export function OrEmpty<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Literal('')]);
}

/** A reader's `?page=`: empty or absent is the first. */
export const ReaderPageQuery = Type.Object({ page: Type.Optional(OrEmpty(ReaderPage)) }, { additionalProperties: true });
/** The page number a query asked for (absent or empty: the first). */
export function pageNumber(page: number | '' | undefined): number {
  return typeof page === 'number' ? page : 1;
}

/** A response field that may be null. */
export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}
/** A time in an API's answer (an ISO 8601 string, as `Date.toISOString` writes it). */
export const Time = Type.String({ format: 'date-time', description: 'ISO 8601 date and time (UTC)' });
/** A time a request gives: any text up to 40 characters; the route reads it as ISO 8601 and refuses another, naming the field. */
export const TimeText = Text(40, { description: 'ISO 8601 date and time' });

/** Route parameters and queries of pages: refuse nothing but what they declare wrongly. */
export const open = { additionalProperties: true } as const;
export const strict = { additionalProperties: false } as const;
