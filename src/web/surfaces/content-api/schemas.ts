import { Type } from 'typebox';
import { Id, Nullable, ServiceCode, Slug, strict, Time } from '../../shared/schemas.js';

// The Content API's shapes: queries refuse unknown fields; responses list exactly what may
// leave the server (everything here is on the public site already). Nothing else goes out,
// whatever the domain objects hold (authors' accounts, notes to editors, drafts).

export const ContentErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), field: Nullable(Type.String()) }),
});

export const IdParams = Type.Object({ id: Id }, strict);
export const ServiceParams = Type.Object({ code: ServiceCode }, strict);

export const StoriesQuery = Type.Object(
  {
    service: Type.Optional(ServiceCode),
    section: Type.Optional(Slug),
    tag: Type.Optional(Slug),
    updated_since: Type.Optional(Type.String({ format: 'date-time', maxLength: 40, description: 'stories saved, updated or published at or after this time' })),
    cursor: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_-]+$', description: 'the `next` of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  strict,
);

const Marks = Type.Optional(Type.Array(Type.Union([Type.Literal('bold'), Type.Literal('italic')])));
const Inline = Type.Union([
  Type.Object({ type: Type.Literal('text'), text: Type.String(), marks: Marks }, strict),
  Type.Object({ type: Type.Literal('link'), text: Type.String(), href: Type.String(), marks: Marks }, strict),
  Type.Object({ type: Type.Literal('profile'), text: Type.String(), profileId: Id }, strict),
]);
export const BodyElement = Type.Union([
  Type.Object({ type: Type.Literal('paragraph'), content: Type.Array(Inline) }, strict),
  Type.Object({ type: Type.Literal('subheading'), text: Type.String() }, strict),
  Type.Object({ type: Type.Literal('quote'), content: Type.Array(Inline), attribution: Type.Optional(Type.String()) }, strict),
  Type.Object({ type: Type.Literal('list'), ordered: Type.Boolean(), items: Type.Array(Type.Array(Inline)) }, strict),
  Type.Object({ type: Type.Literal('media'), mediaId: Id }, strict),
  Type.Object({ type: Type.Literal('profile'), profileId: Id }, strict),
  Type.Object({ type: Type.Literal('related'), storyId: Id }, strict),
  Type.Object(
    {
      type: Type.Literal('table'),
      caption: Type.Optional(Type.String()),
      headerRow: Type.Boolean({ description: 'the first row holds column headers' }),
      headerColumn: Type.Boolean({ description: 'the first cell of each row is its header' }),
      rows: Type.Array(Type.Array(Type.Array(Inline), { description: 'a row: every row has as many cells; an empty cell is an empty list' })),
    },
    strict,
  ),
  Type.Object(
    {
      type: Type.Literal('gallery'),
      items: Type.Array(Type.Object({ mediaId: Id, caption: Type.Optional(Type.String({ description: "replaces the media item's caption here" })) }, strict)),
    },
    strict,
  ),
  Type.Object(
    {
      type: Type.Literal('embed'),
      provider: Type.Union(['youtube', 'vimeo', 'x', 'telegram', 'facebook', 'instagram', 'tiktok', 'oembed'].map((p) => Type.Literal(p))),
      url: Type.String({ description: 'the post or video (for oembed, the endpoint with the content in its url parameter)' }),
      caption: Type.Optional(Type.String()),
    },
    strict,
  ),
]);

export const SectionBody = Type.Object({ slug: Type.String(), name: Type.String(), url: Type.String(), podcast: Type.Boolean() }, strict);
export const TagBody = Type.Object({ slug: Type.String(), name: Type.String(), url: Type.String() }, strict);
export const ServiceBody = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    locale: Type.String(),
    direction: Type.Union([Type.Literal('ltr'), Type.Literal('rtl')]),
    url: Type.String(),
    feeds: Type.Object({ rss: Type.String(), atom: Type.String(), json: Type.String() }, strict),
    sections: Type.Array(SectionBody),
  },
  strict,
);
export const ServiceList = Type.Object({ items: Type.Array(ServiceBody) }, strict);
export const TagList = Type.Object({ items: Type.Array(TagBody) }, strict);

