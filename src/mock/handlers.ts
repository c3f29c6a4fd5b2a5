/**
 * The one request pipeline (log, injected faults, latency, auth, rate limit, route) and the
 * msw handlers that feed it. `handle()` runs these same handlers through msw's getResponse, so
 * the service-worker path and the in-process path cannot drift apart.
 */
import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import {
  CORS_HEADERS,
  MockHttpError,
  PREFLIGHT_HEADERS,
  describeStatus,
  errorBody,
  jsonResponse,
  type ErrorShape,
} from './responses.js';
import { PROXY_HEADER } from '../api/widget-calls.js';
import { createStandIn, type ManageStandInOptions } from './proxy-stand-in.js';
import { matchPattern, routes, type Route, type RouteContext } from './routes.js';
import { timestamp, type MockStore } from './store.js';

export type RateLimitOptions = {
  /** Requests allowed per window, shared by all `methods`. */
  limit: number;
  /** Fixed window length; default 60 000. */
  windowMs?: number;
  /** Fixed Retry-After on 429; default: seconds until the window resets. */
  retryAfterSeconds?: number;
  /** Methods that count; default ['POST'] (the seeds rate-limit booking creation). */
  methods?: string[];
};

export type ResolvedMockApiOptions = {
  apiBase: string;
  latencyMs: number;
  errorShape: ErrorShape;
  rateLimit: RateLimitOptions | null;
  apiKey: string | undefined;
  now: () => Date;
  manage: ManageStandInOptions | undefined;
  availability: boolean;
};

export type MockRequestLogEntry = {
  method: string;
  url: URL;
  body: unknown;
  headers: Headers;
  /** Made by the proxy stand-in's manage routes to this API, not by a client. */
  internal?: boolean;
};

export type FailMatch = {
  method?: string;
  /** Path below apiBase, e.g. '/v1/bookings' or '/v1/services/:id'; a RegExp is tested against that path. */
  path?: string | RegExp;
  /** How many matching requests fail; default 1, Infinity for all. */
  times?: number;
};

export type InjectedFailure =
  | {
      status: number;
      /** Object: sent as JSON. String: sent verbatim (text/plain unless headers say otherwise). Absent: an error body in the current shape. */
      body?: unknown;
      headers?: Record<string, string>;
    }
  | 'network'
  | { delayMs: number };

export type MockRuntime = {
  options: ResolvedMockApiOptions;
  store: MockStore;
  requests: MockRequestLogEntry[];
  failures: { match: FailMatch; failure: InjectedFailure; remaining: number }[];
  rateWindow: { start: number; count: number };
};

// Statuses whose responses must not have a body (the Response constructor throws otherwise).
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

function currentLocation(): string | undefined {
  return (globalThis as { location?: { href: string } }).location?.href;
}

/** The request's path below apiBase ('' for apiBase itself), or null when it is not the API's. */
export function pathBelowBase(apiBase: string, url: URL): string | null {
  let base: URL;
  try {
    base = new URL(apiBase, currentLocation());
  } catch {
    return null;
  }
  if (url.origin !== base.origin) return null;
  const prefix = base.pathname.replace(/\/+$/, '');
  if (url.pathname === prefix) return '';
  return url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : null;
}

export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** Latency that stops, with the signal's reason, when the caller aborts: nothing after it runs. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

async function readBody(request: Request): Promise<{ body: unknown; invalid: boolean }> {
  if (request.body === null) return { body: null, invalid: false };
  const text = await request.clone().text();
  if (text.trim() === '') return { body: null, invalid: false };
  try {
    return { body: JSON.parse(text), invalid: false };
  } catch {
    return { body: null, invalid: true };
  }
}

function failMatches(match: FailMatch, method: string, path: string): boolean {
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path === undefined) return true;
  if (match.path instanceof RegExp) return match.path.test(path);
  return matchPattern(match.path, path) !== null;
}

function takeFailure(rt: MockRuntime, method: string, path: string): InjectedFailure | undefined {
  const index = rt.failures.findIndex((f) => failMatches(f.match, method, path));
  if (index < 0) return undefined;
  const entry = rt.failures[index];
  entry.remaining -= 1;
  if (entry.remaining <= 0) rt.failures.splice(index, 1);
  return entry.failure;
}

