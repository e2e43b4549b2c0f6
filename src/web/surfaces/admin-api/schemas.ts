import { Type, type Static } from 'typebox';
import { ALERT_LIMITS } from '../../../domain/alert/alert.js';
import { BODY_LIMITS } from '../../../domain/body/body.js';
import { MEDIA_TEXT_LIMITS } from '../../../domain/media/media-text.js';
import { PROFILE_LIMITS } from '../../../domain/profile/profile.js';
import { SERVICE_INFO_LIMITS } from '../../../domain/service/service-info.js';
import { SECTION_LIMITS } from '../../../domain/service/service.js';
import { MAX_ID, SERVICE_CODE, SLUG } from '../../../domain/shared/limits.js';
import { STORY_LIMITS } from '../../../domain/story/parse-story.js';
import { PASSWORD_LIMITS, USER_LIMITS } from '../../../domain/user/parse-user.js';
import { Id, Nullable, Page, SearchText, strict, Text, Time, TimeText, Version } from '../../shared/schemas.js';

// The Admin API's request and response shapes. Requests refuse unknown fields; responses list
// exactly what leaves the server. The body's elements are checked in depth by the domain
// (parseBody), which names the element at fault.

/** A service code where one is given: its length from the domain, no NUL byte (the domain checks its form, naming the field). */
const CodeText = Text(SERVICE_CODE.maxLength);

export const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), field: Nullable(Type.String()) }),
});

export const IdParams = Type.Object({ id: Id }, strict);
export const RevisionParams = Type.Object({ id: Id, revisionId: Id }, strict);

export const BodyElementSchema = Type.Object(
  { type: Type.String({ description: 'paragraph, subheading, quote, list, media, profile, related, table or embed' }) },
  { additionalProperties: true, description: 'one element of the structured body (see the domain model)' },
);

const storyFields = {
  serviceCode: CodeText,
  sectionId: Type.Optional(Nullable(Id)),
  slug: Type.Optional(Text(SLUG.maxLength)),
  headline: Type.String({ maxLength: STORY_LIMITS.headline }),
  deck: Type.Optional(Nullable(Type.String({ maxLength: STORY_LIMITS.deck }))),
  dateline: Type.Optional(
    Nullable(
      Type.Object({ place: Type.String({ maxLength: STORY_LIMITS.place }), outlet: Type.String({ maxLength: STORY_LIMITS.outlet }) }, strict),
    ),
  ),
  bylines: Type.Optional(Type.Array(Type.String({ maxLength: STORY_LIMITS.byline }), { maxItems: STORY_LIMITS.bylines })),
  credits: Type.Optional(Type.Array(Type.String({ maxLength: STORY_LIMITS.byline }), { maxItems: STORY_LIMITS.credits })),
  body: Type.Optional(Type.Array(BodyElementSchema, { maxItems: BODY_LIMITS.elements })),
  leadMediaId: Type.Optional(Nullable(Id)),
  leadMediaCaption: Type.Optional(
    Nullable(Type.String({ maxLength: MEDIA_TEXT_LIMITS.caption, description: "this story's caption for its lead media; null or empty: the media item's own" })),
  ),
  leadMediaCredit: Type.Optional(
    Nullable(Type.String({ maxLength: MEDIA_TEXT_LIMITS.credit, description: "this story's credit for its lead media; null or empty: the media item's own" })),
  ),
  tagIds: Type.Optional(Type.Array(Id, { maxItems: STORY_LIMITS.tags })),
  commentsState: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
};

export const NewStory = Type.Object(storyFields, strict);
export const StoryUpdate = Type.Object(
  {
    ...storyFields,
    version: Version,
    autosave: Type.Optional(
      Type.Boolean({ description: 'Sent by autosave: replaces the same person\'s autosave revision of the last few minutes instead of adding one.' }),
    ),
  },
  strict,
);
export type StoryUpdate = Static<typeof StoryUpdate>;

const Status = Type.Union([
  Type.Literal('draft'),
  Type.Literal('filed'),
  Type.Literal('scheduled'),
  Type.Literal('published'),
  Type.Literal('unpublished'),
]);

