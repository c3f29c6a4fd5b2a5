/**
 * The manage page against the mock API standing in for the proxy (`manage` option: real HMAC
 * tokens and the proxy's own manage-route code over the mock's bookings), a frozen clock, and a
 * New York service with a booking to manage.
 */
import { fixture, html } from '@open-wc/testing';
import type { ReserveKitBookingManage } from '../../src/components/booking-manage/booking-manage.component';
import '../../src/components/booking-manage/reservekit-booking-manage';
import { createBooking } from '../../src/api/widget-calls';
import { BookingPage } from '../booking/page';
import { NOW, api, seed, type Seeded } from '../booking/setup';

export { NOW, api };
const SECRET = 'the manage secret of this shop, 32+ bytes';
const MANAGE_URL = 'https://shop.example/manage?token={token}';

export interface Booked {
  slots: Seeded['slots'];
  id: number;
  token: string;
}

/** Jane's booking of Wednesday 2 December 14:00 New York, made as the widget makes it. */
export async function seedBooked(): Promise<Booked> {
  const { slots } = await seed();
  api.setOptions({ manage: { secret: SECRET, url: MANAGE_URL }, now: () => NOW });
  const booking = await createBooking(
    { fetch: api.fetch, retries: 0 },
    { date: '2026-12-02', time_slot_id: slots.wedAfternoon.id, customer_name: 'Jane Doe', customer_email: 'jane@example.com', customer_phone: '+12025550185' },
    { serviceId: 1 },
  );
  api.requests.length = 0;
  return { slots, id: booking.id, token: booking.manage_token! };
}

export async function mountManage(token: string | null, attrs: { timezone?: string; locale?: string } = {}) {
  const el = await fixture<ReserveKitBookingManage>(html`<reservekit-booking-manage
    token=${token ?? ''}
    timezone=${attrs.timezone ?? 'America/New_York'}
    locale=${attrs.locale ?? 'en-US'}
    .now=${() => NOW}
    .fetch=${api.fetch}
    .clientOptions=${{ retries: 0, timeoutMs: 2000 }}
  ></reservekit-booking-manage>`);
  return { el, page: new BookingPage(el) };
}

export const stored = (id: number) => api.store.bookings.find((b) => b.id === id)!;
export const writes = () => api.requests.filter((r) => r.method !== 'GET' && r.url.pathname.startsWith('/v1/manage/'));
