/**
 * The proxy attacked the way a hostile site, a bot or a hostile upstream would: each block is a
 * defect an attack review found, replayed against the mock API.
 */
import { expect } from '@open-wc/testing';
import { getService, servesAvailability } from '../../src/api/widget-calls';
import { createMockApi } from '../../src/mock/index';
import { createBookingProxy, memoryStore, type ProxyStore } from '../../src/server/index';
import { BASE, expectNoKey, KEY, MON, monday, NOW, setup, SITE, WED, type Env } from './proxy-env';

let env: Env;
const book = (init: { body?: unknown; headers?: Record<string, string>; ip?: string } = {}) =>
  env.call('POST', '/v1/bookings?service_id=1', { body: monday, ...init });

describe('proxy under attack: cross-site bookings', () => {
  beforeEach(() => (env = setup({ allowedOrigins: ['https://partner.example'] })));
  afterEach(() => env.replies.forEach(expectNoKey));

  it("refuses a foreign page's no-cors fetch and text/plain form, before anything else", async () => {
    const forged: Record<string, string>[] = [
      { Origin: 'https://evil.example', 'Content-Type': 'text/plain' },
      { Origin: 'https://evil.example', 'Content-Type': 'application/json' },
      { Origin: 'null', 'Content-Type': 'text/plain', 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'application/json' },
      { Origin: 'https://shop.example.evil.example', 'Sec-Fetch-Site': 'same-site', 'Content-Type': 'application/json' },
    ];
    for (const headers of forged) {
      const reply = await book({ body: JSON.stringify(monday), headers });
      expect(reply.status, JSON.stringify(headers)).to.equal(403);
      expect(reply.body.error.code).to.equal('forbidden');
    }
    expect(env.upstream(), 'nothing reached the API, not even the slot check').to.deep.equal([]);
  });

  it('refuses a same-site POST that is not JSON, which only a form or no-cors fetch would send', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const reply = await book({ body: JSON.stringify(monday), headers: { Origin: SITE, 'Content-Type': type } });
      expect([reply.status, reply.body.error.code], type).to.deep.equal([415, 'unsupported_media_type']);
    }
    expect(env.upstream('POST')).to.deep.equal([]);
  });

  it('books from its own pages, from an allowed partner, and from a server without Origin', async () => {
    const json = { 'Content-Type': 'application/json; charset=utf-8' };
    expect((await book({ headers: { ...json, Origin: SITE, 'Sec-Fetch-Site': 'same-origin' } })).status).to.equal(201);
    expect((await book({ body: { ...monday, date: '2026-12-14' }, headers: { ...json, Origin: SITE } })).status).to.equal(201);
    const partner = await book({ body: { ...monday, date: '2026-12-21' }, headers: { ...json, Origin: 'https://partner.example', 'Sec-Fetch-Site': 'cross-site' } });
    expect(partner.status).to.equal(201);
    expect((await book({ body: { ...monday, date: '2026-12-28' } })).status).to.equal(201);
  });
});

