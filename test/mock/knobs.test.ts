import { expect } from '@open-wc/testing';
import { createMockApi, seedConsultation, type MockApi } from '../../src/mock/index';
import { BASE, MONDAY, NOW, book, call, seedWeek } from './helpers';

const jane = { customer_name: 'Jane Doe', customer_email: 'jane.doe@example.com', customer_phone: '+12025550185' };

/** Fills the Sunday slot (one place) so the next Sunday booking is "time slot is full". */
async function fillSunday(api: MockApi) {
  api.seedBooking({ date: '2023-07-09', time_slot_id: 457 });
  return book(api, { ...jane, date: '2023-07-09', time_slot_id: 457 });
}

describe('mock API: error shapes', () => {
  let api: MockApi;
  beforeEach(() => {
    api = createMockApi({ now: () => NOW });
    seedWeek(api);
  });

  it("'string' (default): {data: null, error}", async () => {
    const reply = await fillSunday(api);
    expect(reply.status).to.equal(400);
    expect(reply.body).to.deep.equal({ data: null, error: 'time slot is full' });
  });

  it("'object': {error: {code, message, details?}}", async () => {
    api.setOptions({ errorShape: 'object' });
    expect((await fillSunday(api)).body).to.deep.equal({ error: { code: 'time_slot_full', message: 'time slot is full' } });
    await book(api, jane);
    expect((await book(api, jane)).body).to.deep.equal({ error: { code: 'duplicate_booking', message: 'duplicate booking' } });

    const invalid = await book(api, { customer_email: 'bad', customer_phone: '123' });
    expect(invalid.body).to.deep.equal({
      error: {
        code: 'validation_error',
        message: 'invalid email format',
        details: { customer_email: 'invalid email format', customer_phone: 'invalid phone number, expected E.164 format' },
      },
    });
    expect((await call(api, 'GET', '/v1/bookings/99')).body).to.deep.equal({ error: { code: 'not_found', message: 'booking not found' } });
  });

  it("'flat': {status, message, code}", async () => {
    api.setOptions({ errorShape: 'flat' });
    expect((await fillSunday(api)).body).to.deep.equal({ status: 400, message: 'time slot is full', code: 'time_slot_full' });
    expect((await call(api, 'GET', '/v1/services/9')).body).to.deep.equal({ status: 404, message: 'service not found', code: 'not_found' });
  });
});

describe('mock API: rate limiting', () => {
  let api: MockApi;
  beforeEach(() => {
    api = createMockApi({ now: () => NOW, rateLimit: { limit: 2, windowMs: 60_000 } });
    seedWeek(api);
  });

  it('counts POSTs in a fixed window and answers 429 with Retry-After and X-RateLimit-*', async () => {
    const started = Date.now();
    const first = await book(api, jane);
    expect(first.status).to.equal(201);
    expect(first.headers.get('X-RateLimit-Limit')).to.equal('2');
    expect(first.headers.get('X-RateLimit-Remaining')).to.equal('1');
    const reset = Number(first.headers.get('X-RateLimit-Reset'));
    expect(reset).to.be.within(Math.floor((started + 60_000) / 1000), Math.ceil((Date.now() + 60_000) / 1000));

    // A rejected booking still spends a request.
    expect((await book(api, { customer_email: 'bad' })).headers.get('X-RateLimit-Remaining')).to.equal('0');

    const limited = await book(api, { customer_email: 'third@example.com' });
    expect(limited.status).to.equal(429);
    expect(limited.body).to.deep.equal({ data: null, error: 'rate limit exceeded' });
    expect(limited.headers.get('Retry-After')).to.be.oneOf(['59', '60']);
    expect(limited.headers.get('X-RateLimit-Remaining')).to.equal('0');
    expect(limited.headers.get('X-RateLimit-Reset')).to.equal(String(reset));
    expect(api.store.bookings).to.have.length(1);

    const read = await call(api, 'GET', '/v1/services/123');
    expect(read.status, 'GETs are not limited by default').to.equal(200);
    expect(read.headers.get('X-RateLimit-Limit')).to.equal(null);
  });

  it('puts retry_after in the object shape and honours a fixed retryAfterSeconds', async () => {
    api.setOptions({ errorShape: 'object', rateLimit: { limit: 0, retryAfterSeconds: 7 } });
    const limited = await book(api, jane);
    expect(limited.headers.get('Retry-After')).to.equal('7');
    expect(limited.body).to.deep.equal({ error: { code: 'rate_limit_exceeded', message: 'rate limit exceeded', retry_after: 7 } });
  });

  it('opens a new window when the old one ends', async () => {
    api.setOptions({ rateLimit: { limit: 1, windowMs: 150 } });
    expect((await book(api, jane)).status).to.equal(201);
    expect((await book(api, { customer_email: 'b@example.com' })).status).to.equal(429);
    await new Promise((r) => setTimeout(r, 200));
    expect((await book(api, { customer_email: 'b@example.com' })).status).to.equal(201);
  });

  it('limits the methods it is told to', async () => {
    api.setOptions({ rateLimit: { limit: 1, methods: ['get'] } });
    expect((await call(api, 'GET', '/v1/services/123')).headers.get('X-RateLimit-Remaining')).to.equal('0');
    expect((await call(api, 'GET', '/v1/services/123')).status).to.equal(429);
    expect((await book(api, jane)).status).to.equal(201);
  });

  it('is off after setOptions({rateLimit: null})', async () => {
    api.setOptions({ rateLimit: null });
    for (let i = 0; i < 4; i++) {
      const reply = await book(api, { customer_email: 'bad' });
      expect(reply.status).to.equal(400);
      expect(reply.headers.get('X-RateLimit-Limit')).to.equal(null);
    }
  });
});

