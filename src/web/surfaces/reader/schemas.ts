import { Type, type Static } from 'typebox';
import { open, OrEmpty, ReaderPage, ReaderPageQuery, SearchText, ServiceCode, Slug, SlugParam, Id, strict } from '../../shared/schemas.js';

// What the reader's addresses take. A parameter that cannot name anything is a 404 page; a bad
// query value is a 400 page. Query names a page does not know are ignored (links from elsewhere
// carry tracking parameters); they are not part of the cache key.

export const ServiceParams = Type.Object({ service: ServiceCode }, strict);
export const SectionParams = Type.Object({ service: ServiceCode, section: Slug }, strict);
export const TagParams = Type.Object({ service: ServiceCode, tag: Slug }, strict);
export const ItemParams = Type.Object({ service: ServiceCode, slug: SlugParam, id: Id }, strict);
export const PageQuery = ReaderPageQuery;
export const SearchQuery = Type.Object({ q: Type.Optional(SearchText), page: Type.Optional(OrEmpty(ReaderPage)) }, open);

export type ServiceParams = Static<typeof ServiceParams>;
export type SectionParams = Static<typeof SectionParams>;
export type TagParams = Static<typeof TagParams>;
export type ItemParams = Static<typeof ItemParams>;
export type PageQuery = Static<typeof PageQuery>;
export type SearchQuery = Static<typeof SearchQuery>;
