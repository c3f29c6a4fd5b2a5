/**
 * What several proxy instances share: rate-limit windows, cached upstream reads and the lock
 * that lets one instance refresh a cached read for all of them. The in-memory store is the
 * zero-setup default (one instance); `redisStore` (./redis) shares it across instances.
 *
 * Values are strings (JSON): a store never holds customer data, only what the proxy answers.
 */
export interface ProxyStore {
  /**
   * Counts one hit for `key` in a window of `windowMs` that allows `limit` hits. `allowed` is
   * false once the window holds more than `limit`; `resetAt` (epoch ms) is when it ends.
   */
  consume(key: string, limit: number, windowMs: number): Promise<{ allowed: boolean; remaining: number; resetAt: number }>;
  /** The cached value, or null when absent or expired. */
  get(key: string): Promise<string | null>;
  /** Caches `value` for `ttlMs`. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Takes a lock that expires by itself after `ttlMs`; true when this caller now holds it. */
  lock(key: string, ttlMs: number): Promise<boolean>;
  /** Releases a lock this caller holds. */
  unlock(key: string): Promise<void>;
  /** Optional: closes connections (tests, graceful shutdown). */
  close?(): Promise<void>;
}
