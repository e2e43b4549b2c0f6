import { randomBytes } from 'node:crypto';

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** True for "2026/11/ab12/360p.mp4": safe segments only, no "..", no leading slash, no dot files. */
export function isMediaKey(key: string): boolean {
  if (key.length === 0 || key.length > 512) return false;
  return key.split('/').every((segment) => SEGMENT.test(segment) && !segment.includes('..'));
}

export function assertMediaKey(key: string): string {
  if (!isMediaKey(key)) throw new Error(`not a valid media key: ${JSON.stringify(key)}`);
  return key;
}

/**
 * A fresh folder for one media item's files: year/month/random. Random, so a rendition made
 * again (a new transcode) lands under a new key and cached copies never go stale.
 */
export function newMediaFolder(now: Date, random: () => string = () => randomBytes(12).toString('hex')): string {
  const year = String(now.getUTCFullYear());
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return assertMediaKey(`${year}/${month}/${random()}`);
}
