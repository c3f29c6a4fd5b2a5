import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { api, mount, posts, seed } from './setup';

const typed = { name: 'Jane Doe', email: 'jane@example.com', phone: '+12025550185', message: 'Please call first' };

/** Opens the form for Wednesday 14:00 and types the visitor's details. */
async function toForm(options: Parameters<typeof mount>[0] = {}) {
  const seeded = await seed();
  const mounted = await mount(options);
  await mounted.page.ready();
  await mounted.page.click('button', 'Wednesday, December 2, 2026');
  await mounted.page.click('button', /^2:00\s?PM/);
  await mounted.page.fill(typed);
  return { ...seeded, ...mounted };
}

function expectKept(page: Awaited<ReturnType<typeof mount>>['page']) {
  expect(page.value('Name')).to.equal(typed.name);
  expect(page.value('Email')).to.equal(typed.email);
  expect(page.value(/^Phone/)).to.equal(typed.phone);
  expect(page.value(/^Message/)).to.equal(typed.message);
}

describe('<reservekit-booking> faults (SPEC 5)', () => {
  it('invalid fields: inline messages, aria-invalid, focus on the first, no request', async () => {
    const { el, page } = await toForm();
    await page.type('Name', '');
    await page.type('Email', 'not-an-email');
    await page.type(/^Phone/, '555 abc');
    await page.click('button', 'Book');
    await el.updateComplete;
    const name = page.get('textbox', 'Name');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(page.get('textbox', 'Email').getAttribute('aria-invalid')).to.equal('true');
    expect(page.get('textbox', /^Phone/).getAttribute('aria-invalid')).to.equal('true');
    expect(page.root.activeElement).to.equal(name);
    expect(page.root.getElementById(name.getAttribute('aria-describedby')!)!.textContent).to.equal('Enter your name');
    expect(page.root.textContent).to.contain('Enter an email address like name@example.com');
    expect(page.root.textContent).to.contain('Enter the number with its country code');
    expect(posts()).to.have.length(0);
    expect(page.value('Email')).to.equal('not-an-email');
    await expect(el).to.be.accessible();
  });

  it('time slot is full: plain message, the time is marked full, back to slot choice, nothing lost', async () => {
    const { el, page, slots } = await toForm();
    api.seedBooking({ date: '2026-12-02', time_slot_id: slots.wedAfternoon.id, customer_email: 'other@example.com' });
    const error = oneEvent(el, 'rk-error');
    await page.click('button', 'Book');
    expect((await error).detail.code).to.equal('slot_full');
    await page.find('alert');
    expect(page.alertText()).to.contain('This time is now full, please pick another');
    const slot = page.get('button', /^2:00\s?PM/);
    expect(slot.getAttribute('aria-disabled')).to.equal('true');
    expect(page.query('textbox', 'Name')).to.equal(undefined);
    // The day has nothing left, so it is disabled too; values survive choosing another time.
    expect(page.get('button', 'Wednesday, December 2, 2026').getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    await page.click('button', 'Monday, December 7, 2026');
    await page.click('button', /^9:00\s?AM/);
    expectKept(page);
    expect(posts()).to.have.length(1);
  });

  it('duplicate booking: says so and keeps the form', async () => {
    const { el, page, slots } = await toForm();
    api.seedBooking({ date: '2026-12-02', time_slot_id: slots.wedAfternoon.id, customer_email: 'JANE@example.com' });
    api.store.timeSlots.find((s) => s.id === slots.wedAfternoon.id)!.max_bookings = 5;
    await page.click('button', 'Book');
    await page.find('alert');
    expect(page.alertText()).to.contain('You already have a booking at this time');
    expectKept(page);
    await expect(el).to.be.accessible();
  });

  it('429: shows the Retry-After countdown and never re-posts by itself', async () => {
    const { el, page } = await toForm();
    api.failNext({ method: 'POST', path: '/v1/bookings' }, { status: 429, body: { data: null, error: 'rate limit exceeded' }, headers: { 'Retry-After': '30' } });
    await page.click('button', 'Book');
    await page.find('alert');
    expect(page.alertText()).to.match(/wait 30\s?s/);
    expect(page.get('button', 'Book').getAttribute('aria-disabled')).to.equal('true');
    await page.click('button', 'Book');
    await new Promise((r) => setTimeout(r, 50));
    expect(posts()).to.have.length(1);
    expectKept(page);
    await expect(el).to.be.accessible();
  });

  it('network error: plain message and Retry; a POST is sent again only on the click', async () => {
    const { el, page } = await toForm();
    api.failNext({ method: 'POST', path: '/v1/bookings' }, 'network');
    await page.click('button', 'Book');
    await page.find('alert');
    expect(page.alertText()).to.contain("Can't reach the booking service");
    expectKept(page);
    await new Promise((r) => setTimeout(r, 100));
    expect(posts()).to.have.length(1);
    const booked = oneEvent(el, 'rk-booked');
    await page.click('button', 'Retry');
    await booked;
    expect(posts()).to.have.length(2);
    await page.find('heading', "You're booked");
  });

  it('after an unknown outcome, a duplicate answer on retry means the first attempt landed', async () => {
    const { el, page, slots } = await toForm();
    api.failNext({ method: 'POST', path: '/v1/bookings' }, 'network');
    await page.click('button', 'Book');
    await page.find('alert');
    // The first request reached the server after all.
    api.seedBooking({ date: '2026-12-02', time_slot_id: slots.wedAfternoon.id, customer_email: typed.email });
    api.store.timeSlots.find((s) => s.id === slots.wedAfternoon.id)!.max_bookings = 5;
    const booked = oneEvent(el, 'rk-booked');
    await page.click('button', 'Retry');
    expect((await booked).detail.booking).to.equal(null);
    await page.find('heading', "You're booked");
  });

  it('timeout: says the service is slow, keeps the form, offers Retry', async () => {
    const { el, page } = await toForm();
    el.clientOptions = { retries: 0, timeoutMs: 100 };
    api.failNext({ method: 'POST', path: '/v1/bookings' }, { delayMs: 1000 });
    const error = oneEvent(el, 'rk-error');
    await page.click('button', 'Book');
    expect((await error).detail.code).to.equal('timeout');
    await page.find('alert');
    expect(page.alertText()).to.contain('taking too long');
    expect(page.get('button', 'Retry')).to.exist;
    expectKept(page);
  });

  it('a double click sends one POST', async () => {
    const { el, page } = await toForm();
    api.setOptions({ latencyMs: 150 });
    const book = page.get('button', 'Book');
    book.click();
    book.click();
    await el.updateComplete;
    expect(book.getAttribute('aria-busy')).to.equal('true');
    book.click();
    await page.find('heading', "You're booked");
    expect(posts()).to.have.length(1);
  });

  for (const [status, label] of [
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'not_found'],
  ] as const) {
    it(`${status} on load: "Booking is unavailable" and a console error for the site owner`, async () => {
      await seed();
      api.failNext({ method: 'GET', path: '/v1/services/1' }, { status, body: { data: null, error: 'nope' } });
      const logged: unknown[][] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => logged.push(args);
      try {
        const { el, page } = await mount();
        const error = await oneEvent(el, 'rk-error');
        expect(error.detail.code).to.equal(label);
        await page.find('alert');
        expect(page.alertText()).to.contain('Booking is unavailable');
        expect(logged.map((a) => String(a[0])).join()).to.match(status === 404 ? /not found.*service-id/ : /refused the key/);
        await expect(el).to.be.accessible();
      } finally {
        console.error = original;
      }
    });
  }

  it('malformed response on load: "Something went wrong", Retry recovers, no uncaught exception', async () => {
    await seed();
    api.failNext({ method: 'GET', path: '/v1/services/1/time-slots' }, { status: 200, body: { data: [{ id: 'x' }] } });
    const original = console.error;
    const logged: unknown[][] = [];
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const { el, page } = await mount();
      await page.find('alert');
      expect(page.alertText()).to.contain('Something went wrong');
      expect(logged.length).to.be.greaterThan(0);
      await page.click('button', 'Retry');
      await page.ready();
      expect(page.get('heading', 'Consultation')).to.exist;
      await expect(el).to.be.accessible();
    } finally {
      console.error = original;
    }
  });

  it('network error on load: plain message and Retry', async () => {
    await seed();
    api.failNext({ method: 'GET', path: '/v1/services/1' }, 'network');
    const { page } = await mount();
    await page.find('alert');
    expect(page.alertText()).to.contain("Can't reach the booking service");
    await page.click('button', 'Retry');
    await page.ready();
  });

  it('shows a loading state with an accessible label', async () => {
    await seed();
    api.setOptions({ latencyMs: 300 });
    const { el, page } = await mount();
    expect(page.get('status').textContent).to.contain('Loading available times');
    await expect(el).to.be.accessible();
    await waitUntil(() => page.query('grid'));
  });
});

describe('<reservekit-booking> slot times that cannot exist', () => {
  it('a slot at 25:99 is refused at the boundary: "Something went wrong" and the console says why', async () => {
    await seed();
    api.store.timeSlots[0].start_time = '2023-01-01 25:99:00';
    const original = console.error;
    const logged: unknown[][] = [];
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const { el, page } = await mount();
      const error = await oneEvent(el, 'rk-error');
      expect(error.detail.code).to.equal('bad_response');
      await page.find('alert');
      expect(page.alertText()).to.contain('Something went wrong');
      expect(page.query('grid')).to.equal(undefined);
      expect(String(logged[0]?.[0])).to.contain('unexpected shape');
      expect(String(logged[0]?.[1])).to.match(/start_time/);
    } finally {
      console.error = original;
    }
  });
});
