/**
 * Shared set-up for widget tests: one mock ReserveKit API (msw request handlers, reached through
 * the element's injectable `fetch` rather than a service worker, so test files running in
 * parallel pages cannot disturb each other's worker), a frozen clock, and an America/New_York service whose slots sit near midnight so that
 * viewers east and west of it see them on other days.
 */
import { html, fixture } from '@open-wc/testing';
import { createMockApi, type MockApi } from '../../src/mock/index';
import type { TimeSlot } from '../../src/api/schemas';
import type { ReserveKitBooking } from '../../src/components/booking/reservekit-booking';
import '../../src/components/booking/reservekit-booking';
import { BookingPage } from './page';

/** Tuesday 2026-12-01 07:00 in New York. */
export const NOW = new Date('2026-12-01T12:00:00Z');

export const api: MockApi = createMockApi();

export interface Seeded {
  slots: Record<'monMorning' | 'monEvening' | 'tueEarly' | 'wedAfternoon' | 'sunMorning', TimeSlot>;
}

export async function seed(name = 'Consultation', description = '30-minute initial consultation'): Promise<Seeded> {
  api.reset();
  api.setOptions({ latencyMs: 0, errorShape: 'string', rateLimit: null });
  const { slots } = api.seedService({
    id: 1,
    name,
    description,
    timezone: 'America/New_York',
    time_slots: [
      { day_of_week: 1, start_time: '2023-01-01 09:00:00', end_time: '2023-01-01 09:30:00', max_bookings: 2 },
      { day_of_week: 1, start_time: '2023-01-01 21:00:00', end_time: '2023-01-01 22:00:00', max_bookings: 1 },
      { day_of_week: 2, start_time: '2023-01-01 01:00:00', end_time: '2023-01-01 01:30:00', max_bookings: 1 },
      { day_of_week: 3, start_time: '2023-01-01 14:00:00', end_time: '2023-01-01 15:00:00', max_bookings: 1 },
      { day_of_week: 0, start_time: '2023-01-01 10:00:00', end_time: '2023-01-01 10:30:00', max_bookings: 1 },
    ],
  });
  const [monMorning, monEvening, tueEarly, wedAfternoon, sunMorning] = slots;
  return { slots: { monMorning, monEvening, tueEarly, wedAfternoon, sunMorning } };
}

export async function mount(attrs: { timezone?: string; locale?: string; extra?: Partial<ReserveKitBooking> } = {}) {
  const el = await fixture<ReserveKitBooking>(html`<reservekit-booking
    service-id="1"
    timezone=${attrs.timezone ?? 'America/New_York'}
    locale=${attrs.locale ?? 'en-US'}
    .now=${() => NOW}
    .fetch=${api.fetch}
    .clientOptions=${{ retries: 0, timeoutMs: 2000 }}
  ></reservekit-booking>`);
  Object.assign(el, attrs.extra ?? {});
  const page = new BookingPage(el);
  return { el, page };
}

export const posts = () => api.requests.filter((r) => r.method === 'POST');
