/**
 * The one generic request function behind every client method: URL building, auth, per-attempt
 * timeout, caller abort, GET-only retry with backoff, error-body parsing and zod validation.
 */
import * as z from 'zod/mini';
import { ReserveKitError, type ReserveKitErrorCode, type ReserveKitErrorInit } from './errors.js';
import { AvailabilityEntrySchema, anyList } from './schemas.js';
import { sliced } from './tasks.js';

export const DEFAULT_API_BASE = 'https://api.reservekit.io';

export interface ClientOptions {
  /** Default `https://api.reservekit.io`. May be relative (`/api/booking`): resolved against `location.href`. */
  apiBase?: string;
  /** Sent as `Authorization: Bearer <key>`. */
  apiKey?: string;
  /** Default `globalThis.fetch`, looked up on every call so late polyfills and test stubs are seen. */
  fetch?: typeof fetch;
  /** Per attempt, default 15000. */
  timeoutMs?: number;
  /** Extra attempts for GETs, default 3. Writes are never retried. */
  retries?: number;
  /** Default 500. */
  retryBaseMs?: number;
  /** Longest wait between attempts, default 8000. A longer `Retry-After` is surfaced instead of waited out. */
  retryMaxMs?: number;
  /** @internal Lets tests observe retry delays without waiting. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Overrides `ClientOptions.timeoutMs` for this call. */
  timeoutMs?: number;
  /** Sees the headers of every answer, errors included (e.g. to learn what a proxy serves: `servesAvailability`). */
  onHeaders?: (headers: Headers) => void;
}

export interface CallInit extends RequestOptions {
  query?: object;
  body?: unknown;
}

const MESSAGES: Record<ReserveKitErrorCode, string> = {
  slot_full: 'This time slot is full',
  duplicate: 'A booking already exists for this time slot',
  validation: 'The request was not valid',
  rate_limited: 'Too many requests, please wait',
  unauthorized: 'The API key was refused',
  not_found: 'Not found',
  network: "Can't reach the booking service",
  timeout: 'The booking service did not answer in time',
  server: 'The booking service had a problem',
  bad_response: 'Unexpected response from ReserveKit',
};

const fail = (code: ReserveKitErrorCode, message?: string, init?: ReserveKitErrorInit) =>
  new ReserveKitError(code, message || MESSAGES[code], init);

const str = (value: unknown) => (typeof value == 'string' ? value : undefined);

/** A field's message: a string, or the strings of a list (`["is invalid"]`); anything else says nothing. */
const fieldText = (value: unknown) => str(value) ?? (Array.isArray(value) ? value.filter(str).join(' ') : '');

/** Seconds from a `Retry-After` header (delta-seconds or HTTP date), else the body's `retry_after`. */
function retryAfterOf(header: string | null, fromBody: unknown): number | undefined {
  const s = header == null ? NaN : /^\s*\d+\s*$/.test(header) ? +header : Math.ceil((Date.parse(header) - Date.now()) / 1000);
  return s == s ? Math.max(0, s) : typeof fromBody == 'number' && fromBody >= 0 ? fromBody : undefined;
}

/**
 * Maps a non-2xx answer to a ReserveKitError. Understands the three body shapes seen in the wild:
 * `{error: "text"}`, `{error: {code, message, details, retry_after}}` and flat `{status, message, code}`.
 */
export function errorFromResponse(status: number, text: string, headers: Headers): ReserveKitError {
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    // HTML error pages from gateways and empty bodies still map by status alone.
  }
  const error = body?.error;
  const info = error && typeof error == 'object' ? error : body && typeof body == 'object' ? body : {};
  const message = str(error) ?? str(info.message);
  const serverCode = str(info.code);
  const said = `${serverCode} ${message}`;
  const code: ReserveKitErrorCode =
    status == 429 ? 'rate_limited'
    : status == 401 || status == 403 ? 'unauthorized'
    : status == 404 ? 'not_found'
    : status < 400 || status > 499 ? 'server'
    : /time[ _]slot[ _](is[ _])?full/i.test(said) ? 'slot_full'
    : /duplicate[ _]booking/i.test(said) ? 'duplicate'
    : status == 400 || status == 422 ? 'validation'
    : 'server';
  const details = info.details;
  const fields = details?.constructor == Object ? Object.entries(details).map(([k, v]) => [k, fieldText(v)]).filter(([, v]) => v) : [];
  return fail(code, message, {
    status,
    serverCode,
    retryAfter: retryAfterOf(headers.get('retry-after'), info.retry_after),
    // Only a plain object is a field map; arrays or strings in `details` carry no field names.
    fields: fields.length ? Object.fromEntries(fields) : undefined,
  });
}

