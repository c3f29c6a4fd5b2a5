/** What route handlers get from `createBookingProxy`: everything they need, nothing they must build. */
import type { BookingWindow } from './booking-window';
import type { Reads } from './reads';
import type { Replies } from './replies';
import type { Upstream } from './upstream';

export interface ProxyDeps {
  /** ReserveKit calls with the key, stripped schemas, no redirects and a body cap. */
  up: Upstream;
  /** Cached, coalesced reads (service, time slots, availability). */
  reads: Reads;
  /** Every answer: json, cached, fail, invalid, notFound, redact. */
  replies: Replies;
  /** The owner's booking window; check it with `bookingWindowError`. */
  window: BookingWindow;
  now: () => number;
  /** Allow-listed service ids, as strings. */
  services: ReadonlySet<string>;
}
