import { Type, type Static, type TProperties } from 'typebox';
import { SERVICE_CODE } from '../../../domain/shared/limits.js';
import { Id, OrEmpty, Page, SearchText, ServiceCode, Text, Version } from '../../shared/schemas.js';

// What the newsroom's pages take. Every route gets typed parameters and a NUL-free query and form
// (defaultSchemas); these add the fields that carry numbers and ids, so `version=1e308`, `?page=0`
// or an id past 2^31-1 is refused here. Texts are checked by the actions, which name the field.

/** A form's fields are at most 256 KB each; the story body's JSON is allowed more (BodyJson). */
export const FormText = Text(256 * 1024);
/** The story body as the editor sends it: a table of 5,000 cells fits; one too big reaches the domain to be refused by name. */
const BodyJson = Type.Optional(Text(2 * 1024 * 1024));

/** A form of these fields, and any others as text (a form's buttons and ticked boxes). */
export function Form<T extends TProperties>(fields: T) {
  return Type.Object(fields, { additionalProperties: FormText });
}

export const PARAM_TYPES = { id: Id, revisionId: Id, entryId: Id, code: ServiceCode } as const;
export const AnyQuery = Form({});
export const AnyForm = Form({});

const Optional = Type.Optional;
const ListPage = Optional(OrEmpty(Page));
/** A service filter: a code, or empty for all. */
const ServiceFilter = Optional(Text(SERVICE_CODE.maxLength));

export const StoryListQuery = Form({
  service: ServiceFilter,
  status: Optional(Text(16)),
  section: Optional(OrEmpty(Id)),
  mine: Optional(Text(1)),
  q: Optional(SearchText),
  page: ListPage,
});
/** The stories ticked in the list (`story.12=1`, one field each) and what to do with them; `back` is the list as it was filtered. */
export const BulkForm = Form({ action: Optional(Text(16)), back: Optional(Text(2048)) });
export const ServicePageQuery = Form({ service: ServiceFilter, page: ListPage });
export const CommentQueueQuery = Form({ service: ServiceFilter, show: Optional(Text(16)), story: Optional(OrEmpty(Id)), page: ListPage });
export const CommentBansQuery = Form({ service: ServiceFilter, q: Optional(SearchText), page: ListPage });
export const AuditQuery = Form({ user: Optional(OrEmpty(Id)), action: Optional(Text(64)), page: ListPage });
export const ProfileListQuery = Form({ q: Optional(SearchText), service: ServiceFilter, page: ListPage });
export const MediaListQuery = Form({ q: Optional(SearchText), kind: Optional(Text(8)), page: ListPage });
export const DiffQuery = Form({ from: Optional(Id), to: Optional(Id) });

export const SignInForm = Form({ email: Optional(Text(320)), password: Optional(Text(1024)) });
/** The lead media's number is typed by hand without script: the action names it when it is wrong. */
export const StoryForm = Form({ version: Optional(OrEmpty(Version)), sectionId: Optional(OrEmpty(Id)), bodyJson: BodyJson });
export const RestoreForm = Form({ version: Optional(OrEmpty(Version)) });
/** A live entry: its text (checked by the action), ticks, and on an edit the version edited. */
export const LiveEntryForm = Form({ text: Optional(Text(20_000)), bodyJson: BodyJson, pinned: Optional(Type.Literal('on')), keyEvent: Optional(Type.Literal('on')), version: Optional(Version) });
export const LiveSwitchForm = Form({ live: Type.Union([Type.Literal('on'), Type.Literal('off')]) });

export type StoryListQuery = Static<typeof StoryListQuery>;
export type AuditQuery = Static<typeof AuditQuery>;
export type ServicePageQuery = Static<typeof ServicePageQuery>;
export type ProfileListQuery = Static<typeof ProfileListQuery>;
export type MediaListQuery = Static<typeof MediaListQuery>;
export type DiffQuery = Static<typeof DiffQuery>;