function urlFor(apiBase: string | undefined, path: string, query?: object): string {
  const url = new URL((apiBase || DEFAULT_API_BASE).replace(/\/+$/, '') + path, globalThis.location?.href);
  for (const [key, value] of Object.entries(query ?? {})) if (value != null) url.searchParams.set(key, String(value));
  return url.href;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const stop = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/** The wait before the next attempt, or undefined when this failure should not be retried. */
function retryDelay(error: unknown, attempt: number, options: ClientOptions): number | undefined {
  if (
    !(error instanceof ReserveKitError) ||
    !(error.code == 'network' || error.code == 'timeout' || error.code == 'rate_limited' || (error.status ?? 0) > 499)
  ) return;
  const max = options.retryMaxMs ?? 8000;
  if (error.retryAfter == null) return Math.random() * Math.min(max, (options.retryBaseMs ?? 500) * 2 ** attempt);
  // Waiting out a long Retry-After in silence would look like a hang; the caller gets the error
  // (with `retryAfter`) and can show a countdown instead.
  const ms = error.retryAfter * 1000;
  return ms <= max ? ms : undefined;
}

/** The `{ data }` envelope around each answer's schema, built once per schema rather than per call. */
const envelopes = new WeakMap<z.ZodMiniType, z.ZodMiniType<{ data: unknown }>>();
const envelope = <T>(schema: z.ZodMiniType<T>) =>
  (envelopes.get(schema) ?? envelopes.set(schema, z.looseObject({ data: schema })).get(schema)!) as z.ZodMiniType<{ data: T }>;

/**
 * How an answer's JSON becomes its data: `bySchema` (the schema of the envelope's `data`), or a
 * check of its own, such as `eachOf` for a long list. `status` is the answer's, for the errors.
 */
export type Check<T> = (json: unknown, status: number, signal?: AbortSignal) => T | Promise<T>;

/**
 * A schema, or the function that builds it on first use (src/api/schemas.ts): passed as such, it
 * is built when the answer arrives, not while the request is made (often inside a render).
 */
export type Schema<T> = z.ZodMiniType<T> | (() => z.ZodMiniType<T>);
const built = <T>(schema: Schema<T>) => (typeof schema == 'function' ? schema() : schema);

/** The envelope's `data`, checked against `schema`. */
export const bySchema =
  <T>(schema: Schema<T>): Check<T> =>
  (json, status) =>
    validate(envelope(built(schema)), json, status).data;

/** The envelope's `data`, a list whose items are checked against `item` a few at a time (`validateEach`). */
export const eachOf =
  <T>(item: Schema<T>): Check<T[]> =>
  (json, status, signal) =>
    validateEach(built(item), validate(envelope(anyList()), json, status).data, ['data'], status, signal);

async function attempt<T>(
  options: ClientOptions,
  url: string,
  init: RequestInit,
  check: Check<T>,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  onHeaders: RequestOptions['onHeaders'],
): Promise<T> {
  if (signal?.aborted) throw signal.reason;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const relay = () => controller.abort(signal!.reason);
  signal?.addEventListener('abort', relay);
  let response: Response;
  let text: string;
  try {
    // Racing the abort too means a fetch that ignores `signal` (old polyfills, test doubles) cannot hang us.
    const aborted = new Promise<never>((_, reject) =>
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason)),
    );
    const fetchImpl = options.fetch ?? globalThis.fetch;
    response = await Promise.race([fetchImpl(url, { ...init, signal: controller.signal }), aborted]);
    text = await Promise.race([response.text(), aborted]);
  } catch (cause) {
    // The caller's own abort is not a failure: rethrowing its reason lets @lit/task and friends ignore it.
    if (signal?.aborted) throw signal.reason;
    throw fail(timedOut ? 'timeout' : 'network', '', { cause });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', relay);
  }
  const { status } = response;
  onHeaders?.(response.headers);
  if (!response.ok) throw errorFromResponse(status, text, response.headers);
  let json: unknown;
  try {
    // An empty 2xx (a 204 to a DELETE) is success without data; any schema that needs data still fails.
    json = text ? JSON.parse(text) : { data: undefined };
  } catch (cause) {
    throw fail('bad_response', `${MESSAGES.bad_response}: body is not JSON`, { status, cause });
  }
  return check(json, status, signal);
}


