import { DomainError } from '../shared/errors.js';

/** Unfinished resumable uploads are kept this long for a client to resume, then removed. */
export const KEEP_UNFINISHED_UPLOAD_MS = 24 * 60 * 60_000;

/**
 * How many resumable uploads one person may have open (started, neither finished nor
 * cancelled, nor expired) at a time. Each may reserve up to the largest size limit on disk.
 */
export const OPEN_UPLOADS_PER_PERSON = 10;

export function tooManyOpenUploads(): DomainError {
  return new DomainError(
    'UPLOADS_TOO_MANY',
    'rate-limited',
    `you already have ${OPEN_UPLOADS_PER_PERSON} unfinished uploads: finish or cancel one first (unfinished uploads are removed 24 hours after they start)`,
    'file',
  );
}
