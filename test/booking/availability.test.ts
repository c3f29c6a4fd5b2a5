import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ReserveKitBooking } from '../../src/components/booking/reservekit-booking';
import { BookingPage } from './page';
import { NOW, api, seed } from './setup';

/**
 * Places left come from the site's proxy. The element asks again whenever something the
 * request depends on changes: the horizon, the clock, the key, the client options.
 */
describe('<reservekit-booking> availability', () => {
  it('asks again when days-ahead or the clock change after loading', async () => {
    await seed();
    const asked: URLSearchParams[] = [];
    // A stand-in for the site's proxy: availability answered here, the rest by the mock API.
    const proxy = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), location.href);
      if (url.pathname.endsWith('/availability')) {
        asked.push(url.searchParams);
        return Response.json({ data: { from: url.searchParams.get('from'), to: url.searchParams.get('to'), availability: [] } });
      }
      return api.fetch(url.href.replace(`${location.origin}/api/booking`, api.options.apiBase), init);
    };
    const el = await fixture<ReserveKitBooking>(html`<reservekit-booking
      service-id="1"
      api-base="/api/booking"
      timezone="America/New_York"
      locale="en-US"
      .now=${() => NOW}
      .fetch=${proxy}
      .clientOptions=${{ retries: 0, timeoutMs: 2000 }}
    ></reservekit-booking>`);
    await new BookingPage(el).ready();
    await waitUntil(() => asked.length === 1, 'no availability request');
    expect(asked[0].get('to')).to.equal('2027-01-31');

    el.daysAhead = 10;
    await waitUntil(() => asked.length === 2, 'days-ahead changed but availability was not asked again');
    expect(asked[1].get('to')).to.equal('2026-12-12');

    el.now = () => new Date('2026-12-05T12:00:00Z');
    await waitUntil(() => asked.length === 3, 'the clock changed but availability was not asked again');
    expect([asked[2].get('from'), asked[2].get('to')]).to.deep.equal(['2026-12-04', '2026-12-16']);
  });
});
