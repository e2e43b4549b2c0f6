import { createHash } from 'node:crypto';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { cacheKey } from '../../actions/reader/page-result.js';
import { systemClock, type Clock } from '../../domain/shared/clock.js';
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

/** A page as a render produced it, before the cache makes it a CachedPage. */
export interface NewPage {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly keys: readonly string[];
  readonly validUntil: number | null;
}

/** HIT: fresh from the cache. MISS: rendered for this request (or one it waited for). STALE: purged, served while another request renders it. */
export type CacheState = 'HIT' | 'MISS' | 'STALE';

export interface PageCacheStats {
  /** Renders run through `load` (a coalesced request does not render). */
  renders: number;
  /** Requests that waited for a render another request started. */
  coalesced: number;
  /** Renders not kept because something they show was purged while they ran. */
  discarded: number;
  /** Requests answered with a purged page while its new version was rendering. */
  staleServed: number;
}

/** How long after its purge a page may still be served while its new version renders. */
const STALE_FOR_MS = 60_000;
/** Requests that waited for a render a purge overtook wait for a new one, this many times at most. */
const MAX_RETRIES = 2;

interface Flight {
  readonly done: Promise<FlightResult>;
}
/** What a shared render gives the requests that waited for it; null when the render sent its own reply (a redirect). */
type FlightResult = { readonly page: CachedPage; readonly kept: boolean } | null;

