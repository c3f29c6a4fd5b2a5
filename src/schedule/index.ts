/**
 * Weekly time slots -> dated occurrences. Pure: no DOM, `now` and both zones are inputs.
 * Slot clocks are wall times in the service zone; each occurrence posts its service-local date
 * and is listed under the viewer-local date of its start.
 */
import { expand, prepare } from './occurrence.js';
import type { Occurrence, Prepared, ScheduleInput } from './occurrence.js';
import { DATE_RE, DAY, isoDate, monthEnd } from './dates.js';

export { parseClock } from './occurrence.js';
export type { Clock, Occurrence, ScheduleInput } from './occurrence.js';

/** A prepared schedule whose answers are memoized per viewer month: browsing costs a lookup. */
export interface Schedule {
  /** Viewer-local dates of the first and last day that can hold a bookable occurrence. */
  readonly first: string;
  readonly last: string;
  /** Same as `occurrencesBetween`; repeated calls return the same Occurrence objects. */
  between(fromViewerDate: string, toViewerDate: string): Occurrence[];
  /** Occurrences listed on one viewer date (shared array: do not mutate). */
  day(viewerDate: string): readonly Occurrence[];
  /** Viewer dates in [from, to] with at least one occurrence. */
  bookableDates(fromViewerDate: string, toViewerDate: string): Set<string>;
  /** Still-bookable occurrence for a stored key's parts, else undefined. */
  find(slotId: number, serviceDate: string): Occurrence | undefined;
  /**
   * Expands the viewer month `ym` ahead of its first use, a week per `next()` (a busy schedule's
   * month is over a thousand occurrences: one go is a long task on a slow phone), so that showing
   * it is a lookup.
   */
  warm(ym: string, next: () => Promise<void>): Promise<void>;
}

/**
 * All occurrences listed on viewer dates [from, to] (inclusive, `YYYY-MM-DD`), minus those
 * starting before now + minNotice or after now + daysAhead days; sorted by start, then slot id.
 */
export function occurrencesBetween(input: ScheduleInput, fromViewerDate: string, toViewerDate: string): Occurrence[] {
  return expand(prepare(input), fromViewerDate, toViewerDate);
}

export function bookableViewerDates(input: ScheduleInput, fromViewerDate: string, toViewerDate: string): Set<string> {
  return new Set(occurrencesBetween(input, fromViewerDate, toViewerDate).map((o) => o.viewerDate));
}

/** Viewer-local dates of now + minNotice and now + daysAhead: calendar min/max. */
export function windowBounds(input: ScheduleInput): { first: string; last: string } {
  const { first, last } = prepare(input);
  return { first, last };
}

/** Rebuilds an occurrence from its key's parts; undefined when it does not exist or is not bookable. */
export function findOccurrence(input: ScheduleInput, slotId: number, serviceDate: string): Occurrence | undefined {
  return locate(prepare(input), slotId, serviceDate);
}

function locate(p: Prepared, slotId: number, serviceDate: string): Occurrence | undefined {
  const rule = p.byId.get(slotId);
  if (!rule || !DATE_RE.test(serviceDate) || new Date(serviceDate).getUTCDay() !== rule.slot.day_of_week) return;
  const start = p.service.toInstant(Date.parse(serviceDate) + rule.start);
  const viewerDate = p.viewer.dateOf(start);
  return expand(p, viewerDate, viewerDate).find((o) => o.slot === rule.slot && o.serviceDate === serviceDate);
}

const nextMonth = (ym: string) => isoDate(Date.UTC(+ym.slice(0, 4), +ym.slice(5, 7), 1)).slice(0, 7);

export function createSchedule(input: ScheduleInput): Schedule {
  const p = prepare(input);
  const months = new Map<string, Map<string, Occurrence[]>>();

  /** Adds the occurrences listed on viewer dates [from, to] to `days`, by date. */
  const fill = (days: Map<string, Occurrence[]>, from: string, to: string) => {
    for (const o of expand(p, from, to)) {
      const list = days.get(o.viewerDate);
      if (list) list.push(o);
      else days.set(o.viewerDate, [o]);
    }
    return days;
  };

  const month = (ym: string) => {
    let days = months.get(ym);
    if (!days) months.set(ym, (days = fill(new Map(), `${ym}-01`, monthEnd(ym))));
    return days;
  };

  // Visits [from, to] clamped to the window, month by month, in date order.
  function* lists(from: string, to: string): Generator<Occurrence[]> {
    if (!DATE_RE.test(from) || !DATE_RE.test(to)) return;
    if (from < p.first) from = p.first;
    if (to > p.last) to = p.last;
    for (let ym = from.slice(0, 7); ym <= to.slice(0, 7); ym = nextMonth(ym)) {
      for (const [date, list] of month(ym)) if (date >= from && date <= to) yield list;
    }
  }

  const day = (date: string): readonly Occurrence[] =>
    (DATE_RE.test(date) ? month(date.slice(0, 7)).get(date) : undefined) ?? [];

  return {
    first: p.first,
    last: p.last,
    between: (from, to) => [...lists(from, to)].flat(),
    day,
    bookableDates: (from, to) => new Set([...lists(from, to)].map((list) => list[0].viewerDate)),
    find(slotId, serviceDate) {
      const found = locate(p, slotId, serviceDate);
      return found && day(found.viewerDate).find((o) => o.key === found.key);
    },
    async warm(ym, next) {
      const end = monthEnd(ym);
      const days = new Map<string, Occurrence[]>();
      // Weeks in date order, so each date's list keeps the order `expand` gives.
      for (let from = `${ym}-01`; from <= end && !months.has(ym); from = isoDate(Date.parse(from) + 7 * DAY)) {
        const to = isoDate(Date.parse(from) + 6 * DAY);
        fill(days, from, to < end ? to : end);
        await next();
      }
      if (!months.has(ym)) months.set(ym, days);
    },
  };
}
