/**
 * The reads the proxy serves and checks bookings against, each cached in the store: the
 * service, its time slots, its booking counts (one capped walk per TTL, counting only the dates
 * anyone can book, kept up to date by the bookings made through the proxy) and the availability
 * answer per asked range.
 */
import type { AvailabilityEntry } from '../api/schemas.js';
import { DAY, isoDate } from '../schedule/dates.js';
import { availabilityBetween, walkBookings, type Walk } from './availability.js';
import type { Cached, ReadCache } from './read-cache.js';
import type { Service, TimeSlot, Upstream } from './upstream.js';

const PAGE_SIZE = 100;

export interface ReadsOptions {
  /** Service and time slots; ms. */
  slotsTtlMs: number;
  /** Booking counts and the availability answers computed from them; ms. */
  availabilityTtlMs: number;
  /** Most pages of bookings one count reads. */
  maxBookingPages: number;
  /** The booking horizon in days: counts beyond it are never asked for. */
  maxDaysAhead: number;
  now: () => number;
  /** Told once per service when its history is longer than the page cap. */
  warn: (message: string) => void;
}

export interface AvailabilityAnswer {
  from: string;
  to: string;
  availability: AvailabilityEntry[];
}

export type Reads = ReturnType<typeof createReads>;

export function createReads(up: Upstream, { read, update }: ReadCache, options: ReadsOptions) {
  const capped = new Set<string>();

  const service = (id: string, signal?: AbortSignal, fresh = false): Promise<Cached<Service>> =>
    read(`service:${id}`, (s) => up.service(id, s), { ttlMs: options.slotsTtlMs, signal, fresh });

  const timeSlots = (id: string, signal?: AbortSignal, fresh = false): Promise<Cached<TimeSlot[]>> =>
    read(`slots:${id}`, (s) => up.timeSlots(id, s), { ttlMs: options.slotsTtlMs, signal, fresh });

  /** Dates anyone may book, in any zone: today, give or take a day either side, to the horizon. */
  const bookable = () => {
    const t = options.now();
    return { from: isoDate(t - 2 * DAY), to: isoDate(t + (options.maxDaysAhead + 2) * DAY) };
  };

  const counts = (id: string, signal?: AbortSignal): Promise<Cached<Walk>> =>
    read(
      `counts:${id}`,
      async (s) => {
        const { from, to } = bookable();
        const walk = await walkBookings((page, ps) => up.bookings(id, page, PAGE_SIZE, ps), from, to, options.maxBookingPages, s);
        if (!walk.complete && !capped.has(id)) {
          capped.add(id);
          options.warn(
            `Service ${id} has more than ${options.maxBookingPages * PAGE_SIZE} bookings; availability counts only the first ${options.maxBookingPages} pages (raise maxBookingPages).`,
          );
        }
        return walk;
      },
      { ttlMs: options.availabilityTtlMs, signal },
    );

  /**
   * Availability for [from, to], cut to the dates that can be booked. The answer is cached per
   * range and per version of the counts it came from, so it is never older than they are.
   */
  const availability = async (id: string, from: string, to: string, signal?: AbortSignal): Promise<Cached<AvailabilityAnswer>> => {
    const window = bookable();
    const start = from < window.from ? window.from : from;
    const end = to > window.to ? window.to : to;
    const [slots, walk] = await Promise.all([timeSlots(id, signal), counts(id, signal)]);
    return read(
      `availability:${id}:${start}:${end}:${walk.expiresAt}.${walk.value.changes}`,
      async () => ({
        from: start,
        to: end < start ? start : end,
        availability: start > end ? [] : availabilityBetween(slots.value, walk.value.counts, start, end),
      }),
      { ttlMs: walk.expiresAt - options.now(), signal },
    );
  };

  /**
   * What a booking answer taught us, without a walk: a booking made counts one more, and "full"
   * means at least `max_bookings`. Other visitors see it at once instead of after the TTL.
   */
  const recordBooking = (id: string, slot: TimeSlot, date: string, outcome: 'booked' | 'full') =>
    update<Walk>(`counts:${id}`, (walk) => {
      const key = `${slot.id}@${date}`;
      const now = walk.counts[key] ?? 0;
      walk.counts[key] = outcome === 'booked' ? now + 1 : Math.max(now, slot.max_bookings);
      return { ...walk, changes: walk.changes + 1 };
    });

  return { service, timeSlots, availability, recordBooking };
}
