import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ReserveKitBooking } from '../../src/components/booking/reservekit-booking';
import { BookingPage } from './page';
import { NOW, api, seed } from './setup';

/**
 * A server at `base` in front of the mock API. As our proxy (`proxy: true`) it names itself on
 * every answer, refusals included, which is what makes the element ask for availability; as any
 * other server (a plain reverse proxy to ReserveKit) it does not. `answer` may reply first.
 */
function server(base: string, o: { proxy: boolean; answer?: (url: URL) => Response | undefined }) {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), location.href);
    const answer = o.answer?.(url) ?? (await api.fetch(url.href.replace(`${location.origin}${base}`, api.options.apiBase), init));
    if (o.proxy) answer.headers.set('X-ReserveKit-Proxy', 'availability');
    return answer;
  };
}

const mount = (base: string, fetch: typeof globalThis.fetch, serviceId = '1') =>
  fixture<ReserveKitBooking>(html`<reservekit-booking
    service-id=${serviceId}
    api-base=${base}
    timezone="America/New_York"
    locale="en-US"
    .now=${() => NOW}
    .fetch=${fetch}
    .clientOptions=${{ retries: 0, timeoutMs: 2000 }}
  ></reservekit-booking>`);

/** What `console.error` printed (first arguments) while `run` ran, until one line came. */
async function consoleErrors(run: () => Promise<unknown>): Promise<string[]> {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(String(args[0]));
  try {
    await run();
    await waitUntil(() => errors.length > 0, 'no console hint for the refused key');
  } finally {
    console.error = original;
  }
  return errors;
}

/**
 * Places left come from the site's proxy. The element asks again whenever something the
 * request depends on changes: the horizon, the clock, the key, the client options.
 */
describe('<reservekit-booking> availability', () => {
  it('asks again when days-ahead or the clock change after loading', async () => {
    await seed();
    const asked: URLSearchParams[] = [];
    // Availability answered here, the rest by the mock API.
    const proxy = server('/api/booking', {
      proxy: true,
      answer(url) {
        if (!url.pathname.endsWith('/availability')) return undefined;
        asked.push(url.searchParams);
        return Response.json({ data: { from: url.searchParams.get('from'), to: url.searchParams.get('to'), availability: [] } });
      },
    });
    const el = await mount('/api/booking', proxy);
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

  it('never asks an api-base that does not say it serves availability, and its 401 hint does not blame a proxy', async () => {
    await seed();
    const paths: string[] = [];
    const plain = server('/plain', { proxy: false, answer: (url) => void paths.push(url.pathname) });
    const el = await mount('/plain', plain);
    await new BookingPage(el).ready();
    el.daysAhead = 10;
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(paths.filter((p) => p.endsWith('/availability'))).to.deep.equal([]);

    const errors = await consoleErrors(async () => {
      api.failNext({ path: '/v1/services/2' }, { status: 401, body: { error: 'invalid api key' } });
      el.serviceId = '2';
    });
    expect(errors[0]).to.contain('Check service-id, api-key');
    expect(errors[0]).not.to.contain('proxy');
  });

  for (const [list, serviceId, path] of [
    ['', '1', '/v1/services/1'],
    [' (no service-id: the list of services is the first answer)', '', '/v1/services'],
  ] as const) {
    it(`a key refused through our proxy points the owner at the proxy${list}`, async () => {
      await seed();
      const errors = await consoleErrors(async () => {
        api.failNext({ path }, { status: 401, body: { error: 'invalid api key' } });
        await mount('/api/booking', server('/api/booking', { proxy: true }), serviceId);
      });
      expect(errors[0]).to.contain('api-base points at your proxy (/api/booking)');
    });
  }

  it('asks the proxy once for a service switched to at runtime, after its own answer', async () => {
    await seed();
    api.seedService({
      id: 2,
      name: 'Yoga',
      timezone: 'Europe/Berlin',
      time_slots: [{ day_of_week: 3, start_time: '2023-01-01 09:00:00', end_time: '2023-01-01 10:00:00', max_bookings: 4 }],
    });
    const asked: string[] = [];
    const proxy = server('/api/booking', { proxy: true, answer: (url) => void (url.pathname.endsWith('/availability') && asked.push(url.pathname)) });
    const el = await mount('/api/booking', proxy);
    await new BookingPage(el).ready();
    await waitUntil(() => asked.length === 1, 'no availability request');
    el.serviceId = '2';
    await waitUntil(() => el.shadowRoot!.querySelector('h2')?.textContent === 'Yoga', 'the second service never showed');
    await new BookingPage(el).ready();
    await waitUntil(() => asked.length >= 2, 'availability was not asked for the second service');
    await new Promise((r) => setTimeout(r, 100));
    expect(asked).to.deep.equal(['/api/booking/v1/services/1/availability', '/api/booking/v1/services/2/availability']);
  });
});
