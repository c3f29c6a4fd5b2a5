/**
 * The zero-setup ProxyStore: one Map per kind of state, in this process only. Every operation is
 * O(1): expired entries are dropped from the oldest end a few at a time on each write, and past
 * `maxEntries` the oldest entry goes, so a flood of distinct visitors costs bounded memory and
 * never a scan.
 */
import type { ProxyStore } from './store.js';

export interface MemoryStoreOptions {
  /** Entries kept per kind (windows, cached values, locks); default 100 000. */
  maxEntries?: number;
  /** Clock in epoch ms; default Date.now. */
  now?: () => number;
}

interface Expiring {
  expiresAt: number;
}

/**
 * A Map used oldest-first. Entries are re-inserted when renewed, so insertion order is the order
 * they were (re)started in: the head is always the best candidate to expire or evict.
 */
class ExpiringMap<V extends Expiring> {
  readonly #map = new Map<string, V>();
  /**
   * A live iterator kept across calls: a fresh `entries()` would walk over every entry deleted
   * from the front since V8 last compacted the table (O(deleted) per call).
   */
  #cursor: MapIterator<[string, V]> | null = null;
  #front: [string, V] | undefined;
  /** The oldest live entry. */
  #oldest(): [string, V] | undefined {
    while (true) {
      // Still there and not renewed (a renewal moves it to the back): still the oldest.
      if (this.#front && this.#map.get(this.#front[0]) === this.#front[1]) return this.#front;
      this.#cursor ??= this.#map.entries();
      const next = this.#cursor.next();
      if (next.done) {
        this.#cursor = null;
        this.#front = undefined;
        if (!this.#map.size) return undefined;
        continue;
      }
      this.#front = next.value;
    }
  }
  constructor(
    private readonly max: number,
    private readonly now: () => number,
  ) {}

  /** The live entry, or undefined; an expired one is dropped on the way. */
  get(key: string): V | undefined {
    const entry = this.#map.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.#map.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, entry: V): void {
    this.#map.delete(key);
    this.#map.set(key, entry);
    this.#trim();
  }

  delete(key: string): void {
    this.#map.delete(key);
  }

  #trim(): void {
    const t = this.now();
    // Two per write outpaces one insertion per write, so expired entries cannot pile up.
    for (let i = 0; i < 2; i++) {
      const head = this.#oldest();
      if (!head || head[1].expiresAt > t) break;
      this.#map.delete(head[0]);
    }
    while (this.#map.size > this.max) this.#map.delete(this.#oldest()![0]);
  }
}

/** Fixed windows: the first hit of a key opens one of `windowMs`. */
export interface WindowCounter {
  hit(key: string, windowMs: number): { count: number; resetAt: number };
}

export function windowCounter(options: MemoryStoreOptions = {}): WindowCounter {
  const now = options.now ?? Date.now;
  const windows = new ExpiringMap<{ count: number; expiresAt: number }>(options.maxEntries ?? 100_000, now);
  return {
    hit(key, windowMs) {
      let w = windows.get(key);
      if (!w) windows.set(key, (w = { count: 0, expiresAt: now() + windowMs }));
      w.count++;
      return { count: w.count, resetAt: w.expiresAt };
    },
  };
}

export function memoryStore(options: MemoryStoreOptions = {}): ProxyStore {
  const now = options.now ?? Date.now;
  const max = options.maxEntries ?? 100_000;
  const counter = windowCounter(options);
  const values = new ExpiringMap<{ value: string; expiresAt: number }>(max, now);
  const locks = new ExpiringMap<Expiring>(max, now);
  return {
    async consume(key, limit, windowMs) {
      const { count, resetAt } = counter.hit(key, windowMs);
      return { allowed: count <= limit, remaining: Math.max(0, limit - count), resetAt };
    },
    async get(key) {
      return values.get(key)?.value ?? null;
    },
    async set(key, value, ttlMs) {
      values.set(key, { value, expiresAt: now() + ttlMs });
    },
    async lock(key, ttlMs) {
      if (locks.get(key)) return false;
      locks.set(key, { expiresAt: now() + ttlMs });
      return true;
    },
    async unlock(key) {
      locks.delete(key);
    },
  };
}