describe('mock API: apiKey', () => {
  let api: MockApi;
  beforeEach(() => {
    api = createMockApi({ apiKey: 'pk_rsv_test' });
    seedWeek(api);
  });

  it('answers 401 without the right Bearer key, 200 with it', async () => {
    const none = await call(api, 'GET', '/v1/services/123');
    expect(none.status).to.equal(401);
    expect(none.body).to.deep.equal({ data: null, error: 'missing API key' });
    expect(none.headers.get('WWW-Authenticate')).to.equal('Bearer');

    const wrong = await call(api, 'GET', '/v1/services/123', undefined, { headers: { Authorization: 'Bearer sk_rsv_other' } });
    expect(wrong.status).to.equal(401);
    expect(wrong.body.error).to.equal('invalid API key');
    expect((await call(api, 'GET', '/v1/services/123', undefined, { headers: { Authorization: 'pk_rsv_test' } })).status).to.equal(401);

    const right = await call(api, 'GET', '/v1/services/123', undefined, { headers: { Authorization: 'Bearer pk_rsv_test' } });
    expect(right.status).to.equal(200);
  });

  it('uses the error shape for 401 too', async () => {
    api.setOptions({ errorShape: 'object' });
    expect((await call(api, 'GET', '/v1/services/123')).body).to.deep.equal({ error: { code: 'unauthorized', message: 'missing API key' } });
  });
});

