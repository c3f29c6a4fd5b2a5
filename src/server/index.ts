/**
 * The server proxy: it holds the secret key, forwards only what the widget needs for
 * allow-listed services, validates and rate-limits bookings, caches reads, and answers
 * availability itself. Written against web-standard Request/Response only (no Node imports), so
 * the same handler runs on Node 18+, Deno, Bun, Workers and Next.js route handlers; ./node
 * adapts it to `http`.
 */
import { DEFAULT_API_BASE } from '../api/http.js';
import { defaultClientIp, visitorKey, type ProxyContext } from './client-ip.js';
import type { ProxyDeps } from './deps.js';
import { dispatcher } from './dispatch.js';
import { limiter, unlimited, type Limit } from './limits.js';
import { describe, LOG_PREFIX } from './log.js';
import { memoryStore } from './memory-store.js';
import { origins as createOrigins } from './origin.js';
import { withRateLimitStore, type RateLimitOptions } from './rate-limit.js';
import { readCache } from './read-cache.js';
import { createReads } from './reads.js';
import { replies as createReplies } from './replies.js';
import { resilientStore } from './resilient-store.js';
import type { ProxyStore } from './store.js';
import { bookingWindowFields, readJson } from './bookings.js';
import { createManageRoutes, createManageTokens, withManageLink, type ManageTokens } from './manage.js';
import { withUpstreamFailures } from './upstream-errors.js';
import { BOOKING_ROUTES, MANAGE_ROUTES } from './table.js';
import { upstream, UPSTREAM_DEFAULTS } from './upstream.js';

export { MAX_RANGE_DAYS } from './availability.js';
export { memoryStore, type MemoryStoreOptions } from './memory-store.js';
export { memoryRateLimitStore, type RateLimitOptions, type RateLimitStore } from './rate-limit.js';
export { PROXY_HEADER } from './replies.js';
export type { ProxyStore } from './store.js';
export type { ProxyContext } from './client-ip.js';
export { createManageTokens, MIN_SECRET_BYTES, type ManageTokens } from './manage.js';

/**
 * Takes whatever second argument the runtime passes (Deno's info, Next.js's `{ params }`, our
 * adapter's `{ clientIp }`), so the handler can be handed to any of them as it is.
 */
export type BookingProxyHandler = (request: Request, context?: object) => Promise<Response>;

export interface BookingProxyOptions {
  /** The secret `sk_rsv_` key. Sent upstream only; redacted from everything the proxy answers and logs. */
  apiKey: string;
  /** Upstream API root; default https://api.reservekit.io. */
  apiBase?: string;
  /** Service ids the widget may read and book; every other service is 404. */
  services: readonly (number | string)[];
  /** Where the proxy is mounted, e.g. '/api/booking' (the widget's `api-base`); default ''. */
  basePath?: string;
  /** Upstream fetch; default globalThis.fetch. */
  fetch?: typeof fetch;
  /** Origins of other sites allowed to call (CORS) and to book; '*' allows any. Default none: same-origin only. */
  allowedOrigins?: readonly string[];
  /**
   * Where limits, cached reads and the refresh lock live. Default: in memory, per instance.
   * Several instances share one state with a shared store (`redisStore` from ./redis). A store
   * that fails degrades to per-instance memory, with one log line, never to refused bookings.
   */
  store?: ProxyStore;
  /** Booking attempts per visitor; default 5 per 10 minutes. `false` turns it off. */
  rateLimit?: RateLimitOptions | false;
  /** Reads (service, time slots, availability) per visitor; default 300 per minute. `false` turns it off. */
  readLimit?: Partial<Limit> | false;
  /** The visitor's IP; default `context.clientIp`, then `context.remoteAddr.hostname` (Deno). */
  getClientIp?: (request: Request, context?: ProxyContext) => string | null | undefined;
  /** How long booking counts and availability answers are reused; default 30 000. */
  availabilityTtlMs?: number;
  /** How long the service and its time slots are reused; default 60 000. */
  slotsTtlMs?: number;
  /** Most pages of 100 bookings one availability count reads; default 50. */
  maxBookingPages?: number;
  /** Bookings beyond this many days after the service's today are refused; default 365. */
  maxDaysAhead?: number;
  /** Bookings for times starting sooner than this are refused; default 0 (only the past). */
  minNoticeMinutes?: number;
  /** Upstream answers larger than this are cut off with 502; default 1 048 576. */
  maxUpstreamBytes?: number;
  /** Per upstream request; default 10 000, below the widget's own 15 s so it sees our 504. */
  timeoutMs?: number;
  /** Clock for caches, limits and the booking window. */
  now?: () => Date | number;
  /** Upstream faults and misconfiguration (bad key, unreachable API, failing store); default one console.error line. */
  onError?: (error: unknown) => void;
  /**
   * Manage links: bookings answer with a `manage_token` (and `manage_url`) with which the visitor
   * can view, cancel, reschedule and edit that one booking through `/v1/manage/{token}`.
   */
  manage?: ManageOptions;
}

