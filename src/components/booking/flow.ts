/** Where a visit stands, as one value; the event detail of an occurrence; where the visit ends. */
import type { Booking } from '../../api/schemas.js';
import type { Occurrence } from '../../schedule/index.js';
import type { OccurrenceDetail } from '../shared/events.js';
import { warnOnce } from '../shared/warn.js';

/**
 * `picking` a day and time; the `form` for the occurrence with that key; `sending` it; `done`
 * (`booking` is null when an earlier, unanswered attempt turned out to have gone through).
 */
export type Step =
  | { is: 'picking' }
  | { is: 'form' | 'sending'; key: string }
  | { is: 'done'; occurrence: Occurrence; booking: Booking | null };

export const PICKING: Step = { is: 'picking' };

/** The chosen occurrence's key, while there is one to book. */
export const chosenKey = (step: Step): string => (step.is === 'form' || step.is === 'sending' ? step.key : '');

export function occurrenceDetail(o: Occurrence, viewerZone: string): OccurrenceDetail {
  return { timeSlotId: o.slot.id, date: o.serviceDate, start: o.start, end: o.end, serviceTimezone: o.serviceZone, viewerTimezone: viewerZone };
}

/**
 * `redirect-url` with `{booking_id}` and `{date}` filled in, if it is a web address (a
 * `javascript:` URL in the attribute must not become script); otherwise the site owner is told.
 */
export function redirectTarget(template: string, bookingId: number | null, date: string): string | undefined {
  const url = template.replaceAll('{booking_id}', encodeURIComponent(String(bookingId ?? ''))).replaceAll('{date}', date);
  try {
    const target = new URL(url, location.href);
    if (/^https?:$/.test(target.protocol)) return target.href;
  } catch {
    // Reported below, like any other address we won't follow.
  }
  warnOnce(`redirect-url="${template}" is not an http(s) address; staying on the page.`);
}
