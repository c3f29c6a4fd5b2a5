/** What the visitor reads when managing a booking fails: the manage page's own cases, then the booking widget's. */
import type { ReserveKitError } from '../../api/errors.js';
import type { Strings } from '../../i18n/index.js';
import { errorMessage } from '../booking/messages.js';

export function manageMessage(e: ReserveKitError, t: Strings, waitSeconds: number, locale: string): string {
  // The proxy answers the same 404 for a tampered, expired, foreign or missing link.
  if (e.code === 'not_found') return t.linkInvalid;
  switch (e.serverCode) {
    case 'booking_cancelled':
      return t.bookingCancelledNoChange;
    case 'reschedule_failed':
      return t.rescheduleKept;
    case 'reschedule_incomplete':
      return t.rescheduleUnclear;
  }
  return errorMessage(e, t, waitSeconds, locale);
}
