/**
 * The server proxy of SPEC 6: it holds the secret key, forwards only what the widget needs for
 * allow-listed services, validates and rate-limits bookings, and answers availability itself.
 * Written against web-standard Request/Response only (no Node imports), so the same handler
 * runs on Node 18+, Deno, Bun, Workers and Next.js route handlers; ./node adapts it to `http`.
 */
import { DEFAULT_API_BASE, ReserveKitClient } from '../api/client';
import { ReserveKitError, type ReserveKitErrorCode } from '../api/errors';
import type { TimeSlot } from '../api/schemas';
import { validateBookingBody } from '../form/validate';
import { availabilityBetween, countBookings, parseRange } from './availability';
import { createManageRoutes, createManageTokens, matchManage, MANAGE_METHODS, withManageLink, type ManageAction } from './manage';
import { memoryRateLimitStore, type RateLimitOptions } from './rate-limit';

export { MAX_RANGE_DAYS } from './availability';
export { createManageTokens, MIN_SECRET_BYTES, type ManageTokens } from './manage';
export { memoryRateLimitStore, type RateLimitOptions, type RateLimitStore } from './rate-limit';

/** What the proxy reads from the runtime's second argument: our Node adapter passes `clientIp`, `Deno.serve` passes `remoteAddr`. */
export interface ProxyContext {
  clientIp?: string;
  remoteAddr?: { hostname?: string };
}

/**
 * Takes whatever second argument the runtime passes (Deno's info, Next.js's `{ params }`, our
 * adapter's `{ clientIp }`), so the handler can be handed to any of them as it is.
 */
export type BookingProxyHandler = (request: Request, context?: object) => Promise<Response>;

export interface BookingProxyOptions {
  /** The secret `sk_rsv_` key. Sent upstream only; redacted from everything the proxy answers. */
  apiKey: string;
  /** Upstream API root; default https://api.reservekit.io. */
  apiBase?: string;
  /** Service ids the widget may read and book; every other service is 404. */
  services: readonly (number | string)[];
  /** Where the proxy is mounted, e.g. '/api/booking' (the widget's `api-base`); default ''. */
  basePath?: string;
  /** Upstream fetch; default globalThis.fetch. */
  fetch?: typeof fetch;
  /** Origins allowed to call from other sites (CORS); '*' allows any. Default none: same-origin only. */
  allowedOrigins?: readonly string[];
  /** Booking attempts per visitor IP; default 5 per 10 minutes in memory. `false` turns it off. */
  rateLimit?: RateLimitOptions | false;
  /** The visitor's IP; default `context.clientIp`, then `context.remoteAddr.hostname` (Deno). */
  getClientIp?: (request: Request, context?: ProxyContext) => string | null | undefined;
  /** How long booking counts are reused; default 30 000. */
  availabilityTtlMs?: number;
  /** How long a service's time slots are reused for checks and availability; default 300 000. */
  slotsTtlMs?: number;
  /** Per upstream request; default 10 000, below the widget's own 15 s so it sees our 504. */
  timeoutMs?: number;
  /** Clock for caches and the in-memory rate limit. */
  now?: () => Date | number;
  /** Upstream faults and misconfiguration (bad key, unreachable API); default console.error. */
  onError?: (error: unknown) => void;
  /**
   * Manage links: bookings answer with a `manage_token` (and `manage_url`) with which the visitor
   * can view, cancel, reschedule and edit that one booking through `/v1/manage/{token}`.
   */
  manage?: ManageOptions;
}

export interface ManageOptions {
  /** Signs the tokens; at least 32 bytes (`openssl rand -base64 32`). Changing it voids every link. */
  secret: string | Uint8Array;
  /** The owner's manage page, with `{token}` where the token goes, e.g. 'https://example.com/booking/manage?token={token}'. */
  url?: string;
}

