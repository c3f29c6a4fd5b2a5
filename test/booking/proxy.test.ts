import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ReserveKitBooking } from '../../src/components/booking/reservekit-booking';
import { createBookingProxy, type BookingProxyHandler } from '../../src/server/index';
import { accessibleName, BookingPage } from './page';
import { NOW, api, posts, seed, type Seeded } from './setup';

const KEY = 'sk_rsv_secret';

/**
 * The widget in proxy mode: `api-base` is the site's own path and every request it makes is
 * answered by the proxy, which talks to the mock API with the secret key.
 */
describe('<reservekit-booking> through the server proxy', () => {
  let proxy: BookingProxyHandler;
  let answers: { path: string; status: number; text: string }[];
  let slots: Seeded['slots'];

  beforeEach(async () => {
    ({ slots } = await seed());
    api.setOptions({ apiKey: KEY });
    proxy = createBookingProxy({ apiKey: KEY, services: [1], basePath: '/api/booking', fetch: api.fetch, now: () => NOW, getClientIp: () => '192.0.2.1' });
    answers = [];
    // Wednesday 2 December's only time is taken; Monday 7th has one of two morning places left
    // and a full evening; Sunday 6th's booking was cancelled, so its place is free again.
    api.seedBooking({ date: '2026-12-02', time_slot_id: slots.wedAfternoon.id, customer_name: 'Wanda Wed', customer_email: 'wanda@example.com' });
    api.seedBooking({ date: '2026-12-07', time_slot_id: slots.monMorning.id, customer_name: 'Mo Morning', customer_email: 'mo@example.com' });
    api.seedBooking({ date: '2026-12-07', time_slot_id: slots.monEvening.id, customer_name: 'Eve Evening', customer_email: 'eve@example.com' });
    api.seedBooking({ date: '2026-12-06', time_slot_id: slots.sunMorning.id, customer_email: 'sun@example.com', status: 'cancelled', cancel_reason: 'moved' });
  });

  afterEach(() => {
    api.setOptions({ apiKey: undefined });
  });

  async function mount() {
    const viaProxy = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await proxy(new Request(new URL(String(input), location.href), init));
      answers.push({ path: new URL(String(input), location.href).pathname, status: response.status, text: await response.clone().text() });
      return response;
    };
    const el = await fixture<ReserveKitBooking>(html`<reservekit-booking
      service-id="1"
      api-base="/api/booking"
      timezone="America/New_York"
      locale="en-US"
      .fetch=${viaProxy}
      .now=${() => NOW}
      .clientOptions=${{ retries: 0, timeoutMs: 2000 }}
    ></reservekit-booking>`);
    const page = new BookingPage(el);
    await page.ready();
    return { el, page };
  }

  const day = (page: BookingPage, name: string) => page.get('button', name);
  const isDisabled = (el: Element) => el.getAttribute('aria-disabled') === 'true';

  it('disables full days and times and shows the places left', async () => {
    const { el, page } = await mount();
    // Without availability Wednesday 2nd would be the first bookable day (see flow.test.ts).
    await waitUntil(() => isDisabled(day(page, 'Wednesday, December 2, 2026')), 'the full Wednesday never became disabled');
    expect(day(page, 'Wednesday, December 2, 2026').getAttribute('aria-describedby')).to.equal('rk-reason-full');
    expect(page.enabledDays().slice(0, 3)).to.deep.equal(['Sunday, December 6, 2026', 'Monday, December 7, 2026', 'Tuesday, December 8, 2026']);

    await page.click('button', 'Monday, December 7, 2026');
    expect(page.get('status', /1 time available/)).to.exist;
    const morning = page.get('button', /^9:00\s?AM – 9:30\s?AM/);
    const evening = page.get('button', /^9:00\s?PM – 10:00\s?PM/);
    expect(accessibleName(morning)).to.contain('1 place left');
    expect(isDisabled(morning)).to.equal(false);
    expect(isDisabled(evening)).to.equal(true);
    expect(accessibleName(evening)).to.contain('Fully booked');
    evening.click();
    await el.updateComplete;
    expect(page.query('textbox', 'Name'), 'a full time cannot be chosen').to.equal(undefined);

    await page.click('button', 'Sunday, December 6, 2026');
    expect(accessibleName(page.get('button', /^10:00\s?AM – 10:30\s?AM/)), 'a cancelled booking frees its place').to.contain('1 place left');
  });

  it('never shows the key or anyone else’s details, and the API sees the key', async () => {
    const { page } = await mount();
    await waitUntil(() => answers.some((a) => a.path.endsWith('/availability')), 'no availability request');
    expect(answers.map((a) => `${a.status} ${a.path}`).sort()).to.deep.equal([
      '200 /api/booking/v1/services/1',
      '200 /api/booking/v1/services/1/availability',
      '200 /api/booking/v1/services/1/time-slots',
    ]);
    const seen = answers.map((a) => a.text).join('\n') + page.root.innerHTML;
    for (const secret of [KEY, 'Wanda', 'wanda@example.com', 'Mo Morning', 'eve@example.com', 'moved']) expect(seen).not.to.contain(secret);
    expect(api.requests.length).to.be.greaterThan(0);
    for (const r of api.requests) expect(r.headers.get('Authorization'), r.url.pathname).to.equal(`Bearer ${KEY}`);
  });

  it('books through the proxy, which then reports the time as taken', async () => {
    const { el, page } = await mount();
    await waitUntil(() => isDisabled(day(page, 'Wednesday, December 2, 2026')));
    await page.click('button', 'Sunday, December 6, 2026');
    await page.click('button', /^10:00\s?AM – 10:30\s?AM/);
    await page.fill({ name: 'Sam Sunday', email: 'sam@example.com' });
    const booked = oneEvent(el, 'rk-booked');
    await page.click('button', 'Book');
    expect((await booked).detail.bookingId).to.be.a('number');
    expect(posts()).to.have.length(1);
    expect(posts()[0].body).to.deep.equal({ date: '2026-12-06', time_slot_id: slots.sunMorning.id, customer_name: 'Sam Sunday', customer_email: 'sam@example.com' });
    expect(posts()[0].url.searchParams.get('service_id')).to.equal('1');

    // A second visitor, same clock: the proxy's 30 s cache was dropped by the booking.
    const second = await mount();
    await waitUntil(() => isDisabled(day(second.page, 'Sunday, December 6, 2026')), 'Sunday 6th still offered after it was booked');
  });
});