export const StoryListQuery = Type.Object(
  {
    service: Type.Optional(CodeText),
    section: Type.Optional(Id),
    status: Type.Optional(Status),
    author: Type.Optional(Id),
    q: Type.Optional(SearchText),
    page: Type.Optional(Page),
    perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  strict,
);

export const StoryBody = Type.Object({
  id: Id,
  serviceCode: Type.String(),
  sectionId: Nullable(Type.Integer()),
  slug: Type.String(),
  headline: Type.String(),
  deck: Nullable(Type.String()),
  dateline: Nullable(Type.Object({ place: Type.String(), outlet: Type.String() })),
  bylines: Type.Array(Type.String()),
  credits: Type.Array(Type.String()),
  body: Type.Array(BodyElementSchema),
  leadMediaId: Nullable(Type.Integer()),
  leadMediaCaption: Nullable(Type.String({ description: "this story's own caption for its lead media; null: the media item's" })),
  leadMediaCredit: Nullable(Type.String({ description: "this story's own credit for its lead media; null: the media item's" })),
  tagIds: Type.Array(Type.Integer()),
  commentsState: Type.String(),
  status: Status,
  publishedAt: Nullable(Time),
  updatedAt: Nullable(Time),
  notes: Type.Array(Type.Object({ kind: Type.String(), text: Type.String(), at: Time })),
  authorId: Nullable(Type.Integer()),
  version: Type.Integer(),
  createdAt: Time,
  modifiedAt: Time,
  pending: Type.Optional(
    Nullable(
      Type.Object(
        {
          revisionId: Id,
          version: Type.Integer(),
          savedAt: Time,
          applyAt: Nullable(Time),
          userId: Nullable(Type.Integer()),
          story: Type.Object(storyFields, { description: 'the pending text: what goes live on update' }),
          changes: Type.Array(Type.Object({ kind: Type.String(), field: Type.Optional(Type.String()), index: Type.Optional(Type.Integer()), change: Type.Optional(Type.String()), before: Nullable(Type.String()), after: Nullable(Type.String()) })),
        },
        { description: 'a published story’s unpublished changes (readers see the story’s own fields until update); null: none' },
      ),
    ),
  ),
});

export const StoryList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Id,
      serviceCode: Type.String(),
      sectionId: Nullable(Type.Integer()),
      headline: Type.String(),
      status: Status,
      authorId: Nullable(Type.Integer()),
      publishedAt: Nullable(Time),
      modifiedAt: Time,
      version: Type.Integer(),
      scheduledAt: Nullable(Time),
      pending: Type.Boolean(),
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  perPage: Type.Integer(),
});

export const PublishRequest = Type.Object({ at: Type.Optional(TimeText) }, strict);
export const PublishResult = Type.Object({ status: Type.String(), publishedAt: Time });
export const UpdateRequest = Type.Object({ at: Type.Optional(TimeText) }, strict);
export const UpdateResult = Type.Object({ status: Type.Union([Type.Literal('updated'), Type.Literal('scheduled')]), at: Time, version: Type.Integer() });
export const NoteRequest = Type.Object(
  { kind: Type.Union([Type.Literal('update'), Type.Literal('correction')]), text: Type.String({ maxLength: STORY_LIMITS.note }) },
  strict,
);
export const CommentsStateRequest = Type.Object({ state: Type.Union([Type.Literal('open'), Type.Literal('closed')]) }, strict);
export const Done = Type.Object({ ok: Type.Boolean() });
export const RestoreRequest = Type.Object({ version: Type.Optional(Version) }, strict);

export const RevisionList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Id,
      version: Type.Integer(),
      kind: Type.String(),
      autosave: Type.Boolean(),
      userId: Nullable(Type.Integer()),
      userName: Nullable(Type.String()),
      at: Time,
      headline: Type.String(),
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  perPage: Type.Integer(),
});
export const RevisionListQuery = Type.Object(
  { page: Type.Optional(Page), perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) },
  strict,
);
export const DiffQuery = Type.Object({ from: Id, to: Id }, strict);
export const DiffBody = Type.Object({
  changes: Type.Array(
    Type.Object({
      kind: Type.String(),
      field: Type.Optional(Type.String()),
      index: Type.Optional(Type.Integer()),
      change: Type.Optional(Type.String()),
      before: Nullable(Type.String()),
      after: Nullable(Type.String()),
    }),
  ),
});

