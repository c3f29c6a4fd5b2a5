/**
 * When a booking may be made: not for an occurrence that has started (or starts within the
 * owner's notice), and not beyond the owner's horizon, both judged in the service's own zone as
 * the widget judges them. Zone offsets come from `Intl` directly: the server needs one offset per
 * check, not the schedule module's zone tables (or luxon).
 */
import { DAY, MINUTE, isoDate } from '../schedule/dates.js';
import { parseClock } from '../schedule/clock.js';

export interface BookingWindow {
  /** Latest bookable service-local date, in days after today there; default 365. */
  maxDaysAhead: number;
  /** Occurrences starting sooner than this are refused; default 0 (not in the past). */
  minNoticeMinutes: number;
}

export type WindowProblem = 'past' | 'too_soon' | 'too_far' | null;

/**
 * Checks the occurrence of `slotStart` (a slot's start time: only its clock counts) on the
 * service-local `date` against `now`.
 */
export function checkBookingWindow(date: string, slotStart: string, zone: string, now: number, window: BookingWindow): WindowProblem {
  if (date > isoDate(now + offsetMinutes(zone)(now) * MINUTE + window.maxDaysAhead * DAY)) return 'too_far';
  const start = occurrenceStart(date, slotStart, zone);
  if (start < now) return 'past';
  return start < now + window.minNoticeMinutes * MINUTE ? 'too_soon' : null;
}

/** The instant (epoch ms) the occurrence of `slotStart` on the service-local `date` starts in `zone`. */
export function occurrenceStart(date: string, slotStart: string, zone: string): number {
  const offset = offsetMinutes(zone);
  let clock;
  try {
    clock = parseClock(slotStart);
  } catch {
    // The widget skips slots it cannot read; judge such a slot by its date alone.
    clock = { hour: 0, minute: 0, second: 0 };
  }
  const local = Date.parse(date) + ((clock.hour * 60 + clock.minute) * 60 + clock.second) * 1000;
  // Two passes: the offset at the first guess is right except within hours of a transition.
  const guess = local - offset(local) * MINUTE;
  return local - offset(guess) * MINUTE;
}

const formats = new Map<string, Intl.DateTimeFormat | null>();

/** `ms -> minutes east of UTC` for an IANA zone; UTC for a zone this runtime does not know. */
function offsetMinutes(zone: string): (ms: number) => number {
  let format = formats.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    } catch {
      format = null;
    }
    // Zones come from allow-listed services only, so this stays a handful of entries.
    formats.set(zone, format);
  }
  return (ms) => {
    const name = format?.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? '';
    const m = /([+-])(\d{2}):?(\d{2})?/.exec(name);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
  };
}
