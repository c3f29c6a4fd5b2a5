/** Plain inputs for rendering a view alone: a locale and real occurrences, no element, no API. */
import { fixture, html } from '@open-wc/testing';
import { createSchedule } from '../../../src/schedule/index';
import { catalogueFor } from '../../../src/i18n/index';
import type { LocaleInfo } from '../../../src/components/shared/locale-controller';
import type { TimeSlot } from '../../../src/api/schemas';

export const EN: LocaleInfo = { value: 'en-US', t: catalogueFor('en-US'), rtl: false, firstDay: 7 };

const slot = (id: number, day: number, start: string, end: string): TimeSlot => ({
  id,
  day_of_week: day,
  start_time: `2023-01-01 ${start}`,
  end_time: `2023-01-01 ${end}`,
  max_bookings: 1,
});

/** Wednesday 2 December 2026 in New York: 9:00-9:30 and 14:00-15:00. */
export function wednesday(viewerZone = 'America/New_York') {
  const schedule = createSchedule({
    slots: [slot(1, 3, '09:00:00', '09:30:00'), slot(2, 3, '14:00:00', '15:00:00')],
    serviceZone: 'America/New_York',
    viewerZone,
    now: new Date('2026-12-01T12:00:00Z'),
    daysAhead: 30,
  });
  return schedule.day('2026-12-02');
}

/** Renders a view into a fresh container and returns it. */
export const show = (view: unknown) => fixture<HTMLElement>(html`<div>${view}</div>`);

export const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