describe('proxy under attack: reads cost the quota once per TTL', () => {
  beforeEach(() => (env = setup()));
  afterEach(() => env.replies.forEach(expectNoKey));

  it('answers 200 reads of the service and its time slots with one upstream call each', async () => {
    const reads = () => ['/v1/services/1', '/v1/services/1/time-slots'].map((path) => env.call('GET', path, { ip: `198.51.100.${Math.floor(Math.random() * 250)}` }));
    await Promise.all(Array.from({ length: 50 }, reads).flat());
    for (let i = 0; i < 50; i++) await Promise.all(reads());
    expect(env.replies.filter((r) => r.status === 200)).to.have.length(200);
    expect(env.upstream().map((r) => r.url.pathname)).to.deep.equal(['/v1/services/1', '/v1/services/1/time-slots']);

    env.clock.t += 60_000;
    await Promise.all(reads());
    expect(env.upstream(), 'one more of each per TTL').to.have.length(4);
  });

  it('lets a CDN share cached reads until they expire, and never bookings or errors', async () => {
    const service = await env.call('GET', '/v1/services/1');
    expect(service.headers.get('Cache-Control')).to.equal('public, max-age=60, stale-while-revalidate=60');
    env.clock.t += 20_000;
    const later = await env.call('GET', '/v1/services/1');
    expect(later.headers.get('Cache-Control'), 'counted from the cached copy').to.equal('public, max-age=40, stale-while-revalidate=40');
    const availability = await env.call('GET', `/v1/services/1/availability?from=${MON}&to=${WED}`);
    expect(availability.headers.get('Cache-Control')).to.equal('public, max-age=30, stale-while-revalidate=30');

    expect((await book()).headers.get('Cache-Control')).to.equal('no-store');
    expect((await env.call('GET', '/v1/services/2')).headers.get('Cache-Control')).to.equal('no-store');
    expect((await env.call('GET', '/v1/services/1/availability?from=x')).headers.get('Cache-Control')).to.equal('no-store');
  });

  it('limits reads per visitor', async () => {
    env = setup({ readLimit: { limit: 3, windowMs: 60_000 } });
    for (let i = 0; i < 3; i++) expect((await env.call('GET', '/v1/services/1', { ip: '198.51.100.9' })).status).to.equal(200);
    const limited = await env.call('GET', '/v1/services/1/time-slots', { ip: '198.51.100.9' });
    expect([limited.status, limited.headers.get('Retry-After'), limited.body.error.code]).to.deep.equal([429, '60', 'rate_limit_exceeded']);
    expect(limited.headers.get('Cache-Control')).to.equal('no-store');
    expect((await env.call('GET', '/v1/services/1', { ip: '198.51.100.10' })).status, 'another visitor').to.equal(200);
  });

  it('computes availability per range from one capped walk per TTL, whatever ranges are asked', async () => {
    for (let i = 0; i < 250; i++) env.api.seedBooking({ date: MON, time_slot_id: 11 });
    const ranges = [[MON, WED], ['2026-12-01', '2026-12-31'], ['2026-11-30', '2027-01-15']];
    const answers = await Promise.all(ranges.map(([from, to]) => env.call('GET', `/v1/services/1/availability?from=${from}&to=${to}`)));
    expect(answers.map((a) => a.status)).to.deep.equal([200, 200, 200]);
    expect(answers[0]!.body.data.availability[0]).to.include({ date: MON, booked: 250 });
    const pages = env.upstream('GET').filter((r) => r.url.pathname === '/v1/bookings').map((r) => r.url.searchParams.get('page'));
    expect(pages, 'one walk for all three ranges').to.deep.equal(['1', '2', '3']);
  });

  it('stops a walk at maxBookingPages when the API claims endless pages', async () => {
    env = setup();
    for (let i = 0; i < 3; i++) env.api.seedBooking({ date: MON, time_slot_id: 11 });
    const pages: number[] = [];
    const hostile = env.api.fetch;
    // Every page has a booking and claims a billion pages.
    const proxy = createBookingProxy({
      apiKey: KEY,
      services: [1],
      basePath: '/api/booking',
      now: () => NOW,
      maxBookingPages: 5,
      onError: (e) => env.errors.push(e),
      fetch: async (input, init) => {
        const url = new URL(String(input));
        if (url.pathname !== '/v1/bookings') return hostile(input, init);
        pages.push(Number(url.searchParams.get('page')));
        const booking = { id: pages.length, date: MON, time_slot_id: 11, status: 'pending' };
        return Response.json({ data: { bookings: [booking], pagination: { current_page: pages.length, total_pages: 1e9, total_count: 1e9, page_size: 100 } } });
      },
    });
    const reply = await proxy(new Request(`${BASE}/v1/services/1/availability?from=${MON}&to=${MON}`), { clientIp: '192.0.2.1' });
    expect(reply.status).to.equal(200);
    expect(pages).to.deep.equal([1, 2, 3, 4, 5]);
    expect(String(env.errors[0])).to.contain('availability counts only the first 5 pages');
  });
});

