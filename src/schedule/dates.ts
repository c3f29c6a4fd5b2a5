/**
 * Calendar-date arithmetic with no timezone in it: `YYYY-MM-DD` strings and UTC-based
 * millisecond values. No luxon here, so the server proxy can use it without loading zone rules.
 */
/** `YYYY-MM-DD` in form; `isIsoDate` also checks that the day exists. */
export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (no 2025-02-30). */
export function isIsoDate(v: unknown): v is string {
  return typeof v === 'string' && DATE_RE.test(v) && !isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v);
}

export const DAY = 86_400_000;
export const MINUTE = 60_000;

/** `YYYY-MM-DD` of a UTC-based millisecond value (wall times are carried as "UTC" numbers). */
export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The last day (`YYYY-MM-DD`) of a month written `YYYY-MM`. */
export const monthEnd = (month: string): string => isoDate(Date.UTC(+month.slice(0, 4), +month.slice(5, 7), 0));
