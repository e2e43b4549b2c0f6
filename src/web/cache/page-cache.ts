import { createHash } from 'node:crypto';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { cacheKey } from '../../actions/reader/page-result.js';
import type { DatelineEvent } from '../../events/events.js';

export interface CachedPage {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  readonly etag: string;
  /** Filled in the background after the page is stored; until then the page goes out uncompressed. */
  br: Buffer | null;
  gzip: Buffer | null;
  /** Settles when both compressed variants are ready (or have failed and will not be). */
  compressed: Promise<void>;
  readonly keys: readonly string[];
  readonly validUntil: number | null;
}

/**
 * Rendered reader pages in memory, keyed by path. Each page carries the surrogate keys of what
 * it shows; an event purges exactly the pages holding its keys. Pages that turn stale by
 * themselves (an alert expiring) carry `validUntil`. Oldest entries go first when full.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly byKey = new Map<string, Set<string>>();

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.pages.size;
  }

  get(path: string, now: number): CachedPage | undefined {
    const page = this.pages.get(path);
    if (page && page.validUntil !== null && now >= page.validUntil) {
      this.delete(path);
      return undefined;
    }
    return page;
  }

  set(path: string, entry: { status: number; headers: Record<string, string>; body: string; keys: readonly string[]; validUntil: number | null }): CachedPage {
    const body = Buffer.from(entry.body, 'utf8');
    const page: CachedPage = {
      status: entry.status,
      headers: entry.headers,
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
      br: null,
      gzip: null,
      compressed: Promise.resolve(),
      keys: entry.keys,
      validUntil: entry.validUntil,
    };
    if (this.maxEntries === 0) return page;
    this.delete(path);
    while (this.pages.size >= this.maxEntries) {
      const oldest = this.pages.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
    this.pages.set(path, page);
    for (const key of entry.keys) {
      let paths = this.byKey.get(key);
      if (!paths) this.byKey.set(key, (paths = new Set()));
      paths.add(path);
    }
    page.compressed = compressInBackground(page);
    return page;
  }

  purge(keys: readonly string[]): number {
    let purged = 0;
    for (const key of keys) {
      const paths = this.byKey.get(key);
      if (!paths) continue;
      for (const path of [...paths]) {
        if (this.delete(path)) purged++;
      }
    }
    return purged;
  }

  clear(): void {
    this.pages.clear();
    this.byKey.clear();
  }

  private delete(path: string): boolean {
    const page = this.pages.get(path);
    if (!page) return false;
    this.pages.delete(path);
    for (const key of page.keys) {
      const paths = this.byKey.get(key);
      paths?.delete(path);
      if (paths?.size === 0) this.byKey.delete(key);
    }
    return true;
  }
}

/** The surrogate keys an event makes stale: the same keys the reader actions give their pages. */
export function keysFor(event: DatelineEvent): string[] {
  switch (event.type) {
    case 'story.changed':
      return [cacheKey.story(event.storyId), cacheKey.lists(event.serviceCode)];
    case 'comments.changed':
      return [cacheKey.comments(event.storyId)];
    case 'alert.changed':
      return [cacheKey.alerts(event.serviceCode)];
    case 'profile.changed':
      return [cacheKey.profile(event.profileId)];
    case 'media.changed':
      return [cacheKey.media(event.mediaId)];
    case 'service.changed':
      return [cacheKey.service(event.serviceCode)];
    case 'services.changed':
      return [cacheKey.services()];
  }
}

function compressInBackground(page: CachedPage): Promise<void> {
  const brotli = new Promise<void>((resolve) => {
    brotliCompress(
      page.body,
      { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: page.body.length } },
      (error, result) => {
        if (!error) page.br = result;
        resolve();
      },
    );
  });
  const gzipped = new Promise<void>((resolve) => {
    gzip(page.body, { level: 9 }, (error, result) => {
      if (!error) page.gzip = result;
      resolve();
    });
  });
  return Promise.all([brotli, gzipped]).then(() => undefined);
}
