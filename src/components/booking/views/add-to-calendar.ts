import { html } from 'lit';
import { format, type Strings } from '../../../i18n/index.js';
import type { LocaleInfo } from '../../shared/locale-controller.js';
import { icsDataUrl, type CalendarEvent } from '../../../calendar-export/ics.js';
import { googleCalendarUrl, outlookCalendarUrl } from '../../../calendar-export/links.js';

export interface BookedVisit {
  /** The booking's id; null when only the occurrence is known (an earlier attempt went through). */
  bookingId: number | null;
  /** `${slotId}@${serviceDate}`: identifies the visit when there is no booking id. */
  occurrenceKey: string;
  start: number;
  end: number;
  serviceName: string;
  serviceDescription?: string | null;
  manageUrl?: string;
}

/**
 * The calendar entry for a booked visit. The UID names the booking and the site, so downloading
 * the file again updates the entry instead of adding a second one, and two businesses' booking
 * 42 never collide. Built once per booking (`stamp` is when), so re-renders keep the same file.
 */
export function visitEvent(v: BookedVisit, t: Strings, stamp: number, site = location.hostname || 'reservekit-booking'): CalendarEvent {
  const description = [v.serviceDescription, v.manageUrl && format(t.calendarManage, { url: v.manageUrl })].filter(Boolean).join('\n\n');
  return {
    uid: `reservekit-booking-${v.bookingId ?? v.occurrenceKey.replace('@', '-')}@${site}`,
    start: v.start,
    end: v.end,
    title: v.serviceName,
    description,
    stamp,
  };
}

/** A file name the visitor recognises, without characters file systems refuse. */
const fileName = (title: string) => `${title.replace(/[\\/:*?"<>|\x00-\x1f]+/g, '-').trim().slice(0, 60) || 'booking'}.ics`;

export interface AddToCalendarProps {
  locale: LocaleInfo;
  event: CalendarEvent;
  /** The visitor's zone, for the Google Calendar form. */
  zone: string;
}

/** "Add to calendar": an .ics download and links to Google Calendar and Outlook.com. */
export function addToCalendarView({ locale: { t }, event, zone }: AddToCalendarProps) {
  const away = (href: string, label: string) =>
    html`<a part="calendar-link" href=${href} target="_blank" rel="noopener noreferrer">${label}<span class="sr-only"> ${t.newTab}</span></a>`;
  return html`<section part="add-to-calendar" class="add-calendar" aria-labelledby="rk-add-calendar">
    <h4 id="rk-add-calendar">${t.addToCalendar}</h4>
    <ul role="list">
      <li><a part="calendar-link" href=${icsDataUrl(event)} download=${fileName(event.title)}>${t.calendarFile}</a></li>
      <li>${away(googleCalendarUrl(event, zone), t.googleCalendar)}</li>
      <li>${away(outlookCalendarUrl(event), t.outlookCalendar)}</li>
    </ul>
  </section>`;
}
