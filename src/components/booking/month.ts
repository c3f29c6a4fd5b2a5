/**
 * Month-grid arithmetic for the date picker. Dates are plain `YYYY-MM-DD` strings handled as
 * UTC calendar dates, never as local `Date`s, so the host machine's zone cannot shift a day.
 * A calendar date has no zone and no DST, so `Date.UTC` does all of it: luxon's DateTime would
 * bring all of luxon into the script bundle for the same answers (its zone rules are used where
 * zones matter, in ../../schedule).
 */
import { DAY, isoDate, monthEnd } from '../../schedule/dates.js';

export { monthEnd };

export const monthOf = (date: string) => date.slice(0, 7);

/** `YYYY-MM-DD` moved by `n` months, clamped to the month's last day (Jan 31 + 1 month = Feb 28), as luxon's `plus({ months })`. */
function plusMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return isoDate(Date.UTC(y, m - 1 + n, Math.min(d, new Date(Date.UTC(y, m + n, 0)).getUTCDate())));
}

/** The month's weeks, each seven cells long; cells outside the month are null. */
export function monthGrid(month: string, firstDayOfWeek: number): (string | null)[][] {
  const first = Date.parse(`${month}-01`);
  const weekday = new Date(first).getUTCDay() || 7;
  const lead = (weekday - firstDayOfWeek + 7) % 7;
  const cells: (string | null)[] = Array(lead).fill(null);
  const days = Number(monthEnd(month).slice(8));
  for (let i = 0; i < days; i++) cells.push(isoDate(first + i * DAY));
  while (cells.length % 7) cells.push(null);
  const weeks = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Weekday numbers (1 = Monday … 7 = Sunday) in column order. */
export const weekdayOrder = (firstDayOfWeek: number) =>
  Array.from({ length: 7 }, (_, i) => ((firstDayOfWeek - 1 + i) % 7) + 1);

export const addMonths = (month: string, n: number) => plusMonths(`${month}-01`, n).slice(0, 7);

/**
 * Where focus goes for a key in the WAI-ARIA date grid, or null when the key is not ours.
 * Left and right swap in right-to-left layouts.
 */
export function nextFocus(date: string, key: string, shift: boolean, firstDayOfWeek: number, rtl: boolean): string | null {
  const t = Date.parse(date);
  const col = ((new Date(t).getUTCDay() || 7) - firstDayOfWeek + 7) % 7;
  const days: Record<string, number> = { ArrowLeft: rtl ? 1 : -1, ArrowRight: rtl ? -1 : 1, ArrowUp: -7, ArrowDown: 7, Home: -col, End: 6 - col };
  const months: Record<string, number> = { PageUp: shift ? -12 : -1, PageDown: shift ? 12 : 1 };
  return Object.hasOwn(days, key) ? isoDate(t + days[key] * DAY) : Object.hasOwn(months, key) ? plusMonths(date, months[key]) : null;
}

export const clampDate = (date: string, min: string, max: string) => (date < min ? min : date > max ? max : date);