const MAX_BODY_CHARS = 16_384;
const PAGE_SIZE = 100;
const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};
/** Server codes for client codes, for upstream errors that came without one (the string shape). */
const SERVER_CODES: Record<ReserveKitErrorCode, string> = {
  slot_full: 'time_slot_full',
  duplicate: 'duplicate_booking',
  validation: 'validation_error',
  rate_limited: 'rate_limit_exceeded',
  unauthorized: 'unauthorized',
  not_found: 'not_found',
  network: 'bad_gateway',
  timeout: 'gateway_timeout',
  server: 'upstream_error',
  bad_response: 'bad_gateway',
};
const LABELS: Record<string, string> = {
  body: 'The request body',
  date: 'Date',
  time_slot_id: 'Time slot',
  customer_name: 'Name',
  customer_email: 'Email',
  customer_phone: 'Phone',
  message: 'Message',
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  reason: 'Reason',
};
const PROBLEMS: Record<string, string> = { required: 'is required', invalid: 'is not valid', too_long: 'is too long' };

type Route =
  | { kind: 'service' | 'time-slots' | 'availability'; serviceId: string; method: 'GET' }
  | { kind: 'bookings'; method: 'POST' }
  | { kind: 'services'; method: 'GET' }
  | { kind: 'manage'; action: ManageAction; token: string; method: 'GET' | 'POST' | 'PATCH' };

interface Cached<T> {
  at: number;
  value: Promise<T>;
}

interface ErrorInit {
  details?: Record<string, string>;
  retryAfter?: number;
  headers?: Record<string, string>;
}