export const MediaBody = Type.Object(
  {
    id: Id,
    kind: Type.Union([Type.Literal('video'), Type.Literal('audio'), Type.Literal('image')]),
    title: Type.String(),
    caption: Nullable(Type.String()),
    credit: Nullable(Type.String()),
    alt: Nullable(Type.String()),
    durationMs: Nullable(Type.Integer()),
    embedUrl: Nullable(Type.String()),
    renditions: Type.Array(
      Type.Object(
        { kind: Type.String(), label: Type.String(), url: Type.String(), mimeType: Type.String(), width: Nullable(Type.Integer()), height: Nullable(Type.Integer()), bytes: Type.Integer() },
        strict,
      ),
    ),
    captions: Type.Array(Type.Object({ language: Type.String(), label: Type.String(), url: Type.String() }, strict)),
  },
  strict,
);

export const ProfileBody = Type.Object(
  {
    id: Id,
    kind: Type.Union([Type.Literal('person'), Type.Literal('organisation'), Type.Literal('place')]),
    name: Type.String(),
    summary: Nullable(Type.String()),
    slug: Type.String(),
    service: Nullable(Type.String()),
  },
  strict,
);

export const LiveStateBody = Type.Union(
  [
    Type.Object(
      {
        state: Type.Union([Type.Literal('live'), Type.Literal('ended')], { description: 'live: taking entries now; ended: the coverage ended, its entries stay' }),
        since: Nullable(Type.String({ format: 'date-time', description: 'when the story went live (null once ended)' })),
        entryCount: Type.Integer({ minimum: 0 }),
        entries: Type.String({ description: 'address of the first page of its entries' }),
      },
      strict,
    ),
    Type.Null(),
  ],
  { description: 'a live story: its coverage and entries; null for a story never covered live' },
);

export const StoryBody = Type.Object(
  {
    id: Id,
    service: Type.String(),
    url: Type.String(),
    slug: Type.String(),
    headline: Type.String(),
    deck: Nullable(Type.String()),
    dateline: Nullable(Type.Object({ place: Type.String(), outlet: Type.String() }, strict)),
    bylines: Type.Array(Type.String()),
    credits: Type.Array(Type.String()),
    section: Nullable(Type.Object({ slug: Type.String(), name: Type.String() }, strict)),
    tags: Type.Array(Type.Object({ slug: Type.String(), name: Type.String() }, strict)),
    publishedAt: Time,
    updatedAt: Nullable(Time),
    notes: Type.Array(Type.Object({ kind: Type.Union([Type.Literal('update'), Type.Literal('correction')]), text: Type.String(), at: Time }, strict)),
    leadMediaId: Nullable(Id),
    leadMediaCaption: Nullable(Type.String({ description: "the caption shown under the lead media: the story's own, or else the media item's" })),
    leadMediaCredit: Nullable(Type.String({ description: "the credit shown with the lead media: the story's own, or else the media item's" })),
    live: LiveStateBody,
    body: Type.Array(BodyElement),
    media: Type.Array(MediaBody),
    profiles: Type.Array(ProfileBody),
    translations: Type.Array(
      Type.Object({ id: Id, service: Type.String(), locale: Type.String(), url: Type.String(), headline: Type.String() }, strict),
      { description: "the story's published versions in other services (its translation group)" },
    ),
  },
  strict,
);
export const StoryList = Type.Object({ items: Type.Array(StoryBody), next: Nullable(Type.String({ description: 'cursor of the next page; null on the last' })) }, strict);

export const EntriesQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })) }, strict);
export const LiveEntryBody = Type.Object(
  {
    id: Id,
    url: Type.String({ description: 'the entry on the story page' }),
    pinned: Type.Boolean({ description: 'kept at the top of the story' }),
    keyEvent: Type.Boolean({ description: "listed among the story's key events" }),
    postedAt: Time,
    updatedAt: Nullable(Time),
    body: Type.Array(BodyElement),
  },
  strict,
);
export const LiveEntryList = Type.Object(
  {
    story: Id,
    live: LiveStateBody,
    items: Type.Array(LiveEntryBody, { description: 'twenty a page, as the story page lists them: pinned first, then newest first' }),
    page: Type.Integer(),
    next: Nullable(Type.Integer({ description: 'the next page number; null on the last' })),
    media: Type.Array(MediaBody, { description: "the media items this page's entries show" }),
    profiles: Type.Array(ProfileBody, { description: "the profiles this page's entries link" }),
  },
  strict,
);
