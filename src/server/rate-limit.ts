/**
 * The booking limit's options, and the counter interface of earlier versions (`hit`), still
 * accepted as `rateLimit.store`. New code passes a whole `ProxyStore` as the proxy's `store`.
 */
import { windowCounter } from './memory-store.js';
import type { ProxyStore } from './store.js';

/** @deprecated Pass a `ProxyStore` as `createBookingProxy({ store })`; it shares caches too. */
export interface RateLimitStore {
  /**
   * Counts one hit for `key` and answers how many hits the current window holds, this one
   * included, and when that window ends (epoch ms). The first hit of a key opens a window of
   * `windowMs`.
   */
  hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }>;
}

export interface RateLimitOptions {
  /** Attempts allowed per visitor per window. */
  limit?: number;
  /** Window length in ms. */
  windowMs?: number;
  /** @deprecated Use the proxy's `store` option, which shares limits and cached reads. */
  store?: RateLimitStore;
}

/** @deprecated Fixed windows in memory; the proxy's default `memoryStore()` does this and more. */
export function memoryRateLimitStore(now: () => number = Date.now): RateLimitStore {
  const counter = windowCounter({ now });
  return { hit: async (key, windowMs) => counter.hit(key, windowMs) };
}

/** A ProxyStore whose limits count in an old-style `hit` store and the rest in `base`. */
export function withRateLimitStore(counter: RateLimitStore, base: ProxyStore): ProxyStore {
  return {
    get: (key) => base.get(key),
    set: (key, value, ttlMs) => base.set(key, value, ttlMs),
    lock: (key, ttlMs) => base.lock(key, ttlMs),
    unlock: (key) => base.unlock(key),
    async consume(key, limit, windowMs) {
      const { count, resetAt } = await counter.hit(key, windowMs);
      return { allowed: count <= limit, remaining: Math.max(0, limit - count), resetAt };
    },
  };
}