export function createBookingProxy(options: BookingProxyOptions): BookingProxyHandler {
  const { apiKey } = options;
  if (typeof apiKey !== 'string' || !apiKey) throw new TypeError('createBookingProxy: apiKey is required');
  if (!Array.isArray(options.services)) throw new TypeError('createBookingProxy: services must be an array of service ids');

  const services = new Set(options.services.map(String));
  const basePath = '/' + (options.basePath ?? '').replace(/^\/+|\/+$/g, '');
  const origins = new Set((options.allowedOrigins ?? []).map((o) => (o === '*' ? o : originOf(o))));
  const clock = () => Number(options.now?.() ?? Date.now());
  const rate = options.rateLimit === false ? null : (options.rateLimit ?? {});
  const limit = rate && { limit: rate.limit ?? 5, windowMs: rate.windowMs ?? 600_000, store: rate.store ?? memoryRateLimitStore(clock) };
  // Any secret-looking key, and our own key whatever its form. A key shorter than any real one
  // would also match ordinary text, so it is left to the sk_rsv_ pattern.
  const redact = (text: string) => {
    const out = text.replace(/sk_rsv_[\w-]+/g, '[redacted]');
    return apiKey.length < 8 ? out : out.split(apiKey).join('[redacted]');
  };
  const onError = options.onError ?? ((error: unknown) => console.error('[reservekit-booking/server]', redact(summarize(error))));
  const client = new ReserveKitClient({
    apiBase: options.apiBase ?? DEFAULT_API_BASE,
    apiKey,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 10_000,
    // The widget retries its own reads with backoff; retrying here too would multiply the wait.
    retries: 0,
  });
  const tokens = options.manage ? createManageTokens(options.manage.secret) : null;
  const slotCache = new Map<string, Cached<TimeSlot[]>>();
  const countCache = new Map<string, Cached<Map<string, number>>>();
  let warnedNoIp = false;

  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    // Redacting the serialized text, not just the messages we build, is what makes "the key
    // never appears in a response" hold for upstream data too.
    new Response(redact(JSON.stringify(body)), { status, headers: { ...JSON_HEADERS, ...headers } });

  const fail = (status: number, code: string, message: string, init: ErrorInit = {}) => {
    const error: Record<string, unknown> = { code, message: redact(message).slice(0, 500) };
    if (init.details) error.details = init.details;
    const headers = { ...init.headers };
    if (init.retryAfter != null) {
      error.retry_after = init.retryAfter;
      headers['Retry-After'] = String(init.retryAfter);
    }
    return json(status, { error }, headers);
  };

  const notFound = () => fail(404, 'not_found', 'not found');

  const invalid = (fields: Record<string, string>) => {
    const details: Record<string, string> = {};
    for (const [field, problem] of Object.entries(fields)) {
      details[field] = PROBLEMS[problem] ? `${LABELS[field] ?? field} ${PROBLEMS[problem]}` : problem;
    }
    return fail(400, 'validation_error', Object.values(details)[0]!, { details });
  };

  /** Upstream failures in the envelope the widget's client parses; an HTTP error keeps its status. */
  const fromUpstream = (e: ReserveKitError) => {
    const status = e.status ?? 0;
    const answered = e.code !== 'network' && e.code !== 'timeout' && e.code !== 'bad_response' && status >= 400 && status <= 599;
    // 401/403 mean our own key is wrong: the owner must hear it, the visitor cannot fix it.
    if (!answered || status >= 500 || status === 401 || status === 403) onError(e);
    if (e.code === 'timeout') return fail(504, 'gateway_timeout', 'The booking service did not answer in time');
    if (e.code === 'network') return fail(502, 'bad_gateway', 'The booking service could not be reached');
    if (!answered) return fail(502, 'bad_gateway', 'The booking service sent an unexpected response');
    const code = e.serverCode && /^[\w.-]{1,64}$/.test(e.serverCode) ? e.serverCode : SERVER_CODES[e.code];
    // 5xx text can carry upstream internals, so only 4xx messages (the ones the widget shows) pass.
    return fail(status, code, status >= 500 ? 'The booking service had a problem' : e.message, {
      details: e.fields && Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, redact(v).slice(0, 500)])),
      retryAfter: status === 429 ? (e.retryAfter ?? 60) : undefined,
    });
  };

  /** One in-flight load per key: a burst of visitors costs one upstream round, and failures are not kept. */
  function cached<T>(cache: Map<string, Cached<T>>, key: string, ttl: number, load: () => Promise<T>, fresh = false): Promise<T> {
    const hit = cache.get(key);
    if (!fresh && hit && clock() - hit.at < ttl) return hit.value;
    const entry = { at: clock(), value: load() };
    cache.set(key, entry);
    entry.value.catch(() => cache.get(key) === entry && cache.delete(key));
    return entry.value;
  }

  const slotsOf = (serviceId: string, fresh = false) =>
    cached(slotCache, serviceId, options.slotsTtlMs ?? 300_000, () => client.listServiceTimeSlots(serviceId), fresh);

  const countsOf = (serviceId: string) =>
    cached(countCache, serviceId, options.availabilityTtlMs ?? 30_000, async () => {
      // Counted page by page, so no customer data outlives the page it came in.
      const counts = new Map<string, number>();
      for (let page = 1; ; page++) {
        const { bookings, pagination } = await client.listBookings({ service_id: serviceId, page, page_size: PAGE_SIZE });
        countBookings(bookings, counts);
        if (!bookings.length || page >= pagination.total_pages) return counts;
      }
    });

  function route(pathname: string): Route | null {
    if (basePath !== '/' && !pathname.startsWith(basePath + '/')) return null;
    const path = basePath === '/' ? pathname : pathname.slice(basePath.length);
    if (path === '/v1/bookings') return { kind: 'bookings', method: 'POST' };
    if (path === '/v1/services') return { kind: 'services', method: 'GET' };
    const manage = tokens && matchManage(path);
    if (manage) return { kind: 'manage', ...manage, method: MANAGE_METHODS[manage.action] };
    const m = /^\/v1\/services\/([^/]+)(?:\/(time-slots|availability))?$/.exec(path);
    return m ? { kind: (m[2] as 'time-slots' | 'availability' | undefined) ?? 'service', serviceId: m[1]!, method: 'GET' } : null;
  }

  /** Allowed here means allowed cross-origin; same-origin calls need no CORS headers at all. */
  const allowsOrigin = (origin: string | null) => !!origin && (origins.has('*') || origins.has(origin));

  function preflight(request: Request, r: Route): Response {
    const origin = request.headers.get('Origin');
    const allow = `${r.method}, OPTIONS`;
    if (!origin) return new Response(null, { status: 204, headers: { Allow: allow } });
    if (!allowsOrigin(origin)) return fail(403, 'forbidden', 'origin not allowed');
    return new Response(null, {
      status: 204,
      headers: {
        Allow: allow,
        'Access-Control-Allow-Methods': allow,
        'Access-Control-Allow-Headers': 'Content-Type',
        'Access-Control-Max-Age': '600',
      },
    });
  }

  /** A 429 response when this visitor is over the limit, else null. */
  async function limited(request: Request, context?: ProxyContext, bucket = 'booking'): Promise<Response | null> {
    if (!limit) return null;
    const ip = (options.getClientIp ?? defaultClientIp)(request, context) || '';
    if (!ip && !warnedNoIp) {
      warnedNoIp = true;
      console.warn(
        '[reservekit-booking/server] The visitor IP is unknown, so all visitors share one booking limit. Pass getClientIp (see docs/proxy.md).',
      );
    }
    let hit: { count: number; resetAt: number };
    try {
      hit = await limit.store.hit(`${bucket}:${ip || 'unknown'}`, limit.windowMs);
    } catch (error) {
      // A shared store that is down should not take bookings down with it.
      onError(error);
      return null;
    }
    if (hit.count <= limit.limit) return null;
    const retryAfter = Math.max(1, Math.ceil((hit.resetAt - clock()) / 1000));
    return fail(429, 'rate_limit_exceeded', 'Too many booking attempts, please wait', { retryAfter });
  }

  /** The JSON body, or the answer for one that is too large or not JSON. */
  async function readJson(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
    const tooLarge = () => ({ ok: false as const, response: fail(413, 'payload_too_large', 'request body too large') });
    if (Number(request.headers.get('Content-Length')) > MAX_BODY_CHARS) return tooLarge();
    const text = await request.text();
    if (text.length > MAX_BODY_CHARS) return tooLarge();
    try {
      return { ok: true, body: JSON.parse(text) };
    } catch {
      return { ok: false, response: invalid({ body: 'invalid' }) };
    }
  }

  const manage =
    tokens &&
    createManageRoutes({
      upstream: {
        getBooking: (id) => client.getBooking(id),
        getService: (id) => client.getService(id),
        timeSlots: (id) => slotsOf(id),
        createBooking: (serviceId, input) => client.createBooking(input, { serviceId }),
        updateBooking: (id, input) => client.updateBooking(id, input),
        updateCustomer: (id, input) => client.updateBookingCustomer(id, input),
      },
      tokens,
      url: options.manage!.url,
      replies: { json: (status, body) => json(status, body), fail: (status, code, message) => fail(status, code, message), notFound, invalid, fromUpstream },
      allows: (id) => services.has(id),
      readJson,
      limited: (request, context) => limited(request, context as ProxyContext | undefined, 'manage'),
      now: clock,
      changed: (serviceId) => countCache.delete(serviceId),
      onError,
    });

  /** The allow-listed services in the owner's order; one that no longer exists upstream is left out. */
  async function listServices(): Promise<Response> {
    const found = await Promise.all(
      [...services].map((id) =>
        client.getService(id).catch((e) => {
          if (e instanceof ReserveKitError && e.code === 'not_found') return null;
          throw e;
        }),
      ),
    );
    const list = found.filter((s) => s !== null);
    const pagination = { current_page: 1, total_pages: 1, total_count: list.length, page_size: list.length };
    return json(200, { data: { services: list, pagination } });
  }

  async function createBooking(request: Request, url: URL, context?: ProxyContext): Promise<Response> {
    const serviceId = url.searchParams.get('service_id');
    if (!serviceId) return invalid({ service_id: 'service_id is required' });
    if (!services.has(serviceId)) return notFound();
    const tooMany = await limited(request, context);
    if (tooMany) return tooMany;

    const read = await readJson(request);
    if (!read.ok) return read.response;
    // The widget's own rules, so a body it would never send is refused before it costs an API call.
    const checked = validateBookingBody(read.body, { requireName: true, requireEmail: true });
    if (!checked.ok) return invalid(checked.fields);
    const input = checked.value;

    const owns = (slots: TimeSlot[]) => slots.find((s) => s.id === input.time_slot_id);
    // A miss re-reads once, so a slot the owner added a minute ago is not refused for the TTL.
    const slot = owns(await slotsOf(serviceId)) ?? owns(await slotsOf(serviceId, true));
    if (!slot) return invalid({ time_slot_id: 'Time slot does not belong to this service' });
    if (new Date(input.date).getUTCDay() !== slot.day_of_week) return invalid({ date: "Date is not on the time slot's day of the week" });

    // Read before booking: once the booking exists, nothing may fail between it and the answer.
    const zone = tokens ? (await client.getService(serviceId)).timezone : undefined;
    try {
      const booking = await client.createBooking(input, { serviceId });
      return json(201, { data: tokens ? await withManageLink(tokens, options.manage!.url, booking, slot, zone!) : booking });
    } finally {
      // Success, "full" and an unknown outcome all mean the counts we hold may be wrong now.
      countCache.delete(serviceId);
    }
  }

  async function answer(request: Request, context?: ProxyContext): Promise<Response> {
    const url = new URL(request.url);
    const r = route(url.pathname);
    // Not allow-listed looks exactly like not existing, so the proxy does not reveal which ids exist.
    if (!r || ('serviceId' in r && !services.has(r.serviceId))) return notFound();
    if (request.method === 'OPTIONS') return preflight(request, r);
    if (request.method !== r.method) return fail(405, 'method_not_allowed', 'method not allowed', { headers: { Allow: `${r.method}, OPTIONS` } });
    switch (r.kind) {
      case 'bookings':
        return createBooking(request, url, context);
      case 'services':
        return listServices();
      case 'manage':
        return manage!(r.action, r.token, request, context);
      case 'service':
        return json(200, { data: await client.getService(r.serviceId) });
      case 'time-slots':
        // Always fresh for the widget (the owner may just have changed slots), and it refreshes our cache.
        return json(200, { data: await slotsOf(r.serviceId, true) });
      case 'availability': {
        const range = parseRange(url.searchParams.get('from'), url.searchParams.get('to'));
        if (!range.ok) return invalid(range.fields);
        const [slots, counts] = await Promise.all([slotsOf(r.serviceId), countsOf(r.serviceId)]);
        return json(200, { data: { from: range.from, to: range.to, availability: availabilityBetween(slots, counts, range.from, range.to) } });
      }
    }
  }

  return async function bookingProxy(request, context) {
    let response: Response;
    try {
      response = await answer(request, context as ProxyContext | undefined);
    } catch (error) {
      if (error instanceof ReserveKitError) response = fromUpstream(error);
      else {
        onError(error);
        response = fail(500, 'internal_error', 'internal error');
      }
    }
    const origin = request.headers.get('Origin');
    if (allowsOrigin(origin)) {
      response.headers.set('Access-Control-Allow-Origin', origin!);
      // Without this a cross-origin widget could not read Retry-After for its countdown.
      response.headers.set('Access-Control-Expose-Headers', 'Retry-After');
    }
    if (origins.size) response.headers.append('Vary', 'Origin');
    return response;
  };
}

function defaultClientIp(_request: Request, context?: ProxyContext): string | undefined {
  return context?.clientIp ?? context?.remoteAddr?.hostname;
}

function originOf(value: string): string {
  try {
    return new URL(value).origin;
  } catch {
    return value;
  }
}

function summarize(error: unknown): string {
  if (error instanceof ReserveKitError) return `upstream ${error.code}${error.status ? ` (HTTP ${error.status})` : ''}: ${error.message}`;
  return error instanceof Error ? error.stack ?? error.message : String(error);
}
