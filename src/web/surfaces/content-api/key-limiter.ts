/**
 * Requests per minute per API key, counted in this process (each node counts its own). A
 * fixed one-minute window: cheap, and enough to stop a runaway client.
 */
export class KeyRateLimiter {
  private readonly windows = new Map<number, { start: number; count: number }>();

  /** Counts one request; returns the seconds to wait when the key is over its limit. */
  take(keyId: number, perMinute: number, now: number): { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number } {
    const start = now - (now % 60_000);
    let window = this.windows.get(keyId);
    if (!window || window.start !== start) {
      window = { start, count: 0 };
      this.windows.set(keyId, window);
    }
    if (window.count >= perMinute) return { allowed: false, retryAfterSeconds: Math.ceil((start + 60_000 - now) / 1000) };
    window.count += 1;
    return { allowed: true, remaining: perMinute - window.count };
  }
}