describe('mock API: failNext', () => {
  let api: MockApi;
  beforeEach(() => {
    api = createMockApi({ now: () => NOW });
    seedWeek(api);
  });

  it('fails the next matching request once with a status, then behaves again', async () => {
    api.failNext({ method: 'POST', path: '/v1/bookings' }, { status: 503 });
    expect((await call(api, 'GET', '/v1/services/123')).status, 'GET does not match').to.equal(200);
    const failed = await book(api, jane);
    expect(failed.status).to.equal(503);
    expect(failed.body).to.deep.equal({ data: null, error: 'service unavailable' });
    expect(api.store.bookings, 'the failed POST created nothing').to.have.length(0);
    expect((await book(api, jane)).status).to.equal(201);
  });

  it('sends a given body and headers, and fails `times` times', async () => {
    api.failNext(
      { path: /^\/v1\/services\/\d+$/, times: 2 },
      { status: 429, body: { error: { code: 'rate_limit_exceeded', message: 'slow down' } }, headers: { 'Retry-After': '3' } },
    );
    for (let i = 0; i < 2; i++) {
      const reply = await call(api, 'GET', '/v1/services/123');
      expect(reply.status).to.equal(429);
      expect(reply.headers.get('Retry-After')).to.equal('3');
      expect(reply.body.error.message).to.equal('slow down');
    }
    expect((await call(api, 'GET', '/v1/services/123')).status).to.equal(200);
  });

  it('can send a malformed body verbatim', async () => {
    api.failNext({ path: '/v1/services/:id' }, { status: 200, body: '<html>oops', headers: { 'content-type': 'text/html' } });
    const response = await api.fetch(`${BASE}/v1/services/123`);
    expect(response.status).to.equal(200);
    expect(response.headers.get('Content-Type')).to.equal('text/html');
    expect(await response.text()).to.equal('<html>oops');
  });

  it("rejects fetch with TypeError('Failed to fetch') for 'network'", async () => {
    api.failNext({ method: 'POST' }, 'network');
    let error: unknown;
    try {
      await book(api, jane);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(TypeError);
    expect((error as TypeError).message).to.equal('Failed to fetch');
    expect(api.requests.map((r) => r.method), 'the request was sent').to.deep.equal(['POST']);
    expect((await book(api, jane)).status).to.equal(201);
  });

  it('adds a delay to the next matching request only', async () => {
    api.failNext({ path: '/v1/services/123' }, { delayMs: 150 });
    let started = performance.now();
    expect((await call(api, 'GET', '/v1/services/123')).status).to.equal(200);
    expect(performance.now() - started).to.be.at.least(140);
    started = performance.now();
    await call(api, 'GET', '/v1/services/123');
    expect(performance.now() - started).to.be.below(100);
  });
});

describe('mock API: latency and abort', () => {
  it('waits latencyMs before answering', async () => {
    const api = createMockApi({ latencyMs: 120 });
    seedWeek(api);
    const started = performance.now();
    await call(api, 'GET', '/v1/services/123');
    expect(performance.now() - started).to.be.at.least(110);
  });

  it('rejects with AbortError when aborted during latency, and books nothing', async () => {
    const api = createMockApi({ latencyMs: 2_000 });
    seedWeek(api);
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 30);
    let error: unknown;
    try {
      await api.fetch(`${BASE}/v1/bookings`, {
        method: 'POST',
        body: JSON.stringify({ date: MONDAY, time_slot_id: 456 }),
        signal: controller.signal,
      });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('AbortError');
    expect(performance.now() - started).to.be.below(1_500);
    expect(api.store.bookings).to.have.length(0);
    expect(api.requests, 'the request was sent').to.have.length(1);
  });

  it("rejects with the signal's own reason, e.g. a timeout", async () => {
    const api = createMockApi({ latencyMs: 2_000 });
    seedWeek(api);
    let error: unknown;
    try {
      await api.fetch(`${BASE}/v1/services/123`, { signal: AbortSignal.timeout(30) });
    } catch (e) {
      error = e;
    }
    expect((error as DOMException).name).to.equal('TimeoutError');
  });

  it('never sends a request whose signal is already aborted', async () => {
    const api = createMockApi();
    let error: unknown;
    try {
      await api.fetch(`${BASE}/v1/services`, { signal: AbortSignal.abort() });
    } catch (e) {
      error = e;
    }
    expect((error as DOMException).name).to.equal('AbortError');
    expect(api.requests).to.have.length(0);
  });
});

describe('mock API: plumbing', () => {
  it('logs method, URL, parsed body and headers of every request', async () => {
    const api = createMockApi();
    seedWeek(api);
    await book(api, jane, '?service_id=123');
    await call(api, 'GET', '/v1/services/123', undefined, { headers: { Authorization: 'Bearer pk_1' } });
    await call(api, 'POST', '/v1/bookings', 'not json');

    expect(api.requests).to.have.length(3);
    const [post, get, garbage] = api.requests;
    expect(post.method).to.equal('POST');
    expect(post.url.pathname).to.equal('/v1/bookings');
    expect(post.url.searchParams.get('service_id')).to.equal('123');
    expect(post.body).to.deep.equal({ date: MONDAY, time_slot_id: 456, ...jane });
    expect(post.headers.get('content-type')).to.equal('application/json');
    expect(get.body).to.equal(null);
    expect(get.headers.get('authorization')).to.equal('Bearer pk_1');
    expect(garbage.body).to.equal(null);
  });

  it('answers CORS headers and preflights, even with an apiKey', async () => {
    const api = createMockApi({ apiKey: 'k' });
    const denied = await call(api, 'GET', '/v1/services');
    expect(denied.headers.get('Access-Control-Allow-Origin')).to.equal('*');
    expect(denied.headers.get('Access-Control-Expose-Headers')).to.contain('Retry-After');

    const preflight = await api.fetch(`${BASE}/v1/bookings`, { method: 'OPTIONS' });
    expect(preflight.status).to.equal(204);
    expect(preflight.headers.get('Access-Control-Allow-Headers')).to.contain('Authorization');
    expect(preflight.headers.get('Access-Control-Allow-Methods')).to.contain('PATCH');
  });

  it('answers 404 for paths under apiBase that no endpoint serves', async () => {
    const api = createMockApi({ errorShape: 'object' });
    for (const [method, path] of [
      ['GET', '/v1/availability?service_id=1'],
      // Only with the proxy stand-in on (`availability`, `manage`).
      ['GET', '/v1/services/1/availability?from=2023-07-10&to=2023-07-10'],
      ['GET', '/v1/manage/AQAAAAAAAAABaxgNYIdjWUfviLXQ0LaMy3N8LGlvw3AxRcqrdgnLCRmfbSVh'],
      ['GET', '/v2/services'],
      ['PUT', '/v1/services/1'],
      ['GET', '/v1/services/1/extra'],
    ]) {
      const reply = await call(api, method, path);
      expect(reply.status, `${method} ${path}`).to.equal(404);
      expect(reply.body).to.deep.equal({ error: { code: 'not_found', message: 'not found' } });
    }
  });

  it('does not answer outside apiBase, like an unreachable host', async () => {
    const api = createMockApi();
    let error: unknown;
    try {
      await api.fetch('https://elsewhere.example/v1/services');
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(TypeError);
  });

  it('serves an apiBase with a path, relative or absolute, and follows setOptions({apiBase})', async () => {
    const api = createMockApi({ apiBase: '/proxy/reservekit/' });
    seedWeek(api);
    expect((await api.fetch('/proxy/reservekit/v1/services/123')).status).to.equal(200);
    expect((await api.fetch(`${location.origin}/proxy/reservekit/v1/services/123`)).status).to.equal(200);
    expect((await api.fetch('/proxy/v1/services/123').catch((e: unknown) => e)) instanceof TypeError).to.equal(true);

    api.setOptions({ apiBase: 'http://localhost:9999/rk' });
    expect((await api.fetch('http://localhost:9999/rk/v1/services/123')).status).to.equal(200);
  });

  it('keeps ids predictable: from 1, or after an explicit id', async () => {
    const api = createMockApi();
    api.seedService({ id: 100, name: 'A', timezone: 'UTC' });
    const created = await call(api, 'POST', '/v1/services', {
      name: 'B',
      timezone: 'UTC',
      time_slots: [{ day_of_week: 1, start_time: '2023-01-01 09:00:00', end_time: '2023-01-01 10:00:00', max_bookings: 1 }],
    });
    expect(created.body.data.id).to.equal(101);
    expect(api.store.timeSlots[0].id).to.equal(1);
    expect((await book(api, { time_slot_id: 1 })).body.data.id).to.equal(1);
    expect(() => api.seedService({ id: 100, name: 'dup', timezone: 'UTC' })).to.throw(/already exists/);
  });

  it('reset() empties everything and restarts ids, keeping options', async () => {
    const api = createMockApi({ errorShape: 'flat' });
    seedWeek(api);
    api.seedBooking({ date: MONDAY, time_slot_id: 456 });
    api.failNext({}, { status: 500 });
    const log = api.requests;
    await call(api, 'GET', '/v1/services/123');

    api.reset();
    expect(api.store.services).to.have.length(0);
    expect(api.store.bookings).to.have.length(0);
    expect(log, 'the same array, emptied').to.have.length(0);
    expect((await call(api, 'GET', '/v1/services/123')).body, 'options kept, failure gone').to.deep.equal({
      status: 404,
      message: 'service not found',
      code: 'not_found',
    });
    expect(api.seedService({ name: 'A', timezone: 'UTC' }).service.id).to.equal(1);
  });

  it('seedBooking refuses an unknown slot', () => {
    const api = createMockApi();
    expect(() => api.seedBooking({ date: MONDAY, time_slot_id: 1 })).to.throw(/no time slot 1/);
  });
});

describe('mock API: seedConsultation fixture', () => {
  it('is a New York weekday schedule of one-hour slots', async () => {
    const api = createMockApi();
    const { service, slots } = seedConsultation(api);
    expect(service).to.include({ id: 1, name: 'Consultation', timezone: 'America/New_York' });
    expect(slots).to.have.length(35);
    expect(new Set(slots.map((s) => s.day_of_week))).to.deep.equal(new Set([1, 2, 3, 4, 5]));
    expect(slots[0]).to.include({ id: 1, day_of_week: 1, start_time: '2023-01-01 09:00:00', end_time: '2023-01-01 10:00:00', max_bookings: 1 });
    expect(slots[7]).to.include({ id: 8, day_of_week: 2, start_time: '2023-01-01 09:00:00' });
    expect(slots.some((s) => s.max_bookings > 1)).to.equal(true);

    // It behaves like any API data: the one-to-one Monday 09:00 fills after one booking.
    expect((await book(api, { time_slot_id: 1, customer_email: 'a@example.com' })).status).to.equal(201);
    expect((await book(api, { time_slot_id: 1, customer_email: 'b@example.com' })).body.error).to.equal('time slot is full');
  });
});