/**
 * Rendered reader pages in memory, keyed by path. Each page carries the surrogate keys of what
 * it shows; an event purges exactly the pages holding its keys. Pages that turn stale by
 * themselves (an alert expiring) carry `validUntil`. Oldest entries go first when full.
 *
 * `load` is the only way in for a render, and it holds three promises:
 * - A render that ran while one of its page's keys was purged may have read the data from
 *   before the change: it is served to the request that asked, never stored, and requests
 *   that waited for it (perhaps arriving after the change) wait for a new render. Every purge
 *   counts up an epoch and notes it per key; a render remembers the epoch it started at.
 * - Concurrent misses for one path wait for one render (request coalescing).
 * - A purged page is kept aside as stale for a minute: while its new version renders, other
 *   requests get the stale one at once (stale-while-revalidate). The first request after a
 *   purge renders and waits, so whoever made the change sees it.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly stale = new Map<string, { readonly page: CachedPage; readonly since: number }>();
  private readonly byKey = new Map<string, Set<string>>();
  private readonly flights = new Map<string, Flight>();
  /** Counts purges; `purgedAt` holds the epoch of each key's last purge while any render runs. */
  private epoch = 0;
  private readonly purgedAt = new Map<string, number>();
  private rendering = 0;
  readonly stats: PageCacheStats = { renders: 0, coalesced: 0, discarded: 0, staleServed: 0 };

  constructor(
    private readonly maxEntries: number,
    private readonly clock: Clock = systemClock,
  ) {}

  get size(): number {
    return this.pages.size;
  }

  /** A fresh page, or nothing (the cache in front of the router answers only these). */
  get(path: string, now: number): CachedPage | undefined {
    const page = this.pages.get(path);
    if (page && page.validUntil !== null && now >= page.validUntil) {
      this.makeStale(path, now);
      return undefined;
    }
    return page;
  }

  /**
   * The page at `path`: from the cache, from a render another request started, or rendered
   * now by `render` (null when it sent its own reply, e.g. a redirect; errors go to the caller).
   */
  async load(path: string, now: number, render: () => Promise<NewPage | null>): Promise<{ page: CachedPage; state: CacheState } | null> {
    const hit = this.get(path, now);
    if (hit) return { page: hit, state: 'HIT' };
    if (this.maxEntries === 0) {
      this.stats.renders += 1;
      const fresh = await render();
      return fresh && { page: buildPage(fresh), state: 'MISS' };
    }
    for (let attempt = 0; ; attempt++) {
      const flight = this.flights.get(path);
      if (!flight) return this.lead(path, now, render);
      const stale = attempt === 0 ? this.stale.get(path) : undefined;
      if (stale && now - stale.since < STALE_FOR_MS) {
        this.stats.staleServed += 1;
        return { page: stale.page, state: 'STALE' };
      }
      this.stats.coalesced += 1;
      const shared = await flight.done;
      // A render a purge overtook may miss a change this request came after: it waits for a new one.
      if (shared && (shared.kept || attempt >= MAX_RETRIES)) return { page: shared.page, state: 'MISS' };
      if (!shared) {
        this.stats.renders += 1;
        const own = await render();
        return own && { page: buildPage(own), state: 'MISS' };
      }
    }
  }

  private async lead(path: string, now: number, render: () => Promise<NewPage | null>): Promise<{ page: CachedPage; state: CacheState } | null> {
    let settle!: (result: FlightResult) => void;
    let fail!: (error: unknown) => void;
    const done = new Promise<FlightResult>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    // Waiters rethrow the render's error themselves; this copy only must not count as unhandled.
    done.catch(() => undefined);
    this.flights.set(path, { done });
    const startedAt = this.epoch;
    this.rendering += 1;
    this.stats.renders += 1;
    let result: FlightResult;
    try {
      const fresh = await render();
      if (fresh) {
        const kept = fresh.keys.every((key) => (this.purgedAt.get(key) ?? 0) <= startedAt);
        if (!kept) this.stats.discarded += 1;
        result = { page: kept ? this.store(path, fresh) : buildPage(fresh), kept };
      } else {
        this.stale.delete(path);
        result = null;
      }
    } catch (error) {
      // The page is gone or broken now (a withdrawn story): its stale copy is not served again.
      this.stale.delete(path);
      this.finishFlight(path);
      fail(error);
      throw error;
    }
    this.finishFlight(path);
    settle(result);
    return result && { page: result.page, state: 'MISS' };
  }

  private finishFlight(path: string): void {
    this.flights.delete(path);
    this.rendering -= 1;
    // Purge epochs matter only to renders that were running when the purge came.
    if (this.rendering === 0) this.purgedAt.clear();
  }

  private store(path: string, fresh: NewPage): CachedPage {
    const page = buildPage(fresh);
    this.remove(path);
    this.stale.delete(path);
    while (this.pages.size + this.stale.size >= this.maxEntries) {
      const oldestStale = this.stale.keys().next().value;
      if (oldestStale !== undefined) {
        this.stale.delete(oldestStale);
        continue;
      }
      const oldest = this.pages.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
    this.pages.set(path, page);
    for (const key of fresh.keys) {
      let paths = this.byKey.get(key);
      if (!paths) this.byKey.set(key, (paths = new Set()));
      paths.add(path);
    }
    page.compressed = compressInBackground(page);
    return page;
  }

  /** Makes the pages holding any of these keys stale, and keeps renders running now from storing theirs. */
  purge(keys: readonly string[]): number {
    if (!keys.length) return 0;
    const now = this.clock.now().getTime();
    this.epoch += 1;
    if (this.rendering > 0) for (const key of keys) this.purgedAt.set(key, this.epoch);
    let purged = 0;
    for (const key of keys) {
      const paths = this.byKey.get(key);
      if (!paths) continue;
      for (const path of [...paths]) {
        if (this.makeStale(path, now)) purged++;
      }
    }
    return purged;
  }

  clear(): void {
    this.pages.clear();
    this.stale.clear();
    this.byKey.clear();
  }

  /** Moves a page to the stale side. */
  private makeStale(path: string, now: number): boolean {
    const page = this.remove(path);
    if (!page) return false;
    this.stale.delete(path);
    this.stale.set(path, { page, since: now });
    return true;
  }

  private remove(path: string): CachedPage | undefined {
    const page = this.pages.get(path);
    if (!page) return undefined;
    this.pages.delete(path);
    this.unindex(path, page);
    return page;
  }

  private unindex(path: string, page: CachedPage | undefined): void {
    for (const key of page?.keys ?? []) {
      const paths = this.byKey.get(key);
      paths?.delete(path);
      if (paths?.size === 0) this.byKey.delete(key);
    }
  }
}

function buildPage(fresh: NewPage): CachedPage {
  const body = Buffer.from(fresh.body, 'utf8');
  return {
    status: fresh.status,
    headers: fresh.headers,
    body,
    etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
    br: null,
    gzip: null,
    compressed: Promise.resolve(),
    keys: fresh.keys,
    validUntil: fresh.validUntil,
  };
}

/** The surrogate keys an event makes stale: the same keys the reader actions give their pages. */
export function keysFor(event: DatelineEvent): string[] {
  switch (event.type) {
    case 'story.changed':
      return [cacheKey.story(event.storyId), cacheKey.lists(event.serviceCode)];
    case 'comments.changed':
      return [cacheKey.comments(event.storyId)];
    case 'live.changed':
      return [cacheKey.story(event.storyId)];
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
