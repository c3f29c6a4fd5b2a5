/**
 * Upstream failures in the envelope the widget's client parses. An HTTP error keeps its status
 * and, for 4xx, its words (the widget shows them); everything else becomes 502 or 504.
 */
import { ReserveKitError, SERVER_CODES } from '../api/errors.js';
import type { Replies } from './replies.js';
import { UpstreamRefused } from './upstream.js';

/** Replies that also answer for an upstream failure: what route handlers and the manage routes get. */
export interface ProxyReplies extends Replies {
  fromUpstream(error: ReserveKitError): Response;
}

/** `r` with `fromUpstream`, the one conversion every route's upstream failures go through. */
export function withUpstreamFailures(r: Replies, report: (error: unknown) => void): ProxyReplies {
  return { ...r, fromUpstream: upstreamFailure(r, report) };
}

/** `report` hears what the owner must know: unreachable or failing API, refused key, refused answers. */
function upstreamFailure(r: Replies, report: (error: unknown) => void): (e: ReserveKitError) => Response {
  return (e) => {
    const status = e.status ?? 0;
    const answered = e.code !== 'network' && e.code !== 'timeout' && e.code !== 'bad_response' && status >= 400 && status <= 599;
    // 401/403 mean our own key is wrong: the owner must hear it, the visitor cannot fix it.
    if (!answered || status >= 500 || status === 401 || status === 403) report(e.cause instanceof UpstreamRefused ? e.cause : e);
    if (e.code === 'timeout') return r.fail(504, 'gateway_timeout', 'The booking service did not answer in time');
    if (e.cause instanceof UpstreamRefused || !answered && e.code !== 'network') {
      return r.fail(502, 'bad_gateway', 'The booking service sent an unexpected response');
    }
    if (e.code === 'network') return r.fail(502, 'bad_gateway', 'The booking service could not be reached');
    const code = e.serverCode && /^[\w.-]{1,64}$/.test(e.serverCode) ? e.serverCode : SERVER_CODES[e.code]; // for upstream errors that came without one (the string shape)
    // 5xx text can carry upstream internals, so only 4xx messages (the ones the widget shows) pass.
    return r.fail(status, code, status >= 500 ? 'The booking service had a problem' : e.message, {
      details: e.fields && Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, r.redact(v).slice(0, 500)])),
      retryAfter: status === 429 ? (e.retryAfter ?? 60) : undefined,
    });
  };
}