export const NewAlert = Type.Object(
  {
    serviceCode: CodeText,
    text: Type.String({ maxLength: ALERT_LIMITS.text }),
    linkUrl: Type.Optional(Nullable(Type.String({ maxLength: ALERT_LIMITS.linkUrl }))),
    durationMinutes: Type.Integer({ minimum: 1, maximum: 7 * 24 * 60 }),
    push: Type.Optional(Type.Boolean({ description: 'also send it as Web Push to the service’s subscribed readers' })),
  },
  strict,
);
export const AlertBody = Type.Object({
  id: Id,
  serviceCode: Type.String(),
  text: Type.String(),
  linkUrl: Nullable(Type.String()),
  startsAt: Time,
  expiresAt: Time,
});

const Grant = Type.Object({ role: Type.Union([Type.Literal('admin'), Type.Literal('editor'), Type.Literal('reporter'), Type.Literal('moderator')]), serviceCode: Type.Optional(Nullable(CodeText)) }, strict);
export const NewUser = Type.Object(
  {
    email: Text(USER_LIMITS.email),
    name: Type.String({ maxLength: USER_LIMITS.name }),
    password: Type.Optional(Type.String({ maxLength: PASSWORD_LIMITS.max })),
    grants: Type.Array(Grant, { maxItems: 50 }),
  },
  strict,
);
export const UserBody = Type.Object({
  id: Id,
  email: Type.String(),
  name: Type.String(),
  state: Type.String(),
  locale: Type.String({ description: "the language of this person's newsroom" }),
  grants: Type.Array(Type.Object({ role: Type.String(), serviceCode: Nullable(Type.String()) })),
  createdAt: Time,
});
export const UserList = Type.Object({ items: Type.Array(UserBody), total: Type.Integer(), page: Type.Integer(), perPage: Type.Integer() });
export const PageQuery = Type.Object(
  { page: Type.Optional(Page), perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) },
  strict,
);

export const SignInRequest = Type.Object({ email: Text(USER_LIMITS.email), password: Type.String({ maxLength: PASSWORD_LIMITS.max }) }, strict);
export const SessionBody = Type.Object({ user: UserBody, csrfToken: Nullable(Type.String()) });
export const SignedOut = Type.Object({ ended: Type.Integer() });
export const LocaleRequest = Type.Object({ locale: Type.String({ maxLength: 35 }) }, strict);

export const AuditQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    user: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID, description: "only this person's actions" })),
    action: Type.Optional(Text(64, { description: 'only this action, e.g. story.publish' })),
  },
  strict,
);

export const AuditList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Id,
      userId: Nullable(Type.Integer()),
      userName: Nullable(Type.String()),
      action: Type.String(),
      subject: Type.String(),
      details: Type.Record(Type.String(), Type.Unknown()),
      at: Time,
    }),
  ),
  page: Type.Integer(),
  perPage: Type.Integer(),
  hasNext: Type.Boolean(),
});

// Comment moderation.

export const QueueQuery = Type.Object(
  {
    service: CodeText,
    page: Type.Optional(Page),
    show: Type.Optional(
      Type.Union([Type.Literal('all'), Type.Literal('reported'), Type.Literal('held')], {
        description: 'all (default): held, reported and the last days\' visible comments, newest first; reported or held: oldest first',
      }),
    ),
    story: Type.Optional(Id),
  },
  strict,
);

const CommentStateSchema = Type.Union([Type.Literal('visible'), Type.Literal('held'), Type.Literal('rejected'), Type.Literal('spam')]);

export const ModerationQueue = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Id,
      storyId: Id,
      storyHeadline: Type.String(),
      serviceCode: Type.String(),
      parentId: Nullable(Type.Integer()),
      authorName: Type.String(),
      body: Type.String(),
      state: CommentStateSchema,
      reportCount: Type.Integer(),
      createdAt: Time,
    }),
  ),
  page: Type.Integer(),
  hasNext: Type.Boolean(),
});

