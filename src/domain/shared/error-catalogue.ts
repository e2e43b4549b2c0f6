/** What went wrong, in terms every surface can map: HTTP status, page, or CLI exit. */
export type ErrorKind =
  | 'invalid'
  | 'not-found'
  | 'gone'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'rate-limited'
  | 'unavailable'
  | 'internal';

interface ErrorEntry {
  readonly kind: ErrorKind;
  /** Shown to anyone when the throw site gives no more precise public message. */
  readonly message: string;
}

/**
 * Every error code Dateline answers with, declared once: its kind (and so its HTTP status)
 * and its public message. Throw sites may give a more precise public message and the field at
 * fault; what only operators should read goes in the error's context, which is logged, never
 * shown. `ErrorCode` is the type of every code parameter, so an undeclared code does not compile.
 */
export const ERRORS = {
  // Input: 400
  REQUEST_INVALID: { kind: 'invalid', message: 'This request is not valid' },
  FIELD_INVALID: { kind: 'invalid', message: 'A field of this request is not valid' },
  FIELD_REQUIRED: { kind: 'invalid', message: 'A required field is missing' },
  BULK_NOTHING_CHOSEN: { kind: 'invalid', message: 'Choose at least one story' },
  BULK_TOO_MANY: { kind: 'invalid', message: 'Too many stories chosen at once' },
  FIELD_TOO_LONG: { kind: 'invalid', message: 'A field of this request is too long' },
  FIELD_UNKNOWN: { kind: 'invalid', message: 'This request has a field it does not take' },
  FRONT_PAGE_DUPLICATE: { kind: 'invalid', message: 'A story can stand on the front page once' },
  FRONT_PAGE_STORY_INVALID: { kind: 'invalid', message: 'Only published stories of this service can stand on its front page' },
  LAST_EVENT_ID_INVALID: { kind: 'invalid', message: 'Last-Event-ID is not an event id of this stream' },
  PUSH_ENDPOINT_REFUSED: { kind: 'invalid', message: 'Push subscriptions must name a public https push service' },
  PAGE_INVALID: { kind: 'invalid', message: 'The page number is not valid' },
  QUERY_TOO_LONG: { kind: 'invalid', message: 'The search is too long' },
  SLUG_INVALID: { kind: 'invalid', message: 'An address name may contain only letters, digits and single hyphens' },
  SERVICE_CODE_INVALID: { kind: 'invalid', message: 'A service code is a lowercase language code such as "en"' },
  LOCALE_INVALID: { kind: 'invalid', message: 'The locale is not a valid language tag' },
  DIRECTION_INVALID: { kind: 'invalid', message: 'The direction must be "ltr" or "rtl"' },
  SERVICE_EXISTS: { kind: 'invalid', message: 'A service with this code already exists' },
  SECTION_EXISTS: { kind: 'invalid', message: 'A section with this address already exists in this service' },
  TAG_EXISTS: { kind: 'invalid', message: 'A topic with this address already exists in this service' },
  STORY_INVALID: { kind: 'invalid', message: 'This is not a story' },
  BODY_INVALID: { kind: 'invalid', message: 'The story body is not valid' },
  ALERT_EXPIRY_INVALID: { kind: 'invalid', message: 'An alert must expire after it starts' },
  PASSWORD_TOO_SHORT: { kind: 'invalid', message: 'The password is too short' },
  AUTO_CLOSE_INVALID: { kind: 'invalid', message: 'The auto-close age is not valid' },
  BANNED_WORDS_INVALID: { kind: 'invalid', message: 'The banned words are not valid' },
  MAX_LINKS_INVALID: { kind: 'invalid', message: 'The link limit is not valid' },
  MODERATION_MODE_INVALID: { kind: 'invalid', message: 'Moderation must be "pre" or "post"' },
  BAN_KIND_REQUIRED: { kind: 'invalid', message: 'Choose whom to ban: the browser, the pseudonym, or the address' },
  BAN_NOTHING_KNOWN: { kind: 'invalid', message: 'This comment carries nothing of that kind to ban' },
  BAN_END_REQUIRED: { kind: 'invalid', message: 'An address ban needs an end date' },
  BAN_END_INVALID: { kind: 'invalid', message: 'The end of a ban is not valid' },
  COMMENTS_NOT_CHOSEN: { kind: 'invalid', message: 'Choose at least one comment' },
  COMMENTS_UNKNOWN: { kind: 'invalid', message: 'Some of the chosen comments do not exist; nothing was changed' },
  MODERATION_DECISION_INVALID: { kind: 'invalid', message: 'The decision must be approve, reject or spam' },
  QUEUE_FILTER_INVALID: { kind: 'invalid', message: 'The queue filter is not valid' },
  COMMENT_FIELD_INVALID: { kind: 'invalid', message: 'A field of this comment is not valid' },
  COMMENT_FIELD_REQUIRED: { kind: 'invalid', message: 'A field of this comment is empty' },
  COMMENT_FIELD_TOO_LONG: { kind: 'invalid', message: 'A field of this comment is too long' },
  COMMENT_CONTROL_CHARACTERS: { kind: 'invalid', message: 'This comment contains control characters' },
  COMMENT_PARENT_INVALID: { kind: 'invalid', message: 'The comment answered is not a comment on this story' },
  COMMENT_SPAM_SUSPECTED: { kind: 'invalid', message: 'This comment looks automated and was not posted' },
  COMMENT_TOO_MANY_LINKS: { kind: 'invalid', message: 'This comment contains too many links' },
  COMMENT_BANNED_WORD: { kind: 'invalid', message: 'This comment contains words this site does not publish' },
  POW_REQUIRED: { kind: 'invalid', message: 'The anti-spam check is missing; please try again' },
  POW_INVALID: { kind: 'invalid', message: 'The anti-spam check failed; please try again' },
  POW_EXPIRED: { kind: 'invalid', message: 'The anti-spam check expired; please try again' },
  POW_REPLAYED: { kind: 'invalid', message: 'This anti-spam check was already used; please try again' },
  CAPTIONS_INVALID: { kind: 'invalid', message: 'The captions are not a valid WebVTT file' },
  CAPTIONS_LANGUAGE_INVALID: { kind: 'invalid', message: 'The captions language is not a language tag' },
  MEDIA_FILE_MISSING: { kind: 'invalid', message: 'There is no file to take in' },
  MEDIA_UNREADABLE: { kind: 'invalid', message: 'The file is not a video, audio or image file that can be read' },
  MEDIA_TYPE_UNSUPPORTED: { kind: 'invalid', message: 'This kind of file is not taken in' },
  MEDIA_TOO_LARGE: { kind: 'invalid', message: 'The file is too large' },
  MEDIA_FOCAL_POINT_INVALID: { kind: 'invalid', message: 'The focal point must be two numbers from 0 to 1' },
  MEDIA_NOT_READY: { kind: 'invalid', message: 'A media item is ready only with at least one rendition' },
  MEDIA_KIND_CHANGED: { kind: 'invalid', message: 'The original is no longer read as the same kind of media' },
  MEDIA_CONVERSION_FAILED: { kind: 'invalid', message: 'The file could not be converted' },
  JOB_PAYLOAD_INVALID: { kind: 'invalid', message: 'The job carries data it cannot run with' },
  UPLOAD_LENGTH_REQUIRED: { kind: 'invalid', message: 'Declare the file size (Upload-Length) when the upload starts' },
  UPLOAD_REFUSED: { kind: 'invalid', message: 'The upload request was refused' },
  TEXT_ENCODING_INVALID: { kind: 'invalid', message: 'The request is not well-formed UTF-8 text' },
  PUBLISH_TIME_TOO_EARLY: { kind: 'invalid', message: 'A publish time may be at most 7 days in the past' },
  SCHEDULE_TIME_PAST: { kind: 'invalid', message: 'This time has passed: choose a time in the future, or publish now' },
  TIME_ZONE_UNKNOWN: { kind: 'invalid', message: 'This is not a known time zone (an IANA name such as Asia/Bishkek)' },
  MEDIA_FORMAT_UNSUPPORTED: { kind: 'invalid', message: 'This container or format is not taken in' },
  MULTIPART_REQUIRED: { kind: 'invalid', message: 'Send the file in a multipart/form-data form' },
  SECTION_INVALID: { kind: 'invalid', message: 'There is no such section in this service' },
  DATE_INVALID: { kind: 'invalid', message: 'A date is a day written YYYY-MM-DD' },
  DATE_RANGE_INVALID: { kind: 'invalid', message: 'The first day of the range comes after the last' },
  CURSOR_INVALID: { kind: 'invalid', message: 'The cursor is not one this API gave' },
  WEBHOOK_URL_INVALID: { kind: 'invalid', message: 'A webhook address must be an https:// (or http://) URL' },
  WEBHOOK_ADDRESS_REFUSED: { kind: 'invalid', message: 'Webhooks are only sent to public addresses' },
  WEBHOOK_HOST_UNKNOWN: { kind: 'invalid', message: 'The webhook address does not resolve' },
  TRANSLATION_SAME_SERVICE: { kind: 'invalid', message: 'A translation is a story of another service' },
  TRANSLATION_SERVICE_TWICE: { kind: 'invalid', message: 'A story has one translation per service' },

  // Not there: 404, 410
  PAGE_NOT_FOUND: { kind: 'not-found', message: 'This list has no page with that number' },
  ADDRESS_NOT_FOUND: { kind: 'not-found', message: 'There is nothing at this address.' },
  SERVICE_NOT_FOUND: { kind: 'not-found', message: 'There is no such language service' },
  SECTION_NOT_FOUND: { kind: 'not-found', message: 'There is no such section' },
  TAG_NOT_FOUND: { kind: 'not-found', message: 'There is no such topic' },
  STORY_NOT_FOUND: { kind: 'not-found', message: 'There is no such story' },
  PROFILE_NOT_FOUND: { kind: 'not-found', message: 'There is no such profile' },
  MEDIA_NOT_FOUND: { kind: 'not-found', message: 'There is no such media item' },
  REVISION_NOT_FOUND: { kind: 'not-found', message: 'There is no such revision of this story' },
  ALERT_NOT_FOUND: { kind: 'not-found', message: 'There is no such alert' },
  COMMENT_NOT_FOUND: { kind: 'not-found', message: 'There is no such comment' },
  BAN_NOT_FOUND: { kind: 'not-found', message: 'There is no such ban' },
  USER_NOT_FOUND: { kind: 'not-found', message: 'There is no such account' },
  TOKEN_NOT_FOUND: { kind: 'not-found', message: 'There is no such token' },
  UPLOAD_NOT_FOUND: { kind: 'not-found', message: 'There is no such upload of yours' },
  SITEMAP_NOT_FOUND: { kind: 'not-found', message: 'There is no sitemap at this address' },
  OEMBED_URL_UNKNOWN: { kind: 'not-found', message: 'This is not an address of this site that can be embedded' },
  API_KEY_NOT_FOUND: { kind: 'not-found', message: 'There is no such API key' },
  WEBHOOK_NOT_FOUND: { kind: 'not-found', message: 'There is no such webhook' },
  WEBHOOK_DELIVERY_NOT_FOUND: { kind: 'not-found', message: 'There is no such webhook delivery' },
  LIVE_ENTRY_NOT_FOUND: { kind: 'not-found', message: 'There is no such entry in this live story' },
  PUSH_SUBSCRIPTION_NOT_FOUND: { kind: 'not-found', message: 'There is no such subscription' },
  STORY_GONE: { kind: 'gone', message: 'This story has been withdrawn' },

  // State: 409
  USER_EXISTS: { kind: 'conflict', message: 'There is already an account with this email' },
  USER_DISABLED: { kind: 'conflict', message: 'This account is disabled' },
  USER_SELF_DISABLE: { kind: 'conflict', message: 'You cannot disable your own account' },
  STORY_NOT_DELETABLE: { kind: 'conflict', message: 'Only a draft that was never published can be deleted' },
  STORY_STATE_INVALID: { kind: 'conflict', message: 'The story is not in a state that allows this' },
  STORY_VERSION_CONFLICT: { kind: 'conflict', message: 'This story was changed by someone else since you opened it' },
  STORY_NOT_LIVE: { kind: 'conflict', message: 'Only a published story has changes waiting to go live' },
  STORY_NOTHING_PENDING: { kind: 'conflict', message: 'This story has no unpublished changes' },
  STORY_NOT_SCHEDULED: { kind: 'conflict', message: 'This story is not scheduled' },
  STORY_NOT_COVERED_LIVE: { kind: 'conflict', message: 'This story is not being covered live' },
  LIVE_ENTRY_VERSION_CONFLICT: { kind: 'conflict', message: 'This entry was changed by someone else since you opened it' },
  COMMENT_CHANGED: { kind: 'conflict', message: 'Another moderator changed this comment; reload the queue' },
  COMMENT_DUPLICATE: { kind: 'conflict', message: 'You already posted this comment here' },
  COMMENTS_CLOSED: { kind: 'conflict', message: 'This forum has been closed.' },
  UPLOAD_OFFSET_CONFLICT: { kind: 'conflict', message: 'The upload offset does not match what the server has' },

  // Who: 401, 403, 429
  SIGN_IN_REQUIRED: { kind: 'unauthenticated', message: 'Sign in first' },
  SIGN_IN_FAILED: { kind: 'unauthenticated', message: 'The email or password is not right' },
  TOKEN_INVALID: { kind: 'unauthenticated', message: 'The bearer token is not valid' },
  API_KEY_REQUIRED: { kind: 'unauthenticated', message: 'Send your API key as "Authorization: Bearer <key>"' },
  API_KEY_INVALID: { kind: 'unauthenticated', message: 'This API key is not valid or has been revoked' },
  FORBIDDEN: { kind: 'forbidden', message: 'You may not do this' },
  TOKEN_FROM_TOKEN: { kind: 'forbidden', message: 'Sign in to make a token: a token cannot make another' },
  CSRF_INVALID: { kind: 'forbidden', message: 'This request did not carry the right CSRF token: reload the page and try again' },
  FORM_EXPIRED: { kind: 'forbidden', message: 'This form has expired; please reload the page and try again' },
  COMMENT_NOT_YOURS: { kind: 'forbidden', message: 'Only the author can change this comment, from the browser they posted it from' },
  COMMENT_EDIT_EXPIRED: { kind: 'forbidden', message: 'A comment can only be changed in the first minutes after posting' },
  COMMENT_AUTHOR_BANNED: { kind: 'forbidden', message: 'You can no longer comment on this site' },
  RATE_LIMITED: { kind: 'rate-limited', message: 'Too many requests in a short time; please wait a minute and try again' },
  SIGN_IN_LOCKED: { kind: 'rate-limited', message: 'Too many failed sign-ins: try again in a quarter of an hour' },
  UPLOADS_TOO_MANY: { kind: 'rate-limited', message: 'Too many unfinished uploads: finish or cancel one first' },

  // Not now: 503
  DATABASE_UNAVAILABLE: { kind: 'unavailable', message: 'The database cannot be reached at the moment; try again shortly' },

  // Ours: 500
  INTERNAL: { kind: 'internal', message: 'Something went wrong on our side' },
} as const satisfies Readonly<Record<string, ErrorEntry>>;

export type ErrorCode = keyof typeof ERRORS;

/** The codes of one kind: `notFound()` takes only not-found codes, and so on. */
export type CodeOf<K extends ErrorKind> = { [C in ErrorCode]: (typeof ERRORS)[C]['kind'] extends K ? C : never }[ErrorCode];