/**
 * Each item of `list` checked against `item`, in tasks of a few milliseconds (a heavy schedule's
 * slots would otherwise be one long task on a slow phone); a failure names the item, as
 * `validate` would: `data.3.start_time expected string`.
 */
export const validateEach = <T>(item: z.ZodMiniType<T>, list: readonly unknown[], path: PropertyKey[], status?: number, signal?: AbortSignal) =>
  sliced(list, (x, i) => validate(item, x, status, [...path, i]), signal);

/** Availability (`AvailabilityListSchema`, entries unchecked) with its entries checked by `validateEach`; `path` names where it sits. */
export const checkAvailability = async <T extends { availability: unknown[] }>(list: T, path: PropertyKey[], status?: number, signal?: AbortSignal) => ({
  ...list,
  availability: await validateEach(AvailabilityEntrySchema(), list.availability, [...path, 'availability'], status, signal),
});

/**
 * `json` checked against `schema`, or a `bad_response` ReserveKitError naming the first problem:
 * the one check for API answers and for data a page hands the element inline.
 */
export function validate<T>(schema: z.ZodMiniType<T>, json: unknown, status?: number, path: PropertyKey[] = []): T {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  // Schemas check integers as multipleOf(1) (see schemas.ts); say so in those words.
  const expected = issue.code == 'invalid_type' ? issue.expected : issue.code == 'not_multiple_of' && issue.divisor == 1 ? 'int' : '';
  const problem = expected ? `expected ${expected}` : issue.code.replace(/_/g, ' ');
  const where = [...path, ...issue.path].map(String).join('.');
  throw fail('bad_response', `${MESSAGES.bad_response}: ${where && where + ' '}${problem}`, { status, cause: parsed.error });
}

/**
 * Sends one API call and resolves with the validated `data` of the envelope. Rejects with a
 * ReserveKitError, or with the signal's reason when the caller aborted.
 */
export const request = <T>(options: ClientOptions, method: string, path: string, schema: Schema<T>, init?: CallInit): Promise<T> =>
  requestWith(options, method, path, bySchema(schema), init);

/** `request`, with the answer's JSON turned into data by `check` (e.g. `eachOf(item)`). */
export async function requestWith<T>(
  options: ClientOptions,
  method: string,
  path: string,
  check: Check<T>,
  { query, body, signal, timeoutMs = options.timeoutMs ?? 15000, onHeaders }: CallInit = {},
): Promise<T> {
  const url = urlFor(options.apiBase, path, query);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.apiKey) headers.Authorization = `Bearer ${options.apiKey}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const init = { method, headers, body: body === undefined ? undefined : JSON.stringify(body) };
  // Only reads are safe to repeat: a retried POST could book twice.
  const retries = method == 'GET' ? (options.retries ?? 3) : 0;
  for (let n = 0; ; n++) {
    try {
      return await attempt(options, url, init, check, signal, timeoutMs, onHeaders);
    } catch (error) {
      const delay = n < retries ? retryDelay(error, n, options) : undefined;
      if (delay == null) throw error;
      await (options.sleep ?? sleep)(delay, signal);
    }
  }
}
