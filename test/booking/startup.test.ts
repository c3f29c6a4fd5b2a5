/**
 * Startup without waiting on the network: the calendar's shell before any data, and data a
 * server-rendered page hands in (no request at all).
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ReserveKitBooking } from '../../src/components/booking/reservekit-booking';
import { api, NOW, seed } from './setup';
import { BookingPage } from './page';

/** A fetch that records its calls and never answers, or answers through the mock API. */
function recorder(answer = true) {
  const calls: string[] = [];
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(new URL(String(input)).pathname);
    return answer ? api.fetch(input, init) : new Promise<Response>(() => {});
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

async function data() {
  const body = async (path: string) => (await (await api.fetch(`https://api.reservekit.io${path}`)).json()).data;
  return { service: await body('/v1/services/1'), time_slots: await body('/v1/services/1/time-slots') };
}

async function mountWith(inline: unknown, fetch: typeof globalThis.fetch, attrs = '') {
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  // As a server would write it: the JSON script inside the element, in the markup.
  holder.innerHTML = `<reservekit-booking service-id="1" locale="en-US" timezone="America/New_York" ${attrs}>${
    inline === undefined ? '' : `<script type="application/json">${typeof inline === 'string' ? inline : JSON.stringify(inline)}</script>`
  }</reservekit-booking>`;
  const el = holder.firstElementChild as ReserveKitBooking;
  Object.assign(el, { now: () => NOW, fetch, clientOptions: { retries: 0, timeoutMs: 2000 } });
  return { el, page: new BookingPage(el) };
}

// Created and added while this module graph evaluates, as an app's main module may do right
// after importing the element: it connects at once, shadow root included.
const early = document.createElement('reservekit-booking');
document.body.append(early);
const earlyRoot = early.shadowRoot;
early.remove();

describe('<reservekit-booking> startup', () => {
  it("an element an app's module creates while the modules evaluate has its shadow root at once", () => {
    expect(earlyRoot).to.exist;
  });

  it('an element added after the script has run has its shadow root at once, as any element', () => {
    const el = document.createElement('reservekit-booking');
    document.body.append(el);
    try {
      expect(el.shadowRoot).to.exist;
    } finally {
      el.remove();
    }
  });

  it('the grid renders before data with role=grid: this month, weekday row, busy, no day to pick', async () => {
    const { fetch } = recorder(false);
    const el = await fixture<ReserveKitBooking>(html`<reservekit-booking service-id="1" locale="en-US" timezone="America/New_York" .now=${() => NOW} .fetch=${fetch}></reservekit-booking>`);
    const page = new BookingPage(el);
    const grid = await waitUntil(() => el.shadowRoot!.querySelector('[role=grid]'), 'no grid before the data', { timeout: 3000 }).then(() => el.shadowRoot!.querySelector('[role=grid]')!);
    await el.updateComplete;
    expect(grid.getAttribute('aria-busy')).to.equal('true');
    expect(page.get('heading', 'December 2026')).to.exist;
    expect([...grid.querySelectorAll('th')].map((th) => th.getAttribute('abbr'))).to.deep.equal(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);
    expect(page.days()).to.have.length(31);
    expect(page.enabledDays()).to.deep.equal([]);
    expect(page.get('status').textContent).to.contain('Loading');
    await expect(el).to.be.accessible();
  });

  it('inline data renders the calendar with zero fetches', async () => {
    await seed();
    const inline = await data();
    const { calls, fetch } = recorder();
    const { el, page } = await mountWith(inline, fetch);
    await oneEvent(el, 'rk-ready');
    await page.ready();
    expect(page.get('heading', 'Consultation')).to.exist;
    expect(page.enabledDays()).to.include('Monday, December 7, 2026');
    expect(calls).to.deep.equal([]);
  });

  it('inline availability too: a page behind the proxy makes no request at all', async () => {
    await seed();
    const inline = { ...(await data()), availability: { from: '2026-11-30', to: '2027-01-31', availability: [] } };
    const { calls, fetch } = recorder();
    const { el, page } = await mountWith(inline, fetch, 'api-base="/api/booking"');
    await oneEvent(el, 'rk-ready');
    await page.ready();
    expect(calls).to.deep.equal([]);
  });

  describe('inline data behind the proxy', () => {
    const PROXY = 'https://shop.example/api/booking';
    beforeEach(async () => {
      const { slots } = await seed();
      api.setOptions({ apiBase: PROXY, availability: true });
      // Wednesday 2 December's only place is taken.
      api.seedBooking({ date: '2026-12-02', time_slot_id: slots.wedAfternoon.id, customer_name: 'Wanda', customer_email: 'wanda@example.com' });
    });
    afterEach(() => api.setOptions({ apiBase: undefined, availability: false }));
    const wednesday = (page: BookingPage) => page.get('button', 'Wednesday, December 2, 2026').getAttribute('aria-disabled');
    const inlineFrom = async () => {
      const body = async (path: string) => (await (await api.fetch(`${PROXY}${path}`)).json()).data;
      return { service: await body('/v1/services/1'), time_slots: await body('/v1/services/1/time-slots') };
    };

    it('without inline availability the element asks the proxy for it, and full days show as full', async () => {
      const { calls, fetch } = recorder();
      const { el, page } = await mountWith(await inlineFrom(), fetch, `api-base="${PROXY}"`);
      await oneEvent(el, 'rk-ready');
      await page.ready();
      await waitUntil(() => wednesday(page) === 'true', 'the full Wednesday stayed bookable: no availability was asked for');
      expect(calls).to.deep.equal(['/api/booking/v1/services/1/availability']);
    });

    it('inline availability is not shown again after a booking: the proxy is asked for the new counts', async () => {
      const availability = (await (await api.fetch(`${PROXY}/v1/services/1/availability?from=2026-11-30&to=2027-01-31`)).json()).data;
      const { calls, fetch } = recorder();
      const { el, page } = await mountWith({ ...(await inlineFrom()), availability }, fetch, `api-base="${PROXY}"`);
      await page.ready();
      expect(wednesday(page)).to.equal('true');
      await page.click('button', 'Sunday, December 6, 2026');
      expect(page.get('button', /^10:00\s?AM/).textContent).to.contain('1 place left');
      await page.click('button', /^10:00\s?AM/);
      await page.fill({ name: 'Sam Sunday', email: 'sam@example.com' });
      const booked = oneEvent(el, 'rk-booked');
      await page.click('button', 'Book');
      await booked;
      await waitUntil(() => calls.includes('/api/booking/v1/services/1/availability'), 'the counts were not asked for after the booking');
      await page.click('button', 'Book another time');
      await waitUntil(() => page.get('button', 'Sunday, December 6, 2026').getAttribute('aria-disabled') === 'true', 'the time just booked is still offered with its old count');
    });
  });

  for (const [what, inline, warning] of [
    ['is not JSON', '{"service": ', 'The inline data was refused (The inline data is not JSON)'],
    ['has the wrong shape', { service: { id: 1 }, time_slots: [] }, 'The inline data was refused (Unexpected response from ReserveKit: service.name expected string)'],
    ['is for another service', { service: { id: 2, name: 'Other', timezone: 'UTC' }, time_slots: [] }, 'The inline data is for service 2, not service-id="1"'],
  ] as const) {
    it(`inline data that ${what} is set aside with a warning, and the API answers instead`, async () => {
      await seed();
      const warnings: string[] = [];
      const original = console.warn;
      console.warn = (message: string) => warnings.push(message);
      try {
        const { calls, fetch } = recorder();
        const { page } = await mountWith(inline, fetch);
        await page.ready();
        expect(page.get('heading', 'Consultation')).to.exist;
        expect(calls).to.deep.equal(['/v1/services/1', '/v1/services/1/time-slots']);
        expect(warnings.join('\n')).to.contain(warning);
      } finally {
        console.warn = original;
      }
    });
  }
});