function mergeHeaders(...sources: (Record<string, string> | undefined)[]): Headers {
  const headers = new Headers();
  for (const source of sources) for (const [name, value] of Object.entries(source ?? {})) headers.set(name, value);
  return headers;
}

function injectedResponse(rt: MockRuntime, failure: { status: number; body?: unknown; headers?: Record<string, string> }): Response {
  const { status } = failure;
  if (NULL_BODY_STATUSES.has(status)) return new HttpResponse(null, { status, headers: mergeHeaders(CORS_HEADERS, failure.headers) });
  if (typeof failure.body === 'string') {
    const headers = mergeHeaders({ 'Content-Type': 'text/plain' }, CORS_HEADERS, failure.headers);
    return new HttpResponse(failure.body, { status, headers });
  }
  let body = failure.body;
  if (body === undefined) {
    const { code, message } = describeStatus(status);
    body = status < 400 ? { data: null } : errorBody(rt.options.errorShape, status, code, message);
  }
  return jsonResponse(status, body, mergeHeaders(failure.headers));
}

function checkApiKey(apiKey: string | undefined, headers: Headers): string | null {
  if (!apiKey) return null;
  const authorization = headers.get('Authorization');
  if (!authorization) return 'missing API key';
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  return match && match[1] === apiKey ? null : 'invalid API key';
}

type RateCount = { exceeded: boolean; retryAfter: number; headers: Record<string, string> };

function countRequest(rt: MockRuntime, method: string): RateCount | null {
  const limit = rt.options.rateLimit;
  if (!limit) return null;
  const methods = (limit.methods ?? ['POST']).map((m) => m.toUpperCase());
  if (!methods.includes(method.toUpperCase())) return null;
  const windowMs = limit.windowMs ?? 60_000;
  // Real time, not options.now: a frozen test clock must not freeze the window shut.
  const now = Date.now();
  if (rt.rateWindow.count === 0 || now >= rt.rateWindow.start + windowMs) rt.rateWindow = { start: now, count: 0 };
  rt.rateWindow.count += 1;
  const resetAt = rt.rateWindow.start + windowMs;
  return {
    exceeded: rt.rateWindow.count > limit.limit,
    retryAfter: limit.retryAfterSeconds ?? Math.max(1, Math.ceil((resetAt - now) / 1000)),
    headers: {
      'X-RateLimit-Limit': String(limit.limit),
      'X-RateLimit-Remaining': String(Math.max(0, limit.limit - rt.rateWindow.count)),
      'X-RateLimit-Reset': String(Math.ceil(resetAt / 1000)),
    },
  };
}

function errorResponse(rt: MockRuntime, error: MockHttpError, headers: Record<string, string> = {}, retryAfter?: number): Response {
  const body = errorBody(rt.options.errorShape, error.status, error.code, error.message, { details: error.details, retryAfter });
  return jsonResponse(error.status, body, mergeHeaders(headers));
}

/**
 * Answers one request addressed to the API; `route` null means no endpoint has this method and
 * path. `internal` requests come from the proxy stand-in's own upstream calls: logged and open to
 * injected failures like any other, but without a second helping of latency or rate limiting.
 */
