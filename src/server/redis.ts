/**
 * `redisStore`: the proxy's shared state on Redis, so several instances (a cluster, serverless
 * functions, several hosts) count one booking limit per visitor, load each cached read once and
 * let one instance refresh it for all. Node only (it opens a TCP connection); the proxy itself
 * imports nothing from here, so nobody who stays on the in-memory store installs a Redis client.
 *
 *   import { redisStore } from 'reservekit-booking/server/redis';
 *   createBookingProxy({ apiKey, services, store: redisStore({ url: process.env.REDIS_URL }) });
 *
 * Redis is an optimisation, never a dependency of bookings: while it is unreachable each instance
 * keeps its own limits and caches (what one instance would do alone), the owner hears it once,
 * and the shared state is used again as soon as Redis answers.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { createClient, type RedisClientType } from 'redis';
import { describe, LOG_PREFIX } from './log.js';
import { memoryStore } from './memory-store.js';
import type { ProxyStore } from './store.js';

export interface RedisStoreOptions {
  /** `redis://[[user]:password@]host[:port][/db]`; default redis://localhost:6379. Ignored when `client` is given. */
  url?: string;
  /**
   * A node-redis client you created (for TLS, Sentinel, your own reconnect policy). It is
   * connected if it is not yet, and left open by `close()`: it is yours.
   */
  client?: RedisClientType;
  /** Put before every key, so several sites or environments can share one Redis; default 'rkb:'. */
  prefix?: string;
  /** A call Redis has not answered within this counts as failed and is answered from memory; default 500. */
  commandTimeoutMs?: number;
  /** After a failed command, Redis is left alone for this long before it is tried again; default 2000. */
  retryAfterMs?: number;
  /** Where the one line about an outage (and the one about recovery) goes; default console.error. */
  log?: (message: string) => void;
}

/**
 * Deletes the lock only while it still holds our token: a lock that expired (a slow refresh) and
 * was taken by another instance must not be released by us. The pattern Redis documents for
 * single-instance locks.
 */
