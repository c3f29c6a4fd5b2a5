/**
 * Counting booking attempts per visitor. The proxy only needs `hit`, so several proxy instances
 * (serverless functions, a cluster) can share one counter by implementing it on Redis, a KV
 * store or a database; see docs/proxy.md.
 */

export interface RateLimitStore {
  /**
   * Counts one hit for `key` and answers how many hits the current window holds, this one
   * included, and when that window ends (epoch ms). The first hit of a key opens a window of
   * `windowMs`.
   */
  hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }>;
}

export interface RateLimitOptions {
  /** Booking attempts allowed per visitor IP per window; default 5. */
  limit?: number;
  /** Default 600 000 (10 minutes). */
  windowMs?: number;
  /** Default: in memory, per proxy instance (`memoryRateLimitStore`). */
  store?: RateLimitStore;
}

/** Sweeping on every hit would make each booking O(visitors); past this size it is worth it. */
const SWEEP_AT = 10_000;

/**
 * Fixed windows in a Map: enough for one long-running server. Windows of the past are swept
 * once the map grows, so a stream of distinct IPs cannot grow it without bound.
 */
export function memoryRateLimitStore(now: () => number = Date.now): RateLimitStore {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    async hit(key, windowMs) {
      const t = now();
      if (windows.size >= SWEEP_AT) for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
      let w = windows.get(key);
      if (!w || w.resetAt <= t) windows.set(key, (w = { count: 0, resetAt: t + windowMs }));
      w.count++;
      return { ...w };
    },
  };
}
