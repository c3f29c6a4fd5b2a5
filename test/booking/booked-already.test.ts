import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ReserveKitBooking } from '../../src/components/booking/reservekit-booking';
import { BookingPage } from './page';
import { NOW, api, posts, seed } from './setup';

/**
 * A POST whose outcome we never learnt may have booked: the next "duplicate booking" for the
 * same time then means the visitor is booked, not that they must pick again.
 */
type Answer = (committed: Response) => Response | Promise<Response>;

/** The mock API, except that the next POST is carried out and then answered by `answer`. */
async function mountWith(answer: Answer) {
  let next: Answer | undefined = answer;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await api.fetch(input, init);
    if (init?.method !== 'POST' || !next) return response;
    const reply = next;
    next = undefined;
    return reply(response);
  };
  const el = await fixture<ReserveKitBooking>(html`<reservekit-booking
    service-id="1"
    timezone="America/New_York"
    locale="en-US"
    .now=${() => NOW}
    .fetch=${fetch}
    .clientOptions=${{ retries: 0, timeoutMs: 2000 }}
  ></reservekit-booking>`);
  const page = new BookingPage(el);
  await page.ready();
  await page.click('button', 'Wednesday, December 2, 2026');
  await page.click('button', /^2:00\s?PM/);
  await page.fill({ name: 'Jane Doe', email: 'jane@example.com' });
  return { el, page };
}

/** Books, sees the first failure, retries and expects the visitor to be told they are booked. */
async function expectBookedOnRetry(answer: Answer, alert: RegExp) {
  await seed();
  const { el, page } = await mountWith(answer);
  const visited: string[] = [];
  el.redirectUrl = 'https://shop.example/thanks?d={date}';
  el.navigate = (url: string) => visited.push(url);
  await page.click('button', 'Book');
  await page.find('alert');
  expect(page.alertText()).to.match(alert);
  const errors: string[] = [];
  el.addEventListener('rk-error', (e) => errors.push(e.detail.code));
  const booked: unknown[] = [];
  el.addEventListener('rk-booked', (e) => booked.push(e.detail));
  await page.click('button', 'Retry');
  await page.find('heading', "You're booked");
  expect(booked).to.have.length(1);
  expect(booked[0]).to.include({ booking: null, bookingId: null, date: '2026-12-02' });
  expect(page.root.textContent).to.contain('Your earlier request had already gone through.');
  expect(visited).to.deep.equal(['https://shop.example/thanks?d=2026-12-02']);
  expect(errors).to.deep.equal([]);
  expect(posts()).to.have.length(2);
}

describe('<reservekit-booking> after an answer it could not read', () => {
  it('a 500 that was in fact committed, then "duplicate": booked', async () => {
    await expectBookedOnRetry(() => new Response(JSON.stringify({ data: null, error: 'internal error' }), { status: 500 }), /Something went wrong/);
  });

  it('a 2xx with an unreadable body, then "duplicate": booked', async () => {
    await expectBookedOnRetry(() => new Response('<html>OK</html>', { status: 201 }), /Something went wrong/);
  });

  it('a connection dropped after the server booked (a resent keep-alive POST), then "duplicate": booked', async () => {
    await expectBookedOnRetry(() => {
      throw new TypeError('Failed to fetch');
    }, /Can't reach the booking service/);
  });

  it('a plain "duplicate" on the first attempt still says so and keeps the form', async () => {
    const { slots } = await seed();
    api.seedBooking({ date: '2026-12-02', time_slot_id: slots.wedAfternoon.id, customer_email: 'jane@example.com' });
    api.store.timeSlots.find((s) => s.id === slots.wedAfternoon.id)!.max_bookings = 5;
    const { page } = await mountWith((r) => r);
    await page.click('button', 'Book');
    await page.find('alert');
    expect(page.alertText()).to.contain('You already have a booking at this time');
    expect(page.value('Name')).to.equal('Jane Doe');
  });
});

describe('<reservekit-booking> redirect-url', () => {
  it('a redirect the page refuses (a cross-origin frame) is no error: the visitor is booked', async () => {
    await seed();
    const { el, page } = await mountWith((r) => r);
    el.redirectUrl = 'https://shop.example/thanks';
    el.navigate = () => {
      throw new DOMException('Blocked a frame from navigating the top window', 'SecurityError');
    };
    const errors: string[] = [];
    el.addEventListener('rk-error', (e) => errors.push(e.detail.code));
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const booked = oneEvent(el, 'rk-booked');
      await page.click('button', 'Book');
      await booked;
      await page.find('heading', "You're booked");
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      console.warn = original;
    }
    expect(errors).to.deep.equal([]);
    expect(page.all('alert')).to.have.length(0);
    expect(String(warnings[0])).to.match(/redirect-url could not be opened.*booking was made/);
  });
});
