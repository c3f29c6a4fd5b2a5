/** Where a visit stands, as one value, and the event detail of an occurrence. No DOM. */
import type { Booking } from '../../api/schemas.js';
import type { Occurrence } from '../../schedule/index.js';
import type { OccurrenceDetail } from '../shared/events.js';

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
