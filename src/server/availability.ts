/**
 * Places left per occurrence, from the bookings the API lists. Pure functions: the proxy owns
 * fetching and caching. Only counts leave this module, so nothing downstream of it (the cache,
 * the response) can ever hold customer data.
 */
import type { AvailabilityEntry, Booking, TimeSlot } from '../api/schemas';
import { isIsoDate } from '../form/validate';
import { DAY, isoDate } from '../schedule/dates';

/** The widget asks for days-ahead (default 60) + 2 days; a quarter covers that with room to spare. */
export const MAX_RANGE_DAYS = 92;

/** Adds the non-cancelled bookings to `counts`, keyed `${time_slot_id}@${date}` like the widget's occurrences. */
export function countBookings(bookings: readonly Booking[], counts = new Map<string, number>()): Map<string, number> {
  for (const b of bookings) {
    if (b.status?.toLowerCase() === 'cancelled') continue;
    const key = `${b.time_slot_id}@${b.date}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export type Range = { ok: true; from: string; to: string } | { ok: false; fields: Record<string, string> };

/**
 * A `from`/`to` query as an inclusive date range. A span longer than MAX_RANGE_DAYS is cut
 * short rather than refused, so a widget with a long `days-ahead` still gets the near months;
 * the answer's `to` says where it stopped.
 */
export function parseRange(from: string | null, to: string | null): Range {
  const fields: Record<string, string> = {};
  if (!isIsoDate(from)) fields.from = from ? 'from must be a date written YYYY-MM-DD' : 'from is required';
  if (!isIsoDate(to)) fields.to = to ? 'to must be a date written YYYY-MM-DD' : 'to is required';
  if (!isIsoDate(from) || !isIsoDate(to)) return { ok: false, fields };
  const start = Date.parse(from);
  if (Date.parse(to) < start) return { ok: false, fields: { to: 'to must not be before from' } };
  const last = isoDate(Math.min(Date.parse(to), start + MAX_RANGE_DAYS * DAY));
  return { ok: true, from, to: last };
}

/**
 * One entry per (slot, date) in [from, to] whose weekday is the slot's (0 = Sunday), by date
 * then slot order. Dates are service-local calendar dates, as bookings post them, so plain UTC
 * day arithmetic is exact here: no timezone is involved.
 */
export function availabilityBetween(
  slots: readonly TimeSlot[],
  counts: ReadonlyMap<string, number>,
  from: string,
  to: string,
): AvailabilityEntry[] {
  const entries: AvailabilityEntry[] = [];
  for (let t = Date.parse(from), end = Date.parse(to); t <= end; t += DAY) {
    const day = new Date(t);
    const date = isoDate(t);
    for (const slot of slots) {
      if (slot.day_of_week !== day.getUTCDay()) continue;
      const booked = counts.get(`${slot.id}@${date}`) ?? 0;
      entries.push({ time_slot_id: slot.id, date, booked, remaining: Math.max(0, slot.max_bookings - booked) });
    }
  }
  return entries;
}
