/**
 * Response bodies in the three error shapes seen from ReserveKit servers, so the
 * client's error parsing can be tested against each.
 */
import { HttpResponse } from 'msw';
import type { JsonBodyType } from 'msw';
import type { ServerErrorCode } from '../api/errors.js';

export type ErrorShape = 'string' | 'object' | 'flat';

/** The API's own codes (the gateway ones are a proxy's), and its 500. */
export type ErrorCode = Exclude<ServerErrorCode, 'bad_gateway' | 'gateway_timeout' | 'upstream_error'> | 'internal_error';

/** Thrown by routes; the pipeline turns it into an error response in the configured shape. */
export class MockHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, string>,
  ) {
    super(message);
  }
}

export function notFound(what: string): MockHttpError {
  return new MockHttpError(404, 'not_found', `${what} not found`);
}

/** Collects field problems so one response can name all of them, as `details` does. */
export class FieldErrors {
  readonly details: Record<string, string> = {};
  add(field: string, message: string): void {
    if (!(field in this.details)) this.details[field] = message;
  }
  /** The first problem's message leads, since the string shape can carry only one. */
  throwIfAny(status = 400): void {
    const messages = Object.values(this.details);
    if (messages.length > 0) throw new MockHttpError(status, 'validation_error', messages[0], this.details);
  }
}

export function errorBody(
  shape: ErrorShape,
  status: number,
  code: string,
  message: string,
  extra: { details?: Record<string, string>; retryAfter?: number } = {},
): unknown {
  switch (shape) {
    case 'string':
      return { data: null, error: message };
    case 'object':
      return {
        error: {
          code,
          message,
          ...(extra.details ? { details: extra.details } : {}),
          ...(extra.retryAfter === undefined ? {} : { retry_after: extra.retryAfter }),
        },
      };
    case 'flat':
      return { status, message, code };
  }
}

/** Default code and message for a bare injected status, so `failNext({status})` still looks real. */
export function describeStatus(status: number): { code: string; message: string } {
  if (status === 400 || status === 422) return { code: 'validation_error', message: 'invalid request' };
  if (status === 401) return { code: 'unauthorized', message: 'invalid API key' };
  if (status === 403) return { code: 'forbidden', message: 'forbidden' };
  if (status === 404) return { code: 'not_found', message: 'not found' };
  if (status === 429) return { code: 'rate_limit_exceeded', message: 'rate limit exceeded' };
  if (status === 502) return { code: 'bad_gateway', message: 'bad gateway' };
  if (status === 503) return { code: 'service_unavailable', message: 'service unavailable' };
  if (status === 504) return { code: 'gateway_timeout', message: 'gateway timeout' };
  return { code: 'internal_error', message: 'internal server error' };
}

export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  // Without this a cross-origin client could not read Retry-After or the rate-limit counters.
  'Access-Control-Expose-Headers': 'Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset',
};

export const PREFLIGHT_HEADERS: Record<string, string> = {
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Max-Age': '600',
};

/** JSON with CORS headers; `headers` win over the defaults. */
export function jsonResponse(status: number, body: unknown, headers?: Headers): Response {
  const all = new Headers(CORS_HEADERS);
  headers?.forEach((value, name) => all.set(name, value));
  return HttpResponse.json(body as JsonBodyType, { status, headers: all });
}
