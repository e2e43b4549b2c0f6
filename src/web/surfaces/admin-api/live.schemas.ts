import { Type } from 'typebox';
import { LIVE_ENTRY_MAX_ELEMENTS } from '../../../domain/story/live-entry.js';
import { Id, Nullable, strict, Time, Version } from '../../shared/schemas.js';
import { BodyElementSchema } from './schemas.js';

// Live stories: turning a story live, and its entries.

export const LiveRequest = Type.Object({ live: Type.Boolean({ description: 'true: the story takes entries; false: its live coverage ends' }) }, strict);
export const LiveState = Type.Object({ liveSince: Nullable(Time) });

export const EntryParams = Type.Object({ id: Id, entryId: Id }, strict);
const entryFields = {
  body: Type.Array(BodyElementSchema, { minItems: 1, maxItems: LIVE_ENTRY_MAX_ELEMENTS }),
  pinned: Type.Optional(Type.Boolean()),
  keyEvent: Type.Optional(Type.Boolean({ description: 'listed among the story’s key events' })),
};
export const NewEntry = Type.Object(entryFields, strict);
export const EntryUpdate = Type.Object({ ...entryFields, version: Version }, strict);
export const EntryListQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) }, strict);

export const EntryBody = Type.Object({
  id: Type.Integer(),
  storyId: Type.Integer(),
  body: Type.Array(BodyElementSchema),
  pinned: Type.Boolean(),
  keyEvent: Type.Boolean(),
  version: Type.Integer(),
  authorId: Nullable(Type.Integer()),
  createdAt: Time,
  modifiedAt: Time,
});
export const EntryList = Type.Object({ items: Type.Array(EntryBody), page: Type.Integer(), hasNext: Type.Boolean() });
export const EntryRevisionList = Type.Object({
  items: Type.Array(
    Type.Object({
      version: Type.Integer(),
      kind: Type.String({ description: 'post, edit or delete' }),
      body: Type.Array(BodyElementSchema),
      pinned: Type.Boolean(),
      keyEvent: Type.Boolean(),
      userId: Nullable(Type.Integer()),
      at: Time,
    }),
  ),
});