export interface ManageOptions {
  /** Signs the tokens; at least 32 bytes (`openssl rand -base64 32`). Changing it voids every link issued. */
  secret: string | Uint8Array;
  /** The owner's manage page, `{token}` where the token goes: 'https://example.com/booking/manage?token={token}'. */
  url?: string;
}

export function createBookingProxy(options: BookingProxyOptions): BookingProxyHandler {
  const { apiKey } = options;
  if (typeof apiKey !== 'string' || !apiKey) throw new TypeError('createBookingProxy: apiKey is required');
  if (!Array.isArray(options.services)) throw new TypeError('createBookingProxy: services must be an array of service ids');

  const now = () => Number(options.now?.() ?? Date.now());
  const timeoutMs = options.timeoutMs ?? UPSTREAM_DEFAULTS.timeoutMs;
  // First, so a short secret fails at startup rather than at the first booking.
  const tokens = options.manage ? createManageTokens(options.manage.secret) : null;
  const routes = tokens ? [...BOOKING_ROUTES, ...MANAGE_ROUTES] : BOOKING_ROUTES;
  // The proxy header names the extensions the table serves.
  const plain = createReplies(apiKey, now, [...new Set(routes.flatMap((route) => route.feature ?? []))]);
  const report = options.onError ?? ((error: unknown) => console.error(LOG_PREFIX, plain.redact(describe(error))));
  const replies = withUpstreamFailures(plain, report);

  const rate = options.rateLimit === false ? null : (options.rateLimit ?? {});
  const memory = memoryStore({ now });
  const shared = rate?.store ? withRateLimitStore(rate.store, options.store ?? memory) : options.store;
  const store = shared
    ? resilientStore(shared, {
        now,
        fallback: memory,
        log: (message, cause) => report(cause === undefined ? new Error(message) : new Error(message, { cause })),
      })
    : memory;

  const up = upstream({
    apiBase: options.apiBase ?? DEFAULT_API_BASE,
    apiKey,
    fetch: options.fetch,
    timeoutMs,
    maxBytes: options.maxUpstreamBytes ?? UPSTREAM_DEFAULTS.maxBytes,
  });
  const maxDaysAhead = options.maxDaysAhead ?? 365;
  const reads = createReads(up, readCache(store, { now, lockTtlMs: timeoutMs * 2 }), {
    slotsTtlMs: options.slotsTtlMs ?? 60_000,
    availabilityTtlMs: options.availabilityTtlMs ?? 30_000,
    maxBookingPages: options.maxBookingPages ?? 50,
    maxDaysAhead,
    now,
    warn: (message) => report(new Error(message)),
  });

  const deps: ProxyDeps = {
    up,
    reads,
    replies,
    window: { maxDaysAhead, minNoticeMinutes: options.minNoticeMinutes ?? 0 },
    now,
    services: new Set(options.services.map(String)),
  };
  if (tokens) withManageLinks(deps, tokens, options.manage!.url, report);

  let warnedNoIp = false;
  const visitor = (request: Request, context?: ProxyContext): string => {
    const ip = (options.getClientIp ?? defaultClientIp)(request, context) || '';
    if (!ip && !warnedNoIp) {
      warnedNoIp = true;
      console.warn(`${LOG_PREFIX} The visitor IP is unknown, so all visitors share one limit. Pass getClientIp (see docs/proxy.md).`);
    }
    return ip ? visitorKey(ip) : 'unknown';
  };

  const handle = dispatcher({
    routes,
    basePath: options.basePath ?? '',
    deps,
    origins: createOrigins(options.allowedOrigins ?? []),
    limits: {
      write: rate ? limiter(store, 'booking', { limit: rate.limit ?? 5, windowMs: rate.windowMs ?? 600_000 }, now) : unlimited,
      read: options.readLimit === false ? unlimited : limiter(store, 'read', { limit: options.readLimit?.limit ?? 300, windowMs: options.readLimit?.windowMs ?? 60_000 }, now),
    },
    visitor,
    report,
  });
  return (request, context) => handle(request, context as ProxyContext | undefined);
}

/** Adds manage links to the handlers' deps: tokens on new bookings, and the manage routes. */
function withManageLinks(deps: ProxyDeps, tokens: ManageTokens, url: string | undefined, report: (error: unknown) => void): void {
  const { up, reads, replies } = deps;
  deps.link = (booking, slot, zone) => withManageLink(tokens, url, booking, slot, zone);
  deps.manage = createManageRoutes({
    upstream: {
      getBooking: (id, signal) => up.getBooking(id, signal),
      getService: async (id, signal) => (await reads.service(id, signal)).value,
      timeSlots: async (id, signal, fresh) => (await reads.timeSlots(id, signal, fresh)).value,
      createBooking: (id, input) => up.createBooking(id, input),
      updateBooking: (id, input) => up.updateBooking(id, input),
      updateCustomer: (id, input) => up.updateCustomer(id, input),
    },
    tokens,
    url,
    replies,
    allows: (id) => deps.services.has(id),
    readJson: (request) => readJson(request, replies),
    checkWindow: (date, slot, service) => bookingWindowFields(date, slot, service.timezone, deps),
    now: deps.now,
    record: (id, slot, date, outcome) => reads.recordBooking(id, slot, date, outcome),
    onError: report,
  });
}
