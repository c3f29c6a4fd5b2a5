/**
 * An iCalendar (RFC 5545) file for one booking, built in the browser: the visitor's calendar app
 * imports it as one event at the right instant whatever its own timezone, because every time is
 * written in UTC.
 */

/** What a calendar needs to know about one booked time. */
export interface CalendarEvent {
  /** Stable across downloads of the same booking, so a second import updates instead of duplicating. */
  uid: string;
  /** Instants, in ms since the epoch. */
  start: number;
  end: number;
  title: string;
  /** Plain text; line breaks are kept. */
  description?: string;
  /** When the file was made (DTSTAMP); defaults to now. */
  stamp?: number;
}

/** `20261207T140000Z`: the UTC "basic" form RFC 5545 (DATE-TIME form 2) and Google Calendar read. */
export const utcBasic = (ms: number) => new Date(ms).toISOString().replace(/-|:|\.\d+/g, '');

/**
 * TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon and comma get a backslash, every
 * line break becomes `\n`, and other control characters, which TEXT may not hold, are dropped.
 */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\\;,]/g, '\\$&')
    .replace(/\n/g, '\\n')
    .replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '');
}

const octets = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * Folds a content line so that no physical line exceeds 75 octets of UTF-8 (RFC 5545 3.1),
 * continuation lines starting with one space. Cuts fall between characters, never inside one's
 * bytes (or between the halves of a surrogate pair), which some importers would garble.
 */
export function foldLine(line: string): string {
  let out = '';
  let used = 0;
  for (const char of line) {
    const size = octets(char.codePointAt(0)!);
    if (used + size > 75) {
      out += '\r\n ';
      used = 1;
    }
    out += char;
    used += size;
  }
  return out;
}

/** The whole `.ics` text: one VCALENDAR with one VEVENT, CRLF line ends. */
export function icsText(event: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//reservekit-booking//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcBasic(event.stamp ?? Date.now())}`,
    `DTSTART:${utcBasic(event.start)}`,
    `DTEND:${utcBasic(event.end)}`,
    `SUMMARY:${escapeText(event.title)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/**
 * The file as a `data:` URL for `<a download>`: a download, not a navigation nor a fetch, so a
 * page's strict Content-Security-Policy does not stand in its way, and unlike a Blob URL there is
 * nothing to revoke.
 */
export const icsDataUrl = (event: CalendarEvent) => `data:text/calendar;charset=utf-8,${encodeURIComponent(icsText(event))}`;
