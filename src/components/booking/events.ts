/**
 * Every event the widget fires, typed in one place. All bubble and cross the shadow boundary,
 * so a host page can listen on the element or on `document`.
 */
import type { Booking, CreateBookingInput, Service, TimeSlot } from '../../api/schemas';
import type { ReserveKitErrorCode } from '../../api/errors';

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

export interface RkEventMap {
  'rk-ready': { service: Service; slots: TimeSlot[] };
  'rk-date-select': { date: string };
  'rk-slot-select': OccurrenceDetail;
  'rk-before-submit': { payload: CreateBookingInput };
  'rk-booked': BookedDetail;
  'rk-error': { code: ReserveKitErrorCode; message: string; status?: number };
}

export type RkEvent<K extends keyof RkEventMap> = CustomEvent<RkEventMap[K]>;

declare global {
  interface HTMLElementEventMap {
    'rk-ready': RkEvent<'rk-ready'>;
    'rk-date-select': RkEvent<'rk-date-select'>;
    'rk-slot-select': RkEvent<'rk-slot-select'>;
    'rk-before-submit': RkEvent<'rk-before-submit'>;
    'rk-booked': RkEvent<'rk-booked'>;
    'rk-error': RkEvent<'rk-error'>;
  }
}

/** Dispatches a typed `rk-*` event; returns false when a cancelable event was cancelled. */
export function emit<K extends keyof RkEventMap>(
  target: EventTarget,
  name: K,
  detail: RkEventMap[K],
  cancelable = false,
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}
