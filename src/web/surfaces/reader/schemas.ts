import { Type, type Static } from 'typebox';
import { open, OrEmpty, ReaderPage, ReaderPageQuery, SearchText, ServiceCode, Slug, SlugParam, Id, strict } from '../../shared/schemas.js';

// What the reader's addresses take. A parameter that cannot name anything is a 404 page; a bad
// query value is a 400 page. Query names a page does not know are ignored (links from elsewhere
// carry tracking parameters); they are not part of the cache key.

export const ServiceParams = Type.Object({ service: ServiceCode }, strict);
export const SectionParams = Type.Object({ service: ServiceCode, section: Slug }, strict);
export const TagParams = Type.Object({ service: ServiceCode, tag: Slug }, strict);
export const ItemParams = Type.Object({ service: ServiceCode, slug: SlugParam, id: Id }, strict);
export const ReadParams = Type.Object({ service: ServiceCode, id: Id }, strict);
export const PageQuery = ReaderPageQuery;
// Search filters: a section's slug and days (YYYY-MM-DD), checked by the search itself (400 page).
const SearchDay = Type.String({ maxLength: 10 });
export const SearchQuery = Type.Object(
  {
    q: Type.Optional(SearchText),
    page: Type.Optional(OrEmpty(ReaderPage)),
    section: Type.Optional(Type.String({ maxLength: 100 })),
    from: Type.Optional(SearchDay),
    to: Type.Optional(SearchDay),
  },
  open,
);

export type ServiceParams = Static<typeof ServiceParams>;
export type SectionParams = Static<typeof SectionParams>;
export type TagParams = Static<typeof TagParams>;
export type ItemParams = Static<typeof ItemParams>;
export type ReadParams = Static<typeof ReadParams>;
export type PageQuery = Static<typeof PageQuery>;
export type SearchQuery = Static<typeof SearchQuery>;
