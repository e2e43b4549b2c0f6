import { Type, type Static } from 'typebox';
import { BODY_MAX, NAME_MAX } from '../../../domain/comment/comment-text.js';
import { FORM_FIELD } from '../../plugins/reader-tokens.js';
import { Id, open, OrEmpty, ReaderPage, ServiceCode, SlugParam, strict, Text } from '../../shared/schemas.js';

// What the comment routes take. Texts may be somewhat longer than the domain allows, so that a
// comment a little too long comes back in its form with the domain's message rather than as a
// bare 400; NUL bytes and ids that cannot name a comment never get further than here.

const TOO_LONG_SLACK = 4;
const Token = Type.Optional(Text(512));

export const StoryParams = Type.Object({ service: ServiceCode, slug: SlugParam, id: Id }, strict);
export const CommentParams = Type.Object({ service: ServiceCode, slug: SlugParam, id: Id, commentId: Id }, strict);

export const PageQuery = Type.Object(
  {
    page: Type.Optional(OrEmpty(ReaderPage)),
    sort: Type.Optional(Text(16)),
    notice: Type.Optional(Text(16)),
    reply: Type.Optional(OrEmpty(Id)),
  },
  open,
);

/** The comment form, posted as a form (no script) or as JSON (the comments script sends the same fields). */
export const PostBody = Type.Object(
  {
    [FORM_FIELD]: Token,
    parentId: Type.Optional(Type.Union([Id, Type.Literal(''), Type.Null()])),
    authorName: Type.Optional(Text(NAME_MAX * TOO_LONG_SLACK)),
    body: Type.Optional(Text(BODY_MAX * TOO_LONG_SLACK)),
    website: Type.Optional(Text(2048)),
    altcha: Type.Optional(Text(4096)),
  },
  strict,
);
export const EditBody = Type.Object({ [FORM_FIELD]: Token, body: Type.Optional(Text(BODY_MAX * TOO_LONG_SLACK)) }, strict);
/** Report and delete: the form token only. */
export const TokenBody = Type.Object({ [FORM_FIELD]: Token }, strict);

/** What leaves the JSON routes, and nothing else. */
export const Challenge = Type.Object({
  algorithm: Type.String(),
  challenge: Type.String(),
  maxnumber: Type.Integer(),
  salt: Type.String(),
  signature: Type.String(),
});
export const Posted = Type.Object({
  comment: Type.Object({ id: Type.Integer(), state: Type.String(), parentId: Type.Union([Type.Integer(), Type.Null()]) }),
  count: Type.Integer(),
  permalink: Type.String(),
  notice: Type.String(),
  html: Type.Union([Type.String(), Type.Null()]),
});

export type StoryParams = Static<typeof StoryParams>;
export type CommentParams = Static<typeof CommentParams>;
export type PageQuery = Static<typeof PageQuery>;
export type PostBody = Static<typeof PostBody>;
export type EditBody = Static<typeof EditBody>;
export type TokenBody = Static<typeof TokenBody>;