const UNLOCK_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export function redisStore(options: RedisStoreOptions = {}): ProxyStore {
  const prefix = options.prefix ?? 'rkb:';
  const retryAfterMs = options.retryAfterMs ?? 2000;
  const timeoutMs = options.commandTimeoutMs ?? 500;
  const log = options.log ?? ((message: string) => console.error(`${LOG_PREFIX} ${message}`));
  const owned = !options.client;
  const client: RedisClientType =
    options.client ??
    createClient({
      url: options.url,
      // Queued commands would wait for a reconnect that may never come; a visitor must not wait
      // for Redis, so while it is away commands fail at once and memory answers.
      disableOfflineQueue: true,
      socket: { connectTimeout: 1000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) },
    });

  const fallback = memoryStore();
  /** Lock tokens of the locks this instance holds, so unlock can prove ownership. */
  const tokens = new Map<string, string>();
  /** One Redis limiter, and its in-memory insurance, per limit and window the proxy uses. */
  const limiters = new Map<string, { redis: RateLimiterRedis; memory: RateLimiterMemory }>();

  let down = false;
  let skipUntil = 0;
  const fail = (error: unknown) => {
    skipUntil = Date.now() + retryAfterMs;
    if (down) return;
    down = true;
    log(`Redis is unreachable (${describe(error)}): each instance keeps its own limits and caches until it answers again.`);
  };
  // An unhandled 'error' event would end the process; each reconnect attempt emits one, and only
  // the first of an outage is news.
  client.on('error', fail);
  const recover = () => {
    skipUntil = 0;
    if (!down) return;
    down = false;
    log('Redis answers again: limits and caches are shared again.');
  };
  client.on('ready', recover);

  // The first requests wait for the first connection (bounded by connectTimeout) rather than
  // starting in memory and counting visitors twice.
  let settled = client.isReady;
  const connecting: Promise<void> = settled
    ? Promise.resolve()
    : new Promise<void>((resolve) => {
        const done = () => {
          settled = true;
          client.off('ready', done).off('error', done);
          resolve();
        };
        client.on('ready', done).on('error', done);
        if (!client.isOpen) client.connect().catch(fail);
      });

  const usable = async () => {
    if (!settled) await connecting;
    return client.isReady && Date.now() >= skipUntil;
  };

  /**
   * Redis when it is there; memory (this instance only) when it is not, or when the call fails
   * or hangs. node-redis's own command timeout stops only at the write: a command already sent
   * to a Redis that stopped answering would wait for ever.
   */
  async function shared<T>(onRedis: () => Promise<T>, onMemory: () => Promise<T>, answersProveRedis = true): Promise<T> {
    if (!(await usable())) return onMemory();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let late: ReturnType<typeof setImmediate> | undefined;
    try {
      const answer = await Promise.race([
        onRedis(),
        new Promise<never>((_, reject) => {
          // After a busy stretch the timer and Redis's reply are both due; timers run before
          // socket reads, so the verdict waits for one turn of I/O: a reply that did arrive wins.
          timer = setTimeout(() => {
            late = setImmediate(() => reject(new Error(`no answer within ${timeoutMs} ms`)));
          }, timeoutMs);
        }),
      ]);
      // A Redis that hung and came back emits no 'ready': its first answer is the news.
      if (down && answersProveRedis && client.isReady) recover();
      return answer;
    } catch (error) {
      fail(error);
      return onMemory();
    } finally {
      clearTimeout(timer);
      if (late) clearImmediate(late);
    }
  }

  function limiterFor(limit: number, windowMs: number) {
    const id = `${limit}/${windowMs}`;
    let pair = limiters.get(id);
    if (!pair) {
      // Redis windows are whole seconds (EXPIRE); a shorter one would never expire.
      const duration = Math.max(1, Math.ceil(windowMs / 1000));
      // Redis down or slow: the same limit, counted per instance, never a refused booking.
      const memory = new RateLimiterMemory({ points: limit, duration });
      const redis = new RateLimiterRedis({
        storeClient: client,
        useRedisPackage: true,
        rejectIfRedisNotReady: true,
        keyPrefix: `${prefix}rl`,
        points: limit,
        duration,
        insuranceLimiter: memory,
      });
      limiters.set(id, (pair = { redis, memory }));
    }
    return pair;
  }

  return {
    consume(key, limit, windowMs) {
      const { redis, memory } = limiterFor(limit, windowMs);
      // Over the limit is a rejection carrying the window, not a failure.
      const count = (limiter: RateLimiterRedis | RateLimiterMemory) =>
        limiter.consume(key).then(
          (res) => verdict(true, res),
          (rejected: unknown) => {
            if (rejected instanceof RateLimiterRes) return verdict(false, rejected);
            throw rejected;
          },
        );
      // A window can come from the insurance while Redis fails, so it proves nothing about Redis.
      return shared(
        () => count(redis),
        () => count(memory),
        false,
      );
    },

    get: (key) =>
      shared(
        () => client.get(prefix + key),
        () => fallback.get(key),
      ),

    set: (key, value, ttlMs) =>
      shared(
        async () => void (await client.set(prefix + key, value, { expiration: { type: 'PX', value: wholeMs(ttlMs) } })),
        () => fallback.set(key, value, ttlMs),
      ),

    lock: (key, ttlMs) =>
      shared(
        async () => {
          const token = crypto.randomUUID();
          const taken = await client.set(prefix + key, token, { condition: 'NX', expiration: { type: 'PX', value: wholeMs(ttlMs) } });
          if (taken !== 'OK') return false;
          tokens.set(key, token);
          return true;
        },
        () => fallback.lock(key, ttlMs),
      ),

    async unlock(key) {
      const token = tokens.get(key);
      tokens.delete(key);
      // No token: the lock was taken in memory during an outage (or never), so memory releases it.
      if (!token) return fallback.unlock(key);
      await shared(
        async () => void (await client.eval(UNLOCK_SCRIPT, { keys: [prefix + key], arguments: [token] })),
        // Unreachable Redis: the lock expires there by itself.
        async () => {},
      );
    },

    async close() {
      client.off('error', fail);
      // Still listening, so a socket error during shutdown cannot become an unhandled 'error'.
      client.on('error', () => {});
      if (!owned) return;
      // close() waits for every pending reply, which a hung Redis never sends.
      if (client.isReady && !down) await client.close();
      else if (client.isOpen) client.destroy();
    },
  };
}

function verdict(allowed: boolean, res: RateLimiterRes) {
  return { allowed, remaining: res.remainingPoints, resetAt: Date.now() + res.msBeforeNext };
}

/** PX takes a positive whole number of milliseconds. */
function wholeMs(ms: number): number {
  return Math.max(1, Math.ceil(ms));
}