async function serve(rt: MockRuntime, request: Request, route: Route | null, params: Record<string, string>, link: RouteContext['link'], internal = false): Promise<Response> {
  const { signal } = request;
  // A fetch whose signal is already aborted never leaves the browser: no log entry.
  if (signal.aborted) throw abortReason(signal);
  const url = new URL(request.url);
  const path = pathBelowBase(rt.options.apiBase, url) ?? url.pathname;
  const { body, invalid } = await readBody(request);
  rt.requests.push({ method: request.method, url, body, headers: new Headers(request.headers), ...(internal ? { internal } : {}) });

  const failure = takeFailure(rt, request.method, path);
  const extraDelay = typeof failure === 'object' && 'delayMs' in failure ? failure.delayMs : 0;
  await sleep((internal ? 0 : rt.options.latencyMs) + extraDelay, signal);
  if (failure === 'network') return HttpResponse.error();
  if (typeof failure === 'object' && 'status' in failure) return injectedResponse(rt, failure);

  if (request.method === 'OPTIONS') return new HttpResponse(null, { status: 204, headers: PREFLIGHT_HEADERS });

  const denied = checkApiKey(rt.options.apiKey, request.headers);
  if (denied) return errorResponse(rt, new MockHttpError(401, 'unauthorized', denied), { 'WWW-Authenticate': 'Bearer' });

  const rate = internal ? null : countRequest(rt, request.method);
  if (rate?.exceeded) {
    const headers = { ...rate.headers, 'Retry-After': String(rate.retryAfter) };
    return errorResponse(rt, new MockHttpError(429, 'rate_limit_exceeded', 'rate limit exceeded'), headers, rate.retryAfter);
  }

  try {
    if (!route) throw new MockHttpError(404, 'not_found', 'not found');
    const result = await route.run({
      store: rt.store,
      at: timestamp(rt.options.now()),
      url,
      params,
      body,
      bodyInvalid: invalid,
      request,
      link,
    });
    if (result instanceof Response) {
      for (const [name, value] of Object.entries({ ...CORS_HEADERS, ...rate?.headers })) result.headers.set(name, value);
      return result;
    }
    return jsonResponse(result.status ?? 200, { data: result.data }, mergeHeaders(rate?.headers));
  } catch (error) {
    if (error instanceof MockHttpError) return errorResponse(rt, error, rate?.headers);
    // A bug in the mock should look like a server bug to the client, and be visible to us.
    console.error('reservekit mock: unhandled error', error);
    return errorResponse(rt, new MockHttpError(500, 'internal_error', 'internal server error'), rate?.headers);
  }
}

const byMethod = { GET: http.get, POST: http.post, PATCH: http.patch, DELETE: http.delete } as const;

/**
 * One msw handler per endpoint, then a catch-all for the rest of apiBase (404, and OPTIONS
 * preflights). Predicates read apiBase at request time so setOptions({ apiBase }) applies
 * to a running worker too.
 */
export function createHandlers(rt: MockRuntime): HttpHandler[] {
  const standIn = createStandIn(() => ({
    store: rt.store,
    manage: rt.options.manage,
    availability: rt.options.availability,
    now: rt.options.now,
    upstream: { apiBase: rt.options.apiBase, apiKey: rt.options.apiKey ?? '', fetch: internalFetch },
  }));
  const all: readonly Route[] = [...routes, ...standIn.routes];
  const serveRoute = async (request: Request, route: Route | null, params: Record<string, string>, internal?: boolean) => {
    // The stand-in's own calls reach the plain API, which has no manage links: the stand-in adds
    // the link itself, as the proxy does, so a rescheduled booking's token is signed once.
    const response = await serve(rt, request, route, params, internal ? undefined : standIn.link(), internal);
    // Standing in for the proxy, every answer names what it serves, as the proxy's do.
    const features = [rt.options.availability || rt.options.manage ? 'availability' : '', rt.options.manage ? 'manage' : ''].filter(Boolean);
    if (features.length && response.type !== 'error') response.headers.set(PROXY_HEADER, features.join(', '));
    return response;
  };

  /** The stand-in's upstream: straight into this API, not through msw (or a service worker) again. */
  async function internalFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    const path = pathBelowBase(rt.options.apiBase, new URL(request.url)) ?? '';
    let params: Record<string, string> | null = null;
    const route = all.find((r) => r.method === request.method && (params = matchPattern(r.pattern, path)) !== null) ?? null;
    const response = await serveRoute(request, route, params ?? {}, true);
    if (response.type === 'error') throw new TypeError('Failed to fetch');
    return response;
  }

  const endpointHandlers = all.map((route) =>
    byMethod[route.method](
      ({ request }) => {
        const path = pathBelowBase(rt.options.apiBase, new URL(request.url));
        const params = path === null ? null : matchPattern(route.pattern, path);
        return params ? { matches: true, params } : false;
      },
      ({ request, params }) => serveRoute(request, route, params as Record<string, string>),
    ),
  );
  const fallback = http.all(
    ({ request }) => pathBelowBase(rt.options.apiBase, new URL(request.url)) !== null,
    ({ request }) => serveRoute(request, null, {}),
  );
  return [...endpointHandlers, fallback];
}
