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
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { createClient, type RedisClientType } from 'redis';
import { describe, LOG_PREFIX } from './log.js';
import { resilientStore } from './resilient-store.js';
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

  // Down, slow or reconnecting, Redis is replaced by this instance's memory. node-redis's own
  // command timeout stops only at the write: a command already sent to a Redis that stopped
  // answering would wait for ever.
  const store = resilientStore(redisCommands(client, options.prefix ?? 'rkb:'), {
    timeoutMs: options.commandTimeoutMs ?? 500,
    retryAfterMs: options.retryAfterMs ?? 2000,
    ready: firstConnection(client),
    log: (message) => log(message),
    lines: {
      down: (cause) => `Redis is unreachable (${describe(cause)}): each instance keeps its own limits and caches until it answers again.`,
      up: 'Redis answers again: limits and caches are shared again.',
    },
  });
  // An unhandled 'error' event would end the process; each reconnect attempt emits one, and only
  // the first of an outage is news. 'ready' ends an outage before any call has to prove it.
  // Both stay attached after close(), when the store no longer logs them.
  client.on('error', store.failed).on('ready', store.recovered);
  if (!client.isOpen) client.connect().catch(store.failed);

  return {
    ...store,
    async close() {
      await store.close();
      if (!owned) return;
      // close() waits for every pending reply, which a hung Redis never sends.
      if (client.isReady && !store.down) await client.close();
      else if (client.isOpen) client.destroy();
    },
  };
}

/** Settles at the first connection or the first failure to connect (bounded by connectTimeout). */
function firstConnection(client: RedisClientType): Promise<void> {
  if (client.isReady) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      client.off('ready', done).off('error', done);
      resolve();
    };
    client.on('ready', done).on('error', done);
  });
}

/** The store on Redis alone: every call talks to Redis and fails when Redis does not answer. */
function redisCommands(client: RedisClientType, prefix: string): ProxyStore {
  /** Lock tokens of the locks this instance holds, so unlock can prove ownership. */
  const tokens = new Map<string, string>();
  /** One limiter per limit and window the proxy uses. */
  const limiters = new Map<string, RateLimiterRedis>();
  /** A client of your own may queue commands while it reconnects; a visitor must not wait for that. */
  const ready = () => {
    if (!client.isReady) throw new Error('not connected');
    return client;
  };

  function limiterFor(limit: number, windowMs: number) {
    const id = `${limit}/${windowMs}`;
    let limiter = limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: client,
        useRedisPackage: true,
        rejectIfRedisNotReady: true,
        keyPrefix: `${prefix}rl`,
        points: limit,
        // Redis windows are whole seconds (EXPIRE); a shorter one would never expire.
        duration: Math.max(1, Math.ceil(windowMs / 1000)),
      });
      limiters.set(id, limiter);
    }
    return limiter;
  }

  return {
    consume: (key, limit, windowMs) =>
      limiterFor(limit, windowMs)
        .consume(key)
        .then(
          (res) => verdict(true, res),
          // Over the limit is a rejection carrying the window, not a failure.
          (rejected: unknown) => {
            if (rejected instanceof RateLimiterRes) return verdict(false, rejected);
            throw rejected;
          },
        ),

    get: async (key) => ready().get(prefix + key),

    set: async (key, value, ttlMs) => void (await ready().set(prefix + key, value, { expiration: { type: 'PX', value: wholeMs(ttlMs) } })),

    async lock(key, ttlMs) {
      const token = crypto.randomUUID();
      const taken = await ready().set(prefix + key, token, { condition: 'NX', expiration: { type: 'PX', value: wholeMs(ttlMs) } });
      if (taken !== 'OK') return false;
      tokens.set(key, token);
      return true;
    },

    async unlock(key) {
      const token = tokens.get(key);
      tokens.delete(key);
      if (token) await ready().eval(UNLOCK_SCRIPT, { keys: [prefix + key], arguments: [token] });
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