export const ModeratedComment = Type.Object({ id: Id, storyId: Id, state: CommentStateSchema });

export const BanRequest = Type.Object(
  {
    token: Type.Optional(Type.Boolean({ description: "ban the hash of the author's browser token" })),
    pseudonym: Type.Optional(Type.Boolean({ description: 'ban the name the author commented under' })),
    address: Type.Optional(
      Type.Boolean({ description: "ban the salted hash of the author's address: other readers may share it, so `until` is required (at most 30 days)" }),
    ),
    until: Type.Optional(Nullable(Type.String({ format: 'date-time', maxLength: 40, description: 'when the ban ends; none: until lifted' }))),
    removeQueued: Type.Optional(Type.Boolean({ description: "also reject the author's comments waiting for a moderator" })),
  },
  strict,
);
export const BanResult = Type.Object({ bannedBy: Type.Array(Type.String()), banIds: Type.Array(Id), removedComments: Type.Array(Id) });

export const BulkModerationRequest = Type.Object(
  {
    ids: Type.Array(Id, { minItems: 1, maxItems: 100 }),
    decision: Type.Union([Type.Literal('approve'), Type.Literal('reject'), Type.Literal('spam')]),
  },
  strict,
);
export const BulkModerationResult = Type.Object({ items: Type.Array(Type.Object({ id: Id, storyId: Id, state: CommentStateSchema })) });

export const BansQuery = Type.Object({ service: CodeText, page: Type.Optional(Page), q: Type.Optional(SearchText) }, strict);
const BanSchema = Type.Object({
  id: Id,
  serviceCode: Type.String(),
  kind: Type.Union([Type.Literal('token'), Type.Literal('pseudonym'), Type.Literal('address')]),
  label: Type.String({ description: 'the name the author commented under when banned' }),
  commentId: Nullable(Type.Integer()),
  createdAt: Time,
  endsAt: Nullable(Time),
  liftedAt: Nullable(Time),
  standing: Type.Boolean({ description: 'the ban holds now (not lifted, its end not passed)' }),
});
export const BanList = Type.Object({ items: Type.Array(BanSchema), page: Type.Integer(), hasNext: Type.Boolean() });
export const LiftedBan = BanSchema;

export const ServiceParams = Type.Object({ code: CodeText }, strict);

export const CommentSettingsUpdate = Type.Object(
  {
    moderation: Type.Optional(Type.Union([Type.Literal('pre'), Type.Literal('post')])),
    autoCloseDays: Type.Optional(Nullable(Type.Integer())),
    maxLinks: Type.Optional(Type.Integer()),
    bannedWords: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 5000 })),
  },
  strict,
);

export const CommentSettingsBody = Type.Object({
  serviceCode: Type.String(),
  moderation: Type.Union([Type.Literal('pre'), Type.Literal('post')]),
  autoCloseDays: Nullable(Type.Integer()),
  maxLinks: Type.Integer(),
  bannedWords: Type.Array(Type.String()),
});

// Profiles.

const ProfileKindSchema = Type.Union([Type.Literal('person'), Type.Literal('organisation'), Type.Literal('place')]);
const profileFields = {
  kind: ProfileKindSchema,
  name: Type.String({ minLength: 1, maxLength: PROFILE_LIMITS.name }),
  summary: Type.Optional(Nullable(Type.String({ maxLength: PROFILE_LIMITS.summary }))),
  serviceCode: Type.Optional(
    Nullable(Text(SERVICE_CODE.maxLength, { description: 'the service whose editors keep the profile; null or absent: shared by every service (admins)' })),
  ),
};
export const NewProfile = Type.Object(profileFields, strict);
export const ProfileUpdate = Type.Object(
  { kind: Type.Optional(profileFields.kind), name: Type.Optional(profileFields.name), summary: profileFields.summary, serviceCode: profileFields.serviceCode },
  { ...strict, description: 'fields left out keep their value' },
);
export const ProfileBody = Type.Object({
  id: Id,
  serviceCode: Type.Optional(Type.String()),
  name: Type.String(),
  kind: ProfileKindSchema,
  summary: Type.Optional(Type.String()),
  slug: Type.Optional(Type.String()),
  url: Type.String({ description: "the profile's reader page (a path on this site)" }),
});
export const ProfileList = Type.Object({ items: Type.Array(ProfileBody), total: Type.Integer() });
export const ProfileSearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ ...SearchText, description: 'each word must start a word of the name; any case, any script' })),
    serviceCode: Type.Optional(Text(SERVICE_CODE.maxLength, { description: "this service's profiles and shared ones" })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  strict,
);

