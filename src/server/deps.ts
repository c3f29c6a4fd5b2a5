/** What route handlers get from `createBookingProxy`: everything they need, nothing they must build. */
import type { BookingWindow } from './booking-window.js';
import type { Reads } from './reads.js';
import type { Booking } from '../api/schemas.js';
import type { ManageAction } from './manage.js';
import type { ProxyReplies } from './upstream-errors.js';
import type { TimeSlot, Upstream } from './upstream.js';

export interface ProxyDeps {
  /** ReserveKit calls with the key, stripped schemas, no redirects and a body cap. */
  up: Upstream;
  /** Cached, coalesced reads (service, time slots, availability). */
  reads: Reads;
  /** Every answer: json, cached, fail, invalid, notFound, redact, and fromUpstream for upstream failures. */
  replies: ProxyReplies;
  /** The owner's booking window; check it with `bookingWindowFields`. */
  window: BookingWindow;
  now: () => number;
  /** Allow-listed service ids, as strings. */
  services: ReadonlySet<string>;
  /** With manage links on: the booking with its `manage_token` (and `manage_url`). */
  link?: (booking: Booking, slot: TimeSlot, zone: string) => Promise<Booking>;
  /** With manage links on: answers the manage routes (./manage). */
  manage?: (action: ManageAction, token: string, request: Request) => Promise<Response>;
}
