import type { TimeSlot } from '../api/schemas.js';
import { DATE_RE, DAY, MINUTE, isoDate } from './dates.js';
import { parseClock, seconds } from './clock.js';
import { WallClock } from './zone.js';

/** One bookable (slot, service-local date) pair. */
export interface Occurrence {
  /** `${slot.id}@${serviceDate}`, unique. */
  readonly key: string;
  readonly slot: TimeSlot;
  /** Service-local `YYYY-MM-DD`: what the booking posts as `date`. */
  readonly serviceDate: string;
  /** ISO 8601 with the service zone's offset (`2026-06-01T21:00:00.000-04:00`). */
  readonly start: string;
  /** Likewise; the next day when the slot's end clock is <= its start clock. */
  readonly end: string;
  /** The service's IANA zone, which `start` and `end` are written in. */
  readonly serviceZone: string;
  /** Viewer-local `YYYY-MM-DD` of `start`: the day the occurrence is listed under. */
  readonly viewerDate: string;
  /** Epoch ms of `start` / `end`, for comparisons and `Intl` formatting. */
  readonly startMs: number;
  readonly endMs: number;
}

export interface ScheduleInput {
  slots: readonly TimeSlot[];
  /** IANA zone the slot clocks are written in (the service's `timezone`). */
  serviceZone: string;
  /** IANA zone occurrences are listed in. */
  viewerZone: string;
  now: Date | number;
  /** Occurrences starting before now + this many minutes are not offered. Default 0. */
  minNoticeMinutes?: number;
  /** Occurrences starting after now + this many 24-hour days are not offered. Default 60. */
  daysAhead?: number;
}

export { parseClock, type Clock } from './clock.js';

interface Rule {
  slot: TimeSlot;
  /** Milliseconds after local midnight; end > start (overnight slots end the next day). */
  start: number;
  end: number;
}

/** Parsed once per input; every query reuses it. */
export interface Prepared {
  byDay: Rule[][];
  byId: Map<number, Rule>;
  service: WallClock;
  viewer: WallClock;
  earliest: number;
  latest: number;
  first: string;
  last: string;
}

export function prepare(input: ScheduleInput): Prepared {
  const byDay: Rule[][] = [[], [], [], [], [], [], []];
  const byId = new Map<number, Rule>();
  for (const slot of input.slots) {
    // A repeated id would list the same occurrence twice; unparsable slots are skipped, not fatal.
    if (byId.has(slot.id) || !byDay[slot.day_of_week]) continue;
    let start: number, end: number;
    try {
      start = seconds(parseClock(slot.start_time)) * 1000;
      end = seconds(parseClock(slot.end_time)) * 1000;
    } catch {
      continue;
    }
    const rule = { slot, start, end: end <= start ? end + DAY : end };
    byId.set(slot.id, rule);
    byDay[slot.day_of_week].push(rule);
  }
  for (const rules of byDay) rules.sort((a, b) => a.start - b.start || a.slot.id - b.slot.id);
  const service = WallClock.for(input.serviceZone);
  const viewer = WallClock.for(input.viewerZone);
  const now = +input.now;
  const earliest = now + (input.minNoticeMinutes ?? 0) * MINUTE;
  const latest = now + (input.daysAhead ?? 60) * DAY;
  return { byDay, byId, service, viewer, earliest, latest, first: viewer.dateOf(earliest), last: viewer.dateOf(latest) };
}

/**
 * Writes `start`/`end` on first read and keeps them (prototype getters, so spreading an
 * occurrence drops them and `serviceZone`): a month holds ~1650 occurrences and a day shows ~50.
 */
class Occ implements Occurrence {
  readonly key: string;
  #start?: string;
  #end?: string;

  constructor(
    readonly slot: TimeSlot,
    readonly serviceDate: string,
    readonly viewerDate: string,
    readonly startMs: number,
    readonly endMs: number,
    private readonly clock: WallClock,
  ) {
    this.key = `${slot.id}@${serviceDate}`;
  }

  get start(): string {
    return (this.#start ??= this.clock.iso(this.startMs));
  }

  get end(): string {
    return (this.#end ??= this.clock.iso(this.endMs));
  }

  get serviceZone(): string {
    return this.clock.name;
  }
}

/** Occurrences listed on viewer dates [from, to], inside the booking window, sorted by start then slot id. */
export function expand(p: Prepared, from: string, to: string): Occurrence[] {
  if (!DATE_RE.test(from) || !DATE_RE.test(to)) return [];
  if (from < p.first) from = p.first;
  if (to > p.last) to = p.last;
  const first = Date.parse(from);
  const last = Date.parse(to);
  if (!(first <= last)) return [];

  // Viewer days are not all 24 h long (DST), so each listing day is bounded by its real start.
  const dayStarts: number[] = [];
  const dates: string[] = [];
  for (let d = first; d <= last + DAY; d += DAY) {
    dayStarts.push(p.viewer.toInstant(d));
    dates.push(isoDate(d));
  }
  const lo = Math.max(dayStarts[0], p.earliest);
  const hi = Math.min(dayStarts[dayStarts.length - 1] - 1, p.latest);

  const out: Occurrence[] = [];
  let sorted = true;
  let prev = -Infinity;
  let i = 0;
  // A service day's occurrences start within it, and a service date and the viewer date of the
  // same instant differ by at most two days (UTC-12 vs UTC+14); a day of margin covers it.
  const end = Date.parse(p.service.dateOf(hi)) + DAY;
  for (let day = Date.parse(p.service.dateOf(lo)) - DAY; day <= end; day += DAY) {
    const rules = p.byDay[new Date(day).getUTCDay()];
    if (!rules.length) continue;
    const date = isoDate(day);
    for (const rule of rules) {
      const start = p.service.toInstant(day + rule.start);
      if (start < lo || start > hi) continue;
      // A start pushed forward out of a spring-forward gap can pass the end; never end before start.
      const stop = Math.max(start, p.service.toInstant(day + rule.end));
      while (start >= dayStarts[i + 1]) i++;
      while (start < dayStarts[i]) i--;
      out.push(new Occ(rule.slot, date, dates[i], start, stop, p.service));
      // Rules are in clock order, so only a gap-shifted start can break the order.
      if (start < prev) sorted = false;
      prev = start;
    }
  }
  return sorted ? out : out.sort((a, b) => a.startMs - b.startMs || a.slot.id - b.slot.id);
}