// Breaking-news alerts, listed.

export const AlertListQuery = Type.Object(
  { service: CodeText, page: Type.Optional(Page) },
  strict,
);
export const AlertList = Type.Object({
  items: Type.Array(
    Type.Object({
      ...AlertBody.properties,
      state: Type.Union([Type.Literal('scheduled'), Type.Literal('live'), Type.Literal('expired')]),
    }),
  ),
  page: Type.Integer(),
  hasNext: Type.Boolean(),
});

// Language services and their sections.

const Direction = Type.Union([Type.Literal('ltr'), Type.Literal('rtl')]);
const serviceFields = {
  name: Type.String({ maxLength: 80 }),
  locale: Type.String({ maxLength: 35, description: 'a BCP 47 language tag: en, ru, fa-IR' }),
  direction: Direction,
  outlet: Type.String({ maxLength: 80, description: 'the outlet named in datelines: RFE/RL' }),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: SECTION_LIMITS.position, description: 'place in the list of services' })),
};
export const NewService = Type.Object({ code: Text(SERVICE_CODE.maxLength, { description: 'the address: /code/' }), ...serviceFields }, strict);
export const ServiceUpdate = Type.Object(
  {
    name: Type.Optional(serviceFields.name),
    locale: Type.Optional(serviceFields.locale),
    direction: Type.Optional(serviceFields.direction),
    outlet: Type.Optional(serviceFields.outlet),
    position: serviceFields.position,
  },
  { ...strict, description: 'fields left out keep their value; the code never changes' },
);
export const ServiceBody = Type.Object({
  code: Type.String(),
  name: Type.String(),
  locale: Type.String(),
  direction: Direction,
  outlet: Type.String(),
  position: Type.Integer(),
});
export const ServiceList = Type.Object({ items: Type.Array(ServiceBody) });
export const ServiceInfoBody = Type.Object(
  {
    about: Type.String({ maxLength: SERVICE_INFO_LIMITS.about, description: 'the About page: plain paragraphs separated by a blank line; "" shows the default text' }),
    email: Type.String({ maxLength: SERVICE_INFO_LIMITS.email, description: 'the Contact page\'s email address, or ""' }),
    postal: Type.String({ maxLength: SERVICE_INFO_LIMITS.postal, description: 'a postal address, one line per line, or ""' }),
    phone: Type.String({ maxLength: SERVICE_INFO_LIMITS.phone, description: 'a phone number (digits, spaces, + ( ) - . /), or ""' }),
  },
  { ...strict, description: "what the service says about itself and how to reach it: its reader pages /code/about and /code/contact" },
);

const sectionFields = {
  slug: Text(SLUG.maxLength, { description: 'the address: /service/s/slug' }),
  name: Type.String({ maxLength: 80 }),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: SECTION_LIMITS.position, description: "place in the service's navigation" })),
  podcast: Type.Optional(Type.Boolean({ description: "an audio section whose feed carries podcast apps' itunes: elements" })),
};
export const NewSection = Type.Object({ serviceCode: CodeText, ...sectionFields }, strict);
export const SectionUpdate = Type.Object(
  { slug: Type.Optional(sectionFields.slug), name: Type.Optional(sectionFields.name), position: sectionFields.position, podcast: sectionFields.podcast },
  { ...strict, description: 'fields left out keep their value' },
);
export const SectionBody = Type.Object({ id: Id, serviceCode: Type.String(), slug: Type.String(), name: Type.String(), position: Type.Integer(), podcast: Type.Boolean() });
export const SectionList = Type.Object({ items: Type.Array(SectionBody) });
export const SectionListQuery = Type.Object({ service: Type.Optional(CodeText) }, strict);
