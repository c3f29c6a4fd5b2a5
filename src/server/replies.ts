/**
 * Every answer the proxy writes: JSON bodies with the key redacted, errors in the envelope the
 * widget's client parses (`{error: {code, message, details?, retry_after?}}`), and the headers
 * that say how long an answer may be shared. Routes build their answers only from these.
 */

/** `Retry-After` longer than this is not a wait anyone will sit through; it is capped. */
export const MAX_RETRY_AFTER_S = 3600;

import { PROXY_HEADER } from '../api/widget-calls.js';

/** What every proxy answer carries (with the features it serves), so a widget can tell our proxy from the plain API. */
export { PROXY_HEADER };

const BASE_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'X-Content-Type-Options': 'nosniff',
};

const LABELS: Record<string, string> = {
  body: 'The request body',
  date: 'Date',
  time_slot_id: 'Time slot',
  customer_name: 'Name',
  customer_email: 'Email',
  customer_phone: 'Phone',
  message: 'Message',
  // Manage links: the change-customer and cancel bodies.
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  reason: 'Reason',
};
const PROBLEMS: Record<string, string> = { required: 'is required', invalid: 'is not valid', too_long: 'is too long' };

export interface ErrorInit {
  details?: Record<string, string>;
  retryAfter?: number;
  headers?: Record<string, string>;
}

export interface Replies {
  /** A JSON answer; `no-store` unless `headers` say otherwise. */
  json(status: number, body: unknown, headers?: Record<string, string>): Response;
  /** A cached read: shareable by browsers and CDNs until `expiresAt`, then served stale while they refresh. */
  cached(body: unknown, expiresAt: number): Response;
  fail(status: number, code: string, message: string, init?: ErrorInit): Response;
  notFound(): Response;
  /** 400 `validation_error`; `fields` maps a field to a problem (`required`, `invalid`, `too_long`) or to a message. */
  invalid(fields: Record<string, string>): Response;
  /** The text with the key (with or without its `sk_rsv_` prefix) and any other secret-looking key replaced. */
  redact(text: string): string;
}

/** `features` are what PROXY_HEADER announces: the extensions the route table serves (e.g. `availability`). */
export function replies(apiKey: string, now: () => number, features: readonly string[]): Replies {
  // A key part shorter than any real one would also match ordinary text; the sk_rsv_ pattern covers it.
  const secrets = [apiKey, apiKey.replace(/^sk_rsv_/, '')].filter((s) => s.length >= 8);
  const redact = (text: string) => secrets.reduce((out, s) => out.split(s).join('[redacted]'), text.replace(/sk_rsv_[\w-]+/g, '[redacted]'));

  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    // Redacting the serialized text, not just the messages we build, is what makes "the key
    // never appears in a response" hold for upstream data too.
    new Response(redact(JSON.stringify(body)), {
      status,
      headers: { ...BASE_HEADERS, 'Cache-Control': 'no-store', [PROXY_HEADER]: features.join(', '), ...headers },
    });

  const fail = (status: number, code: string, message: string, init: ErrorInit = {}) => {
    const error: Record<string, unknown> = { code, message: redact(message).slice(0, 500) };
    if (init.details) error.details = init.details;
    const headers = { ...init.headers };
    if (init.retryAfter != null) {
      const seconds = Math.min(MAX_RETRY_AFTER_S, Math.max(1, Math.ceil(init.retryAfter)));
      error.retry_after = seconds;
      headers['Retry-After'] = String(seconds);
    }
    return json(status, { error }, headers);
  };

  return {
    json,
    fail,
    redact,
    cached(body, expiresAt) {
      // Counted from the proxy's own copy, so a CDN's copy never outlives it by a whole TTL.
      const maxAge = Math.max(0, Math.floor((expiresAt - now()) / 1000));
      return json(200, body, { 'Cache-Control': `public, max-age=${maxAge}, stale-while-revalidate=${Math.max(1, maxAge)}` });
    },
    notFound: () => fail(404, 'not_found', 'not found'),
    invalid(fields) {
      const details: Record<string, string> = {};
      for (const [field, problem] of Object.entries(fields)) {
        details[field] = PROBLEMS[problem] ? `${LABELS[field] ?? field} ${PROBLEMS[problem]}` : problem;
      }
      return fail(400, 'validation_error', Object.values(details)[0]!, { details });
    },
  };
}
