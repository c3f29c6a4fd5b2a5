/**
 * Places left per occurrence, from the bookings the API lists. Only counts leave this module,
 * so nothing downstream of it (the cache, the response) can ever hold customer data.
 */
import type { AvailabilityEntry, Booking, Pagination, TimeSlot } from '../api/schemas.js';
import { isIsoDate } from '../form/validate.js';
import { DAY, isoDate } from '../schedule/dates.js';

/** The widget asks for days-ahead (default 60) + 2 days; a quarter covers that with room to spare. */
export const MAX_RANGE_DAYS = 92;

/** Adds the non-cancelled bookings dated within [from, to] to `counts`, keyed `${time_slot_id}@${date}` like the widget's occurrences. */
export function countBookings(bookings: readonly Booking[], counts: Map<string, number>, from = '', to = '9999'): Map<string, number> {
  for (const b of bookings) {
    if (b.status?.toLowerCase() === 'cancelled' || b.date < from || b.date > to) continue;
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
  counts: Readonly<Record<string, number>>,
  from: string,
  to: string,
): AvailabilityEntry[] {
  const entries: AvailabilityEntry[] = [];
  for (let t = Date.parse(from), end = Date.parse(to); t <= end; t += DAY) {
    const day = new Date(t);
    const date = isoDate(t);
    for (const slot of slots) {
      if (slot.day_of_week !== day.getUTCDay()) continue;
      const booked = counts[`${slot.id}@${date}`] ?? 0;
      entries.push({ time_slot_id: slot.id, date, booked, remaining: Math.max(0, slot.max_bookings - booked) });
    }
  }
  return entries;
}

export interface Walk {
  /** `${time_slot_id}@${date}` -> bookings, for dates in the walked window only. */
  counts: Record<string, number>;
  /** False when the page cap stopped the walk before the last page. */
  complete: boolean;
  /** Changes made since the walk (bookings through the proxy); part of the cache key of answers computed from it. */
  changes: number;
}

export type BookingPage = (page: number, signal: AbortSignal) => Promise<{ bookings: Booking[]; pagination: Pagination }>;

/**
 * Counts the bookings of dates in [from, to], page by page, for at most `maxPages` pages: the
 * API cannot filter by date, so the walk reads history, and a hostile or huge `total_pages`
 * must not turn into endless upstream calls. Aborting `signal` stops it between pages.
 */
export async function walkBookings(next: BookingPage, from: string, to: string, maxPages: number, signal: AbortSignal): Promise<Walk> {
  const counts = new Map<string, number>();
  for (let page = 1; page <= maxPages; page++) {
    signal.throwIfAborted();
    const { bookings, pagination } = await next(page, signal);
    countBookings(bookings, counts, from, to);
    if (!bookings.length || page >= pagination.total_pages) return { counts: Object.fromEntries(counts), complete: true, changes: 0 };
  }
  return { counts: Object.fromEntries(counts), complete: false, changes: 0 };
}
