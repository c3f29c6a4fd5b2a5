/**
 * Every `rk-*` event our elements fire, declared once. All bubble and cross shadow boundaries,
 * so a host page can listen on the element, on any ancestor or on `document`, with `detail`
 * typed in each case. Adding an event is one line in `RkEventMap`.
 */
import type { Booking, CreateBookingInput, Service, TimeSlot } from '../../api/schemas.js';
import type { ReserveKitErrorCode } from '../../api/errors.js';

/** One bookable time, as the host page sees it. */
export interface OccurrenceDetail {
  timeSlotId: number;
  /** Service-local date (`YYYY-MM-DD`), what the booking posts. */
  date: string;
  /** ISO 8601 instants with offsets. */
  start: string;
  end: string;
  serviceTimezone: string;
  viewerTimezone: string;
}

export interface BookedDetail extends OccurrenceDetail {
  /** The created booking, as the API returned it; null when an earlier attempt's booking was found instead. */
  booking: Booking | null;
  bookingId: number | null;
  customer: { name: string; email: string; phone: string };
  message: string;
}

export interface ErrorDetail {
  code: ReserveKitErrorCode;
  message: string;
  status?: number;
}

/** Event name -> `detail` type. */
export interface RkEventMap {
  'rk-ready': { service: Service; slots: TimeSlot[] };
  'rk-date-select': { date: string };
  'rk-slot-select': OccurrenceDetail;
  'rk-before-submit': { payload: CreateBookingInput };
  'rk-booked': BookedDetail;
  'rk-error': ErrorDetail;
  'rk-open': Record<string, never>;
  'rk-close': Record<string, never>;
}

export type RkEvent<K extends keyof RkEventMap> = CustomEvent<RkEventMap[K]>;
/** Event name -> event type, the shape the DOM's event maps take. */
export type RkEvents = { [K in keyof RkEventMap]: RkEvent<K> };

declare global {
  // Documents, windows and every element inherit this map, so `document.addEventListener('rk-booked', …)` is typed too.
  interface GlobalEventHandlersEventMap extends RkEvents {}
}

/** Dispatches a typed `rk-*` event; returns false when a cancelable event was cancelled. */
export function emit<K extends keyof RkEventMap>(target: EventTarget, name: K, detail: RkEventMap[K], cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}
