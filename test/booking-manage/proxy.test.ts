import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ReserveKitBooking } from '../../src/components/booking/reservekit-booking';
import type { ReserveKitBookingManage } from '../../src/components/booking-manage/booking-manage.component';
import '../../src/components/booking/reservekit-booking';
import '../../src/components/booking-manage/reservekit-booking-manage';
import { createBookingProxy, type BookingProxyHandler } from '../../src/server/index';
import { BookingPage } from '../booking/page';
import { NOW, api, seed, type Seeded } from '../booking/setup';

const KEY = 'sk_rsv_secret';

/**
 * The whole visit through the real server proxy, with manage links on: choosing among the
 * allowed services, booking, then the manage page from the link's token, over the mock API.
 */
describe('the whole visit through the server proxy', () => {
  let proxy: BookingProxyHandler;
  let slots: Seeded['slots'];
  const viaProxy = (input: RequestInfo | URL, init?: RequestInit) => proxy(new Request(new URL(String(input), location.href), init));
  const common = { now: () => NOW, clientOptions: { retries: 0, timeoutMs: 3000 } };

  beforeEach(async () => {
    ({ slots } = await seed());
    api.seedService({ id: 2, name: 'Workshop', timezone: 'America/New_York', time_slots: [{ day_of_week: 3, start_time: '2023-01-01 10:00:00', end_time: '2023-01-01 12:00:00', max_bookings: 4 }] });
    api.seedService({ id: 3, name: 'Not for the public', timezone: 'America/New_York' });
    api.setOptions({ apiKey: KEY, manage: null });
    proxy = createBookingProxy({
      apiKey: KEY,
      services: [1, 2],
      basePath: '/api/booking',
      fetch: api.fetch,
      now: () => NOW,
      getClientIp: () => '192.0.2.1',
      manage: { secret: 'the proxy secret, at least 32 bytes long', url: 'https://shop.example/manage?token={token}' },
    });
  });

  afterEach(() => api.setOptions({ apiKey: undefined }));

  it('lists only the allowed services, books one and manages it from the link', async () => {
    const el = await fixture<ReserveKitBooking>(
      html`<reservekit-booking api-base="/api/booking" timezone="America/New_York" locale="en-US" .now=${common.now} .fetch=${viaProxy} .clientOptions=${common.clientOptions}></reservekit-booking>`,
    );
    const page = new BookingPage(el);
    await page.find('heading', 'Choose a service');
    expect([...page.root.querySelectorAll('.service')].map((b) => b.textContent!.trim())).to.deep.equal(['Consultation', 'Workshop']);
    await page.click('button', 'Consultation');
    await page.ready();
    await page.click('button', 'Wednesday, December 2, 2026');
    await page.click('button', /^2:00\s?PM/);
    await page.fill({ name: 'Jane Doe', email: 'jane@example.com' });
    const booked = oneEvent(el, 'rk-booked');
    await page.click('button', 'Book');
    const { detail } = await booked;
    expect(detail.manageUrl).to.equal(`https://shop.example/manage?token=${detail.manageToken}`);
    expect(((await page.find('link', 'Change or cancel this booking')) as HTMLAnchorElement).href).to.equal(detail.manageUrl);

    const manage = await fixture<ReserveKitBookingManage>(
      html`<reservekit-booking-manage token=${detail.manageToken!} api-base="/api/booking" timezone="America/New_York" locale="en-US" .now=${common.now} .fetch=${viaProxy} .clientOptions=${common.clientOptions}></reservekit-booking-manage>`,
    );
    const managed = new BookingPage(manage);
    await managed.click('button', 'Reschedule');
    await managed.ready();
    await managed.click('button', 'Monday, December 7, 2026');
    await managed.click('button', /^9:00\s?AM – 9:30\s?AM/);
    const moved = oneEvent(manage, 'rk-rescheduled');
    await managed.click('button', 'Move booking');
    const { detail: move } = await moved;
    await managed.find('heading', 'Your booking is moved');
    const jane = api.store.bookings.filter((b) => b.customer?.email === 'jane@example.com');
    expect(jane.map((b) => [b.id, b.date, b.status])).to.deep.equal([
      [detail.bookingId, '2026-12-02', 'cancelled'],
      [move.bookingId, '2026-12-07', 'pending'],
    ]);
    expect(jane[0].cancel_reason).to.match(/^Rescheduled to 2026-12-07/);
    expect(move.manageUrl).to.equal(`https://shop.example/manage?token=${move.manageToken}`);
    expect(slots.monMorning.id).to.equal(jane[1].time_slot_id);
  });
});
