import { Id, Nullable, SearchText, strict, Time } from '../../shared/schemas.js';
import { Type } from 'typebox';
import { MEDIA_TEXT_LIMITS } from '../../../domain/media/media-text.js';
import { CAPTIONS_MAX_BYTES } from '../../../domain/media/webvtt.js';

// The media library's request and response shapes. Requests refuse unknown fields.

const Kind = Type.Union([Type.Literal('video'), Type.Literal('audio'), Type.Literal('image')]);
const Status = Type.Union([Type.Literal('processing'), Type.Literal('ready'), Type.Literal('failed'), Type.Literal('none')], {
  description: 'processing: no playable rendition yet; failed: see failureReason; none: withdrawn',
});

export const MediaListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ ...SearchText, description: 'matched in title and caption, ignoring case' })),
    kind: Type.Optional(Kind),
    status: Type.Optional(Status),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  strict,
);

const summaryFields = {
  id: Id,
  kind: Kind,
  status: Status,
  title: Type.String(),
  caption: Nullable(Type.String()),
  credit: Nullable(Type.String()),
  alt: Nullable(Type.String()),
  durationMs: Nullable(Type.Integer()),
  posterUrl: Nullable(Type.String({ description: 'the poster frame, or for an image its smallest rendition' })),
  createdAt: Time,
};

export const MediaSummary = Type.Object(summaryFields);

export const MediaList = Type.Object({ items: Type.Array(MediaSummary), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() });

export const MediaBody = Type.Object({
  ...summaryFields,
  failureReason: Nullable(Type.String()),
  renditions: Type.Array(
    Type.Object({
      kind: Type.String({ description: 'mp4, hls, poster, audio or image' }),
      label: Type.String(),
      url: Type.String(),
      mime: Type.String(),
      width: Nullable(Type.Integer()),
      height: Nullable(Type.Integer()),
      bytes: Type.Integer(),
    }),
  ),
  captions: Type.Array(Type.Object({ language: Type.String(), label: Type.String(), url: Type.String(), bytes: Type.Integer() })),
});

export const MediaUpdate = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: MEDIA_TEXT_LIMITS.title })),
    caption: Type.Optional(Nullable(Type.String({ maxLength: MEDIA_TEXT_LIMITS.caption }))),
    credit: Type.Optional(Nullable(Type.String({ maxLength: MEDIA_TEXT_LIMITS.credit }))),
    alt: Type.Optional(Nullable(Type.String({ maxLength: MEDIA_TEXT_LIMITS.altText }))),
  },
  { ...strict, description: 'fields left out keep their value; null or "" clears caption, credit or alt' },
);

export const CaptionsParams = Type.Object({ id: Id, language: Type.String({ maxLength: 35, description: 'a language tag: en, ru, ky, fa' }) }, strict);

export const CaptionsRequest = Type.Object(
  {
    label: Type.String({ maxLength: 60, description: 'what the player lists: "English"' }),
    vtt: Type.String({ maxLength: CAPTIONS_MAX_BYTES, description: 'the WebVTT file' }),
  },
  strict,
);
