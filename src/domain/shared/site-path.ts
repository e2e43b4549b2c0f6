/**
 * A "site path" is a link to a page of this site written as a path (`/en/a/slug/1`). Browsers
 * resolve paths leniently (`/\evil.example/` and `//evil.example` go off-site, tabs and line
 * breaks are skipped), so a path is parsed the way a browser does, with the WHATWG URL parser,
 * against an origin of our own, and must stay on it. Any origin with a special scheme answers
 * the same (a path never changes the host it is resolved against, unless it leaves it), so the
 * domain needs no configuration to decide.
 */
const PROBE_ORIGIN = 'https://site.invalid';

/** Tabs, line breaks and other control characters: the URL parser drops or keeps them silently. */
export function hasUrlControlCharacters(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return /[\u0000-\u001f\u007f-\u009f]/u.test(value);
}

export function isSitePath(value: string): boolean {
  if (!value.startsWith('/') || hasUrlControlCharacters(value)) return false;
  try {
    return new URL(value, PROBE_ORIGIN).origin === PROBE_ORIGIN;
  } catch {
    return false;
  }
}
