import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { api, mount, NOW, posts, seed } from './setup';
import { accessibleName, BookingPage } from './page';
import type { ReserveKitBooking } from '../../src/components/booking/reservekit-booking';

async function openForm(page: BookingPage) {
  await page.ready();
  await page.click('button', 'Monday, December 7, 2026');
  await page.click('button', /^9:00\s?PM/);
}

describe('<reservekit-booking> host control (issue 8)', () => {
  it('rk-booked carries everything a host needs', async () => {
    const { slots } = await seed();
    const { el, page } = await mount({ timezone: 'Asia/Tokyo' });
    await page.ready();
    await page.click('button', 'Tuesday, December 8, 2026');
    await page.click('button', /^11:00\s?AM/);
    await page.fill({ name: 'Kenji', email: 'kenji@example.jp', phone: '+81 90 1234 5678', message: 'Hi' });
    const booked = oneEvent(el, 'rk-booked');
    await page.click('button', 'Book');
    const { detail, bubbles, composed } = (await booked) as CustomEvent;
    expect(bubbles && composed).to.equal(true);
    expect(detail).to.deep.include({
      bookingId: 1,
      timeSlotId: slots.monEvening.id,
      date: '2026-12-07',
      start: '2026-12-07T21:00:00.000-05:00',
      end: '2026-12-07T22:00:00.000-05:00',
      serviceTimezone: 'America/New_York',
      viewerTimezone: 'Asia/Tokyo',
      message: 'Hi',
    });
    expect(detail.customer).to.deep.equal({ name: 'Kenji', email: 'kenji@example.jp', phone: '+819012345678' });
    expect(detail.booking).to.include({ id: 1, date: '2026-12-07', status: 'pending' });
  });

  it('rk-before-submit can be cancelled (no request) or add to the payload', async () => {
    await seed();
    const { el, page } = await mount();
    await openForm(page);
    await page.fill({ name: 'Jane', email: 'jane@example.com' });
    const stop = (e: Event) => e.preventDefault();
    el.addEventListener('rk-before-submit', stop, { once: true });
    await page.click('button', 'Book');
    await new Promise((r) => setTimeout(r, 50));
    expect(posts()).to.have.length(0);
    expect(page.value('Name')).to.equal('Jane');
    el.addEventListener('rk-before-submit', (e) => (e.detail.payload.message = 'utm=spring'), { once: true });
    const booked = oneEvent(el, 'rk-booked');
    await page.click('button', 'Book');
    await booked;
    expect(posts()).to.have.length(1);
    expect((posts()[0].body as { message: string }).message).to.equal('utm=spring');
  });

  it('redirect-url navigates after success with the placeholders filled', async () => {
    await seed();
    const { el, page } = await mount();
    el.redirectUrl = 'https://shop.example/thanks?b={booking_id}&d={date}';
    const visited: string[] = [];
    el.navigate = (url: string) => visited.push(url);
    await openForm(page);
    await page.fill({ name: 'Jane', email: 'jane@example.com' });
    const booked = oneEvent(el, 'rk-booked');
    await page.click('button', 'Book');
    await booked;
    expect(visited).to.deep.equal(['https://shop.example/thanks?b=1&d=2026-12-07']);
  });

  it('redirect-url never follows a non-web address', async () => {
    await seed();
    const { el, page } = await mount();
    el.redirectUrl = 'javascript:alert(1)';
    const visited: string[] = [];
    el.navigate = (url: string) => visited.push(url);
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      await openForm(page);
      await page.fill({ name: 'Jane', email: 'jane@example.com' });
      const booked = oneEvent(el, 'rk-booked');
      await page.click('button', 'Book');
      await booked;
    } finally {
      console.warn = original;
    }
    expect(visited).to.deep.equal([]);
    expect(String(warnings[0])).to.contain('not an http(s) address');
    await page.find('heading', "You're booked");
  });

  it('reset() returns to a fresh calendar with the prefill, "Book another time" too', async () => {
    await seed();
    const { el, page } = await mount();
    el.customerEmail = 'pre@example.com';
    await openForm(page);
    await page.fill({ name: 'Jane' });
    el.reset();
    await el.updateComplete;
    expect(page.query('textbox', 'Name')).to.equal(undefined);
    expect(page.days().filter((d) => d.getAttribute('aria-pressed') === 'true')).to.have.length(0);
    await openForm(page);
    expect(page.value('Name')).to.equal('');
    expect(page.value('Email')).to.equal('pre@example.com');
    await page.fill({ name: 'Jane' });
    await page.click('button', 'Book');
    await page.find('heading', "You're booked");
    await page.click('button', 'Book another time');
    expect(page.get('grid')).to.exist;
    expect(accessibleName(page.root.activeElement!)).to.match(/2026$/);
  });

  it('prefill-from-url reads customer_name and customer_email from the page URL, only when set', async () => {
    const original = location.href;
    history.replaceState(null, '', '?customer_name=Url%20Name&customer_email=url%40example.com');
    try {
      await seed();
      for (const [attr, expected] of [
        [true, ['Url Name', 'url@example.com']],
        [false, ['', '']],
      ] as const) {
        const el = await fixture<ReserveKitBooking>(html`<reservekit-booking
          service-id="1"
          timezone="America/New_York"
          locale="en-US"
          ?prefill-from-url=${attr}
          .now=${() => NOW}
          .fetch=${api.fetch}
        ></reservekit-booking>`);
        const page = new BookingPage(el);
        await openForm(page);
        expect([page.value('Name'), page.value('Email')]).to.deep.equal(expected);
      }
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('writes no cookie, localStorage or sessionStorage during a booking', async () => {
    await seed();
    const before = [document.cookie, localStorage.length, sessionStorage.length];
    const { el, page } = await mount();
    await openForm(page);
    await page.fill({ name: 'Jane', email: 'jane@example.com' });
    const booked = oneEvent(el, 'rk-booked');
    await page.click('button', 'Book');
    await booked;
    expect([document.cookie, localStorage.length, sessionStorage.length]).to.deep.equal(before);
  });

  it('several widgets on one page work independently', async () => {
    await seed();
    api.seedService({
      id: 2,
      name: 'Massage',
      timezone: 'Europe/Paris',
      time_slots: [{ day_of_week: 4, start_time: '2023-01-01 10:00:00', end_time: '2023-01-01 11:00:00', max_bookings: 3 }],
    });
    const a = await mount();
    const b = await mount();
    b.el.serviceId = '2';
    await a.page.ready();
    await b.page.find('heading', 'Massage');
    await a.page.click('button', 'Wednesday, December 2, 2026');
    expect(b.page.days().filter((d) => d.getAttribute('aria-pressed') === 'true')).to.have.length(0);
    expect(b.page.enabledDays()[0]).to.equal('Thursday, December 3, 2026');
  });

  it('works when the element exists before its definition is loaded', async () => {
    const seeded = await seed();
    const host = document.createElement('div');
    host.innerHTML = '<reservekit-booking-later service-id="1" timezone="America/New_York" locale="en-US"></reservekit-booking-later>';
    document.body.append(host);
    const { ReserveKitBooking } = await import('../../src/components/booking/reservekit-booking');
    customElements.define('reservekit-booking-later', class extends ReserveKitBooking {});
    const el = host.firstElementChild as InstanceType<typeof ReserveKitBooking>;
    el.now = () => new Date('2026-12-01T12:00:00Z');
    el.fetch = api.fetch;
    await el.updateComplete;
    const { BookingPage } = await import('./page');
    const page = new BookingPage(el);
    await page.ready();
    expect(page.enabledDays()[0]).to.equal('Wednesday, December 2, 2026');
    expect(seeded.slots.wedAfternoon.id).to.be.a('number');
    host.remove();
  });

  it('falls back to UTC when the browser reports a zone luxon does not know', async () => {
    await seed();
    const resolved = Intl.DateTimeFormat.prototype.resolvedOptions;
    Intl.DateTimeFormat.prototype.resolvedOptions = function () {
      return { ...resolved.call(this), timeZone: 'Etc/Unknown' };
    };
    try {
      const { page } = await mount({ timezone: '' });
      await page.ready();
      expect(page.root.querySelector('[part=timezone] strong')!.textContent).to.equal('UTC');
      // At 12:00 UTC, Tuesday's two times (02:00 and 06:00 UTC) are past; Wednesday's 19:00 UTC is the first.
      expect(page.enabledDays()[0]).to.equal('Wednesday, December 2, 2026');
    } finally {
      Intl.DateTimeFormat.prototype.resolvedOptions = resolved;
    }
  });
});
