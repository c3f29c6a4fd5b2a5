/**
 * Cached upstream reads, shared through the store: a value is loaded at most once per TTL
 * whatever the traffic and however many instances serve it. Within an instance, concurrent
 * callers share one load (the in-flight map); across instances, the one that takes the store's
 * lock loads and the others wait for its value instead of loading too. A load that every caller
 * has left is aborted, so nobody pays for an answer nobody reads.
 */
import type { ProxyStore } from './store.js';

export interface Cached<T> {
  value: T;
  /** Epoch ms; what `max-age` is counted from. */
  expiresAt: number;
}

export interface ReadCacheOptions {
  now: () => number;
  /** How long a loader holds the refresh lock at most (it expires by itself if the loader dies). */
  lockTtlMs: number;
  /** How often a waiting instance looks for the loader's value; default 50. */
  pollMs?: number;
}

export interface ReadOptions<T> {
  /** Time to live, or a function of the loaded value. */
  ttlMs: number | ((value: T) => number);
  /** The caller's signal: when every caller of a load has aborted, the load is aborted. */
  signal?: AbortSignal;
  /** Skip the cached value and load again (still shared with concurrent callers). */
  fresh?: boolean;
}

interface Flight {
  promise: Promise<Cached<unknown>>;
  controller: AbortController;
  callers: number;
}

export interface ReadCache {
  /** The cached value of `key`, or the value `load` gives (then cached). */
  read<T>(key: string, load: (signal: AbortSignal) => Promise<T>, options: ReadOptions<T>): Promise<Cached<T>>;
  /**
   * Changes a cached value in place, keeping its expiry: for what the proxy learns without a
   * read (a booking it made). Not atomic across instances; a lost change heals at the next load.
   */
  update<T>(key: string, change: (value: T) => T): Promise<void>;
}

export function readCache(store: ProxyStore, options: ReadCacheOptions): ReadCache {
  const { now, lockTtlMs } = options;
  const flights = new Map<string, Flight>();

  async function stored<T>(key: string): Promise<Cached<T> | null> {
    const text = await store.get(key);
    if (!text) return null;
    try {
      const entry = JSON.parse(text) as Cached<T>;
      return entry.expiresAt > now() ? entry : null;
    } catch {
      return null;
    }
  }

  async function fill<T>(key: string, load: (signal: AbortSignal) => Promise<T>, o: ReadOptions<T>, signal: AbortSignal): Promise<Cached<T>> {
    const lock = `lock:${key}`;
    for (let first = true; ; first = false) {
      if (!(o.fresh && first)) {
        const hit = await stored<T>(key);
        if (hit) return hit;
      }
      if (await store.lock(lock, lockTtlMs)) {
        try {
          const value = await load(signal);
          const ttlMs = typeof o.ttlMs === 'function' ? o.ttlMs(value) : o.ttlMs;
          const entry = { value, expiresAt: now() + ttlMs };
          if (ttlMs > 0) await store.set(key, JSON.stringify(entry), ttlMs);
          return entry;
        } finally {
          await store.unlock(lock);
        }
      }
      // Another instance is loading: its value will be in the store shortly. If it gives up
      // (or dies, and its lock expires), the lock is free again and this instance loads.
      await sleep(options.pollMs ?? 50, signal);
    }
  }

  function read<T>(key: string, load: (signal: AbortSignal) => Promise<T>, o: ReadOptions<T>): Promise<Cached<T>> {
    const id = o.fresh ? `${key}#fresh` : key;
    let flight = flights.get(id);
    if (!flight) {
      const controller = new AbortController();
      const promise = fill(key, load, o, controller.signal).finally(() => flights.get(id) === flight && flights.delete(id));
      // Callers that left already saw their own abort; the shared promise must not go unhandled.
      promise.catch(() => {});
      flights.set(id, (flight = { promise, controller, callers: 0 }));
    }
    return join(flight, o.signal) as Promise<Cached<T>>;
  }

  async function update<T>(key: string, change: (value: T) => T): Promise<void> {
    const entry = await stored<T>(key);
    const ttlMs = entry ? entry.expiresAt - now() : 0;
    if (entry && ttlMs > 0) await store.set(key, JSON.stringify({ value: change(entry.value), expiresAt: entry.expiresAt }), ttlMs);
  }

  return { read, update };
}

function join(flight: Flight, signal: AbortSignal | undefined): Promise<Cached<unknown>> {
  flight.callers++;
  if (!signal) {
    // A caller that cannot leave keeps the load alive.
    flight.callers = Infinity;
    return flight.promise;
  }
  return new Promise((resolve, reject) => {
    const leave = () => {
      if (--flight.callers === 0) flight.controller.abort(signal.reason);
      reject(signal.reason);
    };
    if (signal.aborted) return leave();
    signal.addEventListener('abort', leave, { once: true });
    flight.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}