describe('proxy under attack: one IPv6 subscriber, many addresses', () => {
  afterEach(() => env.replies.forEach(expectNoKey));

  it('counts bookings per /64, so rotating addresses buys no attempts', async () => {
    env = setup({ rateLimit: { limit: 1 } });
    expect((await book({ ip: '2001:db8:0:0::1' })).status).to.equal(201);
    expect((await book({ body: { ...monday, date: '2026-12-14' }, ip: '2001:db8::beef:1' })).status).to.equal(429);
    expect((await book({ body: { ...monday, date: '2026-12-14' }, ip: '2001:db8:0:1::1' })).status, 'the next /64').to.equal(201);
  });
});

describe('proxy under attack: several instances, one state', () => {
  afterEach(() => env.replies.forEach(expectNoKey));

  function instances(store: ProxyStore, errors: unknown[] = []) {
    const api = createMockApi({ apiKey: KEY, now: () => new Date(NOW) });
    api.seedService({
      id: 1,
      name: 'Consultation',
      timezone: 'America/New_York',
      time_slots: [{ id: 11, day_of_week: 1, start_time: '2023-01-01 09:00:00', end_time: '2023-01-01 10:00:00', max_bookings: 2 }],
    });
    // Slow enough that both instances ask while the first load is still on its way.
    const slow: typeof fetch = async (input, init) => (await new Promise((r) => setTimeout(r, 150)), api.fetch(input, init));
    const make = () =>
      createBookingProxy({ apiKey: KEY, services: [1], basePath: '/api/booking', fetch: slow, now: () => NOW, store, rateLimit: { limit: 1 }, onError: (e) => errors.push(e) });
    const post = (proxy: ReturnType<typeof make>, date: string) =>
      proxy(new Request(`${BASE}/v1/bookings?service_id=1`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...monday, date }) }), { clientIp: '192.0.2.1' });
    return { api, a: make(), b: make(), c: make(), post };
  }

  it('three instances sharing a store cost the upstream one load per key, and share one limit', async () => {
    const { api, a, b, c, post } = instances(memoryStore({ now: () => NOW }));
    const get = (proxy: typeof a, path: string) => proxy(new Request(BASE + path), { clientIp: '192.0.2.9' });
    const replies = await Promise.all([a, b, c, a, b, c].flatMap((p) => [get(p, '/v1/services/1'), get(p, `/v1/services/1/availability?from=${MON}&to=${MON}`)]));
    expect(replies.map((r) => r.status)).to.deep.equal(Array(12).fill(200));
    const upstream = api.requests.map((r) => r.url.pathname);
    expect(upstream.filter((p) => p === '/v1/services/1')).to.have.length(1);
    expect(upstream.filter((p) => p === '/v1/bookings')).to.have.length(1);
    expect(upstream.filter((p) => p === '/v1/services/1/time-slots')).to.have.length(1);

    expect((await post(a, MON)).status).to.equal(201);
    expect((await post(b, '2026-12-14')).status, "another instance knows this visitor's count").to.equal(429);
  });

  it('books on with per-instance state when the shared store fails, and says so once', async () => {
    const broken: ProxyStore = {
      consume: () => Promise.reject(new Error('connection refused')),
      get: () => Promise.reject(new Error('connection refused')),
      set: () => Promise.reject(new Error('connection refused')),
      lock: () => Promise.reject(new Error('connection refused')),
      unlock: () => Promise.reject(new Error('connection refused')),
    };
    const errors: unknown[] = [];
    const { a, post } = instances(broken, errors);
    expect((await post(a, MON)).status).to.equal(201);
    expect((await a(new Request(`${BASE}/v1/services/1`), { clientIp: '192.0.2.1' })).status).to.equal(200);
    expect((await post(a, '2026-12-14')).status, 'the memory fallback still limits').to.equal(429);
    expect(errors).to.have.length(1);
    expect(String(errors[0])).to.contain('shared store failed');
    expect(String((errors[0] as Error).cause)).to.contain('connection refused');
  });
});

