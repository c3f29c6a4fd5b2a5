/**
 * A shared store that is down must not take bookings down with it: each call that fails (or
 * hangs past `timeoutMs`) is answered by a per-instance memory store instead. The owner hears
 * one line when the shared store starts failing and one when it answers again, not one per request.
 */
import { memoryStore } from './memory-store.js';
import type { ProxyStore } from './store.js';

export interface ResilientStoreOptions {
  fallback?: ProxyStore;
  /** A call slower than this counts as failed; default 1000. */
  timeoutMs?: number;
  /** After a failure, calls go straight to the fallback for this long; default 5000. */
  retryAfterMs?: number;
  now?: () => number;
  log: (message: string, cause?: unknown) => void;
}

export function resilientStore(shared: ProxyStore, options: ResilientStoreOptions): ProxyStore {
  const now = options.now ?? Date.now;
  const fallback = options.fallback ?? memoryStore({ now });
  const timeoutMs = options.timeoutMs ?? 1000;
  let downUntil = 0;
  let down = false;

  async function call<T>(use: (store: ProxyStore) => Promise<T>): Promise<T> {
    if (down && now() < downUntil) return use(fallback);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const result = await Promise.race([
        use(shared),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      if (down) {
        down = false;
        options.log('The shared store answers again; limits and caches are shared again.');
      }
      return result;
    } catch (error) {
      if (!down) options.log('The shared store failed; each instance now keeps its own limits and caches until it answers again.', error);
      down = true;
      downUntil = now() + (options.retryAfterMs ?? 5000);
      return use(fallback);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    consume: (key, limit, windowMs) => call((s) => s.consume(key, limit, windowMs)),
    get: (key) => call((s) => s.get(key)),
    set: (key, value, ttlMs) => call((s) => s.set(key, value, ttlMs)),
    lock: (key, ttlMs) => call((s) => s.lock(key, ttlMs)),
    unlock: (key) => call((s) => s.unlock(key)),
    close: async () => shared.close?.(),
  };
}
