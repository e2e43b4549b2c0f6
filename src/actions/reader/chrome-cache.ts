import type { ChromeData } from './page-result.js';

export interface LoadedChrome {
  readonly chrome: ChromeData;
  readonly cacheKeys: string[];
  /** When the live alert next starts or ends: the chrome is the same until then. */
  readonly validUntil: Date | null;
}

/**
 * The masthead of every reader page (the service, all services, its sections, the live alert),
 * kept per service so a page render does not ask the database for it again. Purged by the same
 * surrogate keys as the page cache (`purge(keysFor(event))`, events of other processes included
 * through the event relay); an entry also ends when its live alert starts or ends, and after
 * `maxAgeMs` at the most.
 */
export class ChromeCache {
  private generation = 0;
  private readonly entries = new Map<string, { readonly value: LoadedChrome; readonly from: number; readonly until: number }>();

  constructor(private readonly maxAgeMs = 60_000) {}

  /** Forgets the mastheads that show any of these keys (a service, the services list, a service's alerts). */
  purge(keys: readonly string[]): void {
    if (!keys.length) return;
    // A load in flight may have read what just changed: it is not kept (see `get`).
    this.generation += 1;
    for (const [serviceCode, entry] of this.entries) {
      if (entry.value.cacheKeys.some((key) => keys.includes(key))) this.entries.delete(serviceCode);
    }
  }

  /**
   * The last masthead kept for this service (else for any service), however old: for the page
   * that says the site cannot reach its database, where an old masthead beats none.
   */
  remembered(serviceCode: string | undefined): LoadedChrome | undefined {
    const entry = (serviceCode === undefined ? undefined : this.entries.get(serviceCode)) ?? this.entries.values().next().value;
    return entry?.value;
  }

  async get(serviceCode: string, now: Date, load: () => Promise<LoadedChrome>): Promise<LoadedChrome> {
    const time = now.getTime();
    const hit = this.entries.get(serviceCode);
    if (hit && time >= hit.from && time < hit.until) return hit.value;
    const generation = this.generation;
    const value = await load();
    // A change that landed while this was loading may not be in it: keep it only if nothing changed since.
    if (generation === this.generation) {
      const until = Math.min(value.validUntil?.getTime() ?? Number.POSITIVE_INFINITY, time + this.maxAgeMs);
      this.entries.set(serviceCode, { value, from: time, until });
    }
    return value;
  }
}
