/**
 * "Add to calendar" links for the two web calendars without an import step: each opens the
 * provider's new-event page with the booking filled in, times in UTC.
 */
import { utcBasic, type CalendarEvent } from './ics.js';

/** encodeURIComponent for every value: both providers read `%20` as a space, not all read `+`. */
const query = (params: Record<string, string | undefined>) =>
  Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');

/** Google Calendar's event template; `timezone` (IANA) only sets the zone the form shows it in. */
export const googleCalendarUrl = (event: CalendarEvent, timezone?: string) =>
  'https://calendar.google.com/calendar/render?' +
  query({
    action: 'TEMPLATE',
    text: event.title,
    dates: `${utcBasic(event.start)}/${utcBasic(event.end)}`,
    details: event.description,
    ctz: timezone,
  });

/** `2026-12-07T14:00:00Z`: Outlook's deep link takes ISO 8601 with the zone. */
const isoUtc = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

/** Outlook.com (personal accounts) compose deep link. */
export const outlookCalendarUrl = (event: CalendarEvent) =>
  'https://outlook.live.com/calendar/0/deeplink/compose?' +
  query({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: event.title,
    startdt: isoUtc(event.start),
    enddt: isoUtc(event.end),
    body: event.description,
  });