describe('proxy under attack: upstream data', () => {
  beforeEach(() => (env = setup()));
  afterEach(() => env.replies.forEach(expectNoKey));

  it('answers only schema fields, nested ones included', async () => {
    env.api.failNext(
      { path: '/v1/services/:id' },
      { status: 200, body: { data: { id: 1, name: 'Consultation', timezone: 'America/New_York', owner_email: 'owner@example.com', webhook_secret: 'whsec_1', customers: [{ email: 'a@example.com' }] } } },
    );
    const service = await env.call('GET', '/v1/services/1');
    expect(service.body.data).to.deep.equal({ id: 1, name: 'Consultation', timezone: 'America/New_York' });

    const slot = { id: 11, day_of_week: 1, start_time: '2023-01-01 09:00:00', end_time: '2023-01-01 10:00:00', max_bookings: 2, internal_note: 'vip only' };
    env.api.failNext({ path: '/v1/services/:id/time-slots' }, { status: 200, body: { data: [slot] } });
    const slots = await env.call('GET', '/v1/services/1/time-slots');
    const { internal_note: _, ...kept } = slot;
    expect(slots.body.data).to.deep.equal([kept]);

    env.api.failNext(
      { method: 'POST' },
      { status: 201, body: { data: { id: 5, date: MON, time_slot_id: 11, status: 'pending', ip_address: '10.0.0.1', customer: { id: 3, email: 'jane@example.com', password_hash: 'x', notes: ['vip'] } } } },
    );
    const booking = await env.call('POST', '/v1/bookings?service_id=1', { body: monday });
    expect(booking.body.data).to.deep.equal({ id: 5, date: MON, time_slot_id: 11, status: 'pending', customer: { id: 3, email: 'jane@example.com' } });
  });

  it('keeps a 400 a 400 when its details are not strings', async () => {
    env.api.failNext({ method: 'POST' }, { status: 400, body: { error: { code: 'validation_error', message: 'bad input', details: { customer_email: { toString: 1 }, customer_name: ['is too short'] } } } });
    const reply = await book();
    expect(reply.status).to.equal(400);
    expect(reply.body.error).to.deep.equal({ code: 'validation_error', message: 'bad input', details: { customer_name: 'is too short' } });
  });

  it('caps Retry-After at an hour', async () => {
    env.api.failNext({ method: 'POST' }, { status: 429, headers: { 'Retry-After': 'Wed, 21 Oct 2099 07:28:00 GMT' } });
    const reply = await book();
    expect([reply.status, reply.headers.get('Retry-After'), reply.body.error.retry_after]).to.deep.equal([429, '3600', 3600]);
  });

  it('redacts the key with and without its sk_rsv_ prefix, in answers and in the default log', async () => {
    const key = 'sk_rsv_live_5f3c9a2e7b1d';
    env = setup({ apiKey: key, onError: undefined });
    env.api.setOptions({ apiKey: key });
    const logged: string[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => logged.push(args.join(' '));
    try {
      env.api.failNext({ path: '/v1/services/:id' }, { status: 400, body: { error: { message: 'token live_5f3c9a2e7b1d is not valid here' } } });
      const echoed = await env.call('GET', '/v1/services/1');
      expect(echoed.body.error.message).to.equal('token [redacted] is not valid here');
      env.api.failNext({ path: '/v1/services/:id' }, { status: 503, body: 'upstream saw live_5f3c9a2e7b1d' });
      env.clock.t += 60_000;
      await env.call('GET', '/v1/services/1');
      env.api.failNext({ path: '/v1/services/:id/time-slots' }, { status: 401, body: { error: 'key live_5f3c9a2e7b1d revoked' } });
      await env.call('GET', '/v1/services/1/time-slots');
    } finally {
      console.error = error;
    }
    for (const reply of env.replies) expect(reply.text).not.to.contain('live_5f3c9a2e7b1d');
    expect(logged, 'the 503 and the refused key are logged').to.have.length(2);
    for (const line of logged) expect(line).not.to.contain('live_5f3c9a2e7b1d');
    expect(logged[1]).to.contain('key [redacted] revoked');
  });
});

describe('proxy under attack: the booking window', () => {
  afterEach(() => env.replies.forEach(expectNoKey));

  it('refuses past and far-future dates', async () => {
    env = setup();
    for (const date of ['2000-01-03', '2026-11-30', '2027-12-06']) {
      const reply = await book({ body: { ...monday, date } });
      expect(reply.status, date).to.equal(400);
      expect(Object.keys(reply.body.error.details), date).to.deep.equal(['date']);
    }
    expect((await book({ body: { ...monday, date: '2027-11-29' } })).status, 'within 365 days').to.equal(201);
    env = setup({ maxDaysAhead: 30 });
    expect((await book({ body: { ...monday, date: '2027-01-04' } })).body.error.details.date).to.equal('This date is too far ahead to book');
    expect(env.upstream('POST')).to.deep.equal([]);
  });

  it("judges start and notice by the slot's time in the service's zone", async () => {
    // Monday 7 December, 13:30 UTC: 08:30 in New York, so the 09:00 slot is half an hour away.
    env = setup({ now: () => Date.parse('2026-12-07T13:30:00Z') });
    expect((await book()).status, 'still ahead in New York, though 09:00 UTC has passed').to.equal(201);
    env = setup({ now: () => Date.parse('2026-12-07T13:30:00Z'), minNoticeMinutes: 60 });
    expect((await book()).body.error.details.date).to.equal('This time is too soon to book; choose a later one');
    env = setup({ now: () => Date.parse('2026-12-07T14:30:00Z') });
    expect((await book()).body.error.details.date).to.equal('This time has already started; choose a later one');
  });
});

describe('proxy under attack: the widget learns what the proxy serves', () => {
  afterEach(() => env.replies.forEach(expectNoKey));

  it('every answer says it serves availability, readable cross-origin; the plain API does not', async () => {
    env = setup({ allowedOrigins: ['https://partner.example'] });
    for (const reply of [await env.call('GET', '/v1/services/1'), await env.call('GET', '/v1/services/9'), await env.call('POST', '/v1/bookings', { body: {} })]) {
      expect(reply.headers.get('X-ReserveKit-Proxy'), String(reply.status)).to.equal('availability');
    }
    const partner = await env.call('GET', '/v1/services/1', { headers: { Origin: 'https://partner.example' } });
    expect(partner.headers.get('Access-Control-Expose-Headers')).to.equal('Retry-After, X-ReserveKit-Proxy');

    const seen: boolean[] = [];
    const onHeaders = (h: Headers) => seen.push(servesAvailability(h));
    const viaProxy = { apiBase: BASE, fetch: (input: RequestInfo | URL, init?: RequestInit) => env.proxy(new Request(input, init), { clientIp: '192.0.2.1' }) };
    await getService(viaProxy, 1, { onHeaders });
    await getService({ apiBase: 'https://api.reservekit.io', apiKey: KEY, fetch: env.api.fetch }, 1, { onHeaders });
    expect(seen, 'proxy, then the plain API').to.deep.equal([true, false]);
    env.api.setOptions({ apiKey: 'sk_rsv_other' });
    env.clock.t += 60_000;
    await getService(viaProxy, 1, { onHeaders }).catch(() => {});
    expect(seen.at(-1), 'an error from the proxy says it too (for the 401 hint)').to.equal(true);
  });
});
