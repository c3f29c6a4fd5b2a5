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
  /**
   * Calls wait for this before their first try, outside `timeoutMs` (a first connection): starting
   * in memory would count each visitor twice.
   */
  ready?: Promise<unknown>;
  now?: () => number;
  log: (message: string, cause?: unknown) => void;
  /** The line when the shared store starts failing and the one when it answers again. */
  lines?: { down: (cause: unknown) => string; up: string };
}

/** A store that can also be told about the shared store's health between calls. */
export interface ResilientStore extends ProxyStore {
  /** It failed outside a call (a dropped connection): as a failed call. */
  failed(cause: unknown): void;
  /** It is back (a reconnect): calls go to it again at once. */
  recovered(): void;
  /** From a failure until it answers again. */
  readonly down: boolean;
  /** Closes the shared store; its health is no longer logged. */
  close(): Promise<void>;
}

const LINES = {
  down: () => 'The shared store failed; each instance now keeps its own limits and caches until it answers again.',
  up: 'The shared store answers again; limits and caches are shared again.',
};

export function resilientStore(shared: ProxyStore, options: ResilientStoreOptions): ResilientStore {
  const now = options.now ?? Date.now;
  const fallback = options.fallback ?? memoryStore({ now });
  const timeoutMs = options.timeoutMs ?? 1000;
  const retryAfterMs = options.retryAfterMs ?? 5000;
  const lines = options.lines ?? LINES;
  // Whether the first connection worked, the first call finds out.
  let ready = options.ready?.then(settled, settled);
  void ready?.then(() => (ready = undefined));
  let downUntil = 0;
  let down = false;
  let closed = false;
  /** Locks the shared store gave: released there. One taken in memory is released in memory. */
  const sharedLocks = new Set<string>();

  function failed(cause: unknown) {
    if (closed) return;
    downUntil = now() + retryAfterMs;
    if (down) return;
    down = true;
    options.log(lines.down(cause), cause);
  }
  function recovered() {
    if (closed || !down) return;
    down = false;
    options.log(lines.up);
  }

  /** The shared store's answer, or the fallback's while it is down; `byShared` says which. */
  async function attempt<T>(use: (store: ProxyStore) => Promise<T>): Promise<{ answer: T; byShared: boolean }> {
    if (ready) await ready;
    if (down && now() < downUntil) return { answer: await use(fallback), byShared: false };
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const answer = await Promise.race([
        use(shared),
        new Promise<never>((_, reject) => {
          // After a busy stretch the timer and the store's reply are both due; timers run before
          // socket reads, so the verdict waits for one turn of I/O (a timer set now fires on the
          // next one): a reply that did arrive wins.
          timer = setTimeout(() => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), 0);
          }, timeoutMs);
        }),
      ]);
      // A store that hung and came back says nothing else: its first answer is the news.
      recovered();
      return { answer, byShared: true };
    } catch (error) {
      failed(error);
      return { answer: await use(fallback), byShared: false };
    } finally {
      clearTimeout(timer);
    }
  }
  const call = async <T>(use: (store: ProxyStore) => Promise<T>) => (await attempt(use)).answer;

  return {
    consume: (key, limit, windowMs) => call((s) => s.consume(key, limit, windowMs)),
    get: (key) => call((s) => s.get(key)),
    set: (key, value, ttlMs) => call((s) => s.set(key, value, ttlMs)),
    async lock(key, ttlMs) {
      const { answer, byShared } = await attempt((s) => s.lock(key, ttlMs));
      if (answer && byShared) sharedLocks.add(key);
      return answer;
    },
    async unlock(key) {
      if (!sharedLocks.delete(key)) return fallback.unlock(key);
      // Unreachable: the shared lock expires by itself, and memory holds none of ours.
      await call((s) => (s === shared ? s.unlock(key) : Promise.resolve()));
    },
    failed,
    recovered,
    get down() {
      return down;
    },
    async close() {
      closed = true;
      await shared.close?.();
    },
  };
}

function settled(): void {}
