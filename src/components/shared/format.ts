/**
 * Dates and times as the visitor reads them. Intl.DateTimeFormat instances are kept by locale,
 * zone and style: building one is far dearer than using one (docs/bench.md). The options are
 * luxon's presets, so the text matches what luxon would print.
 */
import type { Occurrence } from '../../schedule/index.js';

const STYLES = {
  time: { hour: 'numeric', minute: 'numeric' }, // DateTime.TIME_SIMPLE
  hugeDate: { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }, // DateTime.DATE_HUGE
  day: { day: 'numeric' },
  month: { month: 'long', year: 'numeric' },
  weekdayLong: { weekday: 'long' },
  weekdayNarrow: { weekday: 'narrow' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateStyle = keyof typeof STYLES;

const formats = new Map<string, Intl.DateTimeFormat>();
export function fmt(locale: string, zone: string, style: DateStyle): Intl.DateTimeFormat {
  const key = `${locale} ${zone} ${style}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone: zone })));
  return f;
}

const texts = new Map<string, string>();
/** A calendar date (`YYYY-MM-DD`) formatted as such, whatever the zones; kept, since every render of a month asks for each of its days again. */
export function dateText(date: string, locale: string, style: DateStyle): string {
  const key = `${locale} ${style} ${date}`;
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = fmt(locale, 'UTC', style).format(Date.parse(date))));
  return text;
}

/**
 * The page's first Intl.DateTimeFormat loads ICU's locale and zone data: call this in a task of
 * its own while data is on its way, so the render that shows the data does not pay for it.
 */
export const warmIntl = (locale: string, zone: string) => fmt(locale, zone, 'time').format(0);

/** Every date formatter of `locale` (the month grid's took 5-25 ms to build on a slow phone, even with ICU loaded): for a task before the calendar's first render. */
export const warmCalendar = (locale: string) => Object.keys(STYLES).forEach((style) => fmt(locale, 'UTC', style as DateStyle));

/** Keeps a Latin zone name whole inside right-to-left text. */
export const isolate = (text: string) => `\u2068${text}\u2069`;

export function timeRange(o: Occurrence, zone: string, locale: string): string {
  const f = fmt(locale, zone, 'time');
  return `${f.format(o.startMs)} – ${f.format(o.endMs)}`;
}

/** `{date, time}` of an occurrence in `zone`, for sentences such as "{service} on {date} at {time}". */
export function when(o: Occurrence, zone: string, locale: string): { date: string; time: string } {
  return { date: fmt(locale, zone, 'hugeDate').format(o.startMs), time: timeRange(o, zone, locale) };
}

export function whenLabel(o: Occurrence, zone: string, locale: string): string {
  const { date, time } = when(o, zone, locale);
  return `${date}, ${time}`;
}
