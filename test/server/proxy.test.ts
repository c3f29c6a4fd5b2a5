import { expect } from '@open-wc/testing';
import type { ReserveKitError } from '../../src/api/errors';
import { createBookingProxy, type RateLimitStore } from '../../src/server/index';
import { BASE, expectNoKey, jane, KEY, MON, monday, NOW, rejection, setup, SITE, WED, type Env } from './proxy-env';

let env: Env;

describe('booking proxy: the secret key', () => {
  beforeEach(() => (env = setup()));
  afterEach(() => env.replies.forEach(expectNoKey));

  it('sends the key upstream and drops what the visitor sent in its place', async () => {
    const reply = await env.call('GET', '/v1/services/1', { headers: { Authorization: 'Bearer sk_rsv_visitor', Cookie: 'session=abc' } });
    expect(reply.status).to.equal(200);
    expect(reply.body.data).to.include({ id: 1, name: 'Consultation', timezone: 'America/New_York' });
    const [sent] = env.upstream();
    expect(sent.url.href).to.equal('https://api.reservekit.io/v1/services/1');
    expect(sent.headers.get('Authorization')).to.equal(`Bearer ${KEY}`);
    expect(sent.headers.get('Cookie')).to.equal(null);
  });

  it('keeps it out of every answer: success, own errors, upstream errors that echo it', async () => {
    // Upstream data that happens to contain the key is redacted too, not just our own messages.
    env.api.store.services[0].description = `Ask about ${KEY}`;
    const service = await env.call('GET', '/v1/services/1');
    expect(service.body.data.description).to.equal('Ask about [redacted]');
    expect((await env.call('GET', '/v1/services/1/time-slots')).status).to.equal(200);
    expect((await env.call('GET', `/v1/services/1/availability?from=${MON}&to=${WED}`)).status).to.equal(200);
    expect((await env.call('POST', '/v1/bookings?service_id=1', { body: monday })).status).to.equal(201);
    expect((await env.call('POST', '/v1/bookings?service_id=1', { body: { ...monday, customer_email: 'x' } })).status).to.equal(400);
    expect((await env.call('GET', '/v1/services/2')).status).to.equal(404);
    expect((await env.call('DELETE', '/v1/services/1')).status).to.equal(405);

    // Each upstream failure below needs the cached service to have expired first.
    const expire = () => (env.clock.t += 60_000);
    expire();
    env.api.failNext({ path: '/v1/services/:id' }, { status: 400, body: { error: { code: 'validation_error', message: `bad key ${KEY}`, details: { key: KEY } } } });
    const echoed = await env.call('GET', '/v1/services/1');
    expect(echoed.status).to.equal(400);
    expect(echoed.body.error).to.deep.equal({ code: 'validation_error', message: 'bad key [redacted]', details: { key: '[redacted]' } });

    expire();
    env.api.failNext({ path: '/v1/services/:id' }, { status: 500, body: `Traceback: Authorization: Bearer ${KEY}` });
    const crashed = await env.call('GET', '/v1/services/1');
    expect(crashed.status).to.equal(500);
    expect(crashed.body.error.message).to.equal('The booking service had a problem');

    env.api.setOptions({ apiKey: 'sk_rsv_rotated' });
    expire();
    const refused = await env.call('GET', '/v1/services/1');
    expect(refused.status, 'upstream 401 is passed through').to.equal(401);
    expect(refused.body.error.code).to.equal('unauthorized');
    expect(env.errors.map((e) => (e as ReserveKitError).status), 'the owner hears about 5xx and a refused key').to.deep.equal([500, 401]);
    expect(env.replies.length).to.equal(10);
  });

  it('refuses to start without a key', () => {
    expect(() => createBookingProxy({ apiKey: '', services: [1] })).to.throw(/apiKey is required/);
  });
});

describe('booking proxy: what it forwards', () => {
  beforeEach(() => (env = setup()));
  afterEach(() => env.replies.forEach(expectNoKey));

  it('serves the service and its time slots for allow-listed ids given as numbers or strings', async () => {
    env = setup({ services: ['1'] });
    const slots = await env.call('GET', '/v1/services/1/time-slots');
    expect(slots.status).to.equal(200);
    expect(slots.body.data.map((s: { id: number }) => s.id)).to.deep.equal([11, 12]);
    expect(env.upstream().map((r) => r.url.pathname)).to.deep.equal(['/v1/services/1/time-slots']);
  });

  it('answers 404 for services not on the list, without asking upstream', async () => {
    for (const path of ['/v1/services/2', '/v1/services/2/time-slots', `/v1/services/2/availability?from=${MON}&to=${MON}`, '/v1/services/01', '/v1/services/1/']) {
      const reply = await env.call('GET', path);
      expect(reply.status, path).to.equal(404);
      expect(reply.body).to.deep.equal({ error: { code: 'not_found', message: 'not found' } });
    }
    expect((await env.call('POST', '/v1/bookings?service_id=2', { body: { ...monday, time_slot_id: 21 } })).status).to.equal(404);
    expect((await env.call('GET', '', { url: `${BASE}/v1/services/1/../2` })).status, 'dot segments resolve first').to.equal(404);
    expect(env.upstream()).to.deep.equal([]);
  });

  it('refuses every other endpoint and method', async () => {
    const refused: [string, string, number][] = [
      ['GET', '/v1/services', 404],
      ['POST', '/v1/services', 404],
      ['GET', '/v1/bookings?service_id=1&page=1&page_size=10', 405],
      ['GET', '/v1/bookings/1', 404],
      ['GET', '/v1/bookings/1/customer', 404],
      ['PATCH', '/v1/bookings/1', 404],
      ['DELETE', '/v1/bookings/1', 404],
      ['GET', '/v1/time-slots?service_id=1', 404],
      ['PATCH', '/v1/services/1', 405],
      ['DELETE', '/v1/services/1', 405],
      ['POST', '/v1/services/1/time-slots', 405],
      ['HEAD', '/v1/services/1', 405],
    ];
    env.api.seedBooking({ date: MON, time_slot_id: 11, ...jane });
    for (const [method, path, status] of refused) {
      const reply = await env.call(method, path, { body: method === 'PATCH' || method === 'POST' ? { status: 'cancelled' } : undefined });
      expect(reply.status, `${method} ${path}`).to.equal(status);
      if (status === 405) expect(reply.headers.get('Allow')).to.match(/^(GET|POST), OPTIONS$/);
    }
    expect((await env.call('GET', '', { url: `${SITE}/v1/services/1` })).status, 'outside basePath').to.equal(404);
    expect(env.upstream()).to.deep.equal([]);
    expect(env.api.store.bookings[0].status).to.equal('pending');
  });

  it('validates the booking body with the widget rules and sends only known fields', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ customer_email: 'jane@example' }, 'customer_email'],
      [{ customer_phone: '202-555-0185' }, 'customer_phone'],
      [{ date: '2026-02-30' }, 'date'],
      [{ date: '12/07/2026' }, 'date'],
      [{ customer_name: '  ' }, 'customer_name'],
      [{ time_slot_id: '11' }, 'time_slot_id'],
      [{ message: 'x'.repeat(1001) }, 'message'],
    ];
    for (const [change, field] of cases) {
      const reply = await env.call('POST', '/v1/bookings?service_id=1', { body: { ...monday, ...change } });
      expect(reply.status, field).to.equal(400);
      expect(reply.body.error.code).to.equal('validation_error');
      expect(Object.keys(reply.body.error.details), JSON.stringify(change)).to.deep.equal([field]);
    }
    expect((await env.call('POST', '/v1/bookings?service_id=1', { body: '{"date":' })).body.error.details).to.have.key('body');
    expect((await env.call('POST', '/v1/bookings', { body: monday })).body.error.details).to.have.key('service_id');
    expect(env.upstream('POST'), 'nothing invalid reaches the API').to.deep.equal([]);

    const reply = await env.call('POST', '/v1/bookings?service_id=1&admin=1', {
      body: { ...monday, customer_name: '  Jane Doe ', status: 'confirmed', service_id: 2, customer: { email: 'x@y.z' }, id: 1 },
    });
    expect(reply.status).to.equal(201);
    expect(reply.body.data).to.include({ date: MON, time_slot_id: 11, status: 'pending' });
    const [sent] = env.upstream('POST');
    expect(sent.body).to.deep.equal(monday);
    expect(sent.url.search).to.equal('?service_id=1');
  });

  it("refuses a slot of another service and a date off the slot's weekday", async () => {
    const other = await env.call('POST', '/v1/bookings?service_id=1', { body: { ...monday, time_slot_id: 21 } });
    expect(other.status).to.equal(400);
    expect(other.body.error.details).to.have.key('time_slot_id');
    const tuesday = await env.call('POST', '/v1/bookings?service_id=1', { body: { ...monday, date: '2026-12-08' } });
    expect(tuesday.status).to.equal(400);
    expect(tuesday.body.error.details).to.have.key('date');
    expect(env.upstream('POST')).to.deep.equal([]);
    // One slot list, then one re-read because 21 was not in it (a slot may have just been added).
    expect(env.upstream('GET').map((r) => r.url.pathname)).to.deep.equal(['/v1/services/1/time-slots', '/v1/services/1/time-slots']);
  });

  it('accepts a slot the owner added after the slots were cached', async () => {
    expect((await env.call('POST', '/v1/bookings?service_id=1', { body: monday })).status).to.equal(201);
    env.api.store.timeSlots.push({ ...env.api.store.timeSlots[0], id: 13, day_of_week: 5 });
    const friday = await env.call('POST', '/v1/bookings?service_id=1', { body: { ...monday, date: '2026-12-11', time_slot_id: 13 } });
    expect(friday.status).to.equal(201);
  });
});

describe('booking proxy: errors in the envelope the client understands', () => {
  beforeEach(() => (env = setup()));
  afterEach(() => env.replies.forEach(expectNoKey));

  for (const shape of ['string', 'object', 'flat'] as const) {
    it(`maps upstream "${shape}" errors to the client's codes, keeping the status`, async () => {
      env.api.setOptions({ errorShape: shape });
      const client = env.client();
      env.api.seedBooking({ date: WED, time_slot_id: 12, customer_email: 'someone@example.com' });
      const full = await rejection(client.createBooking({ ...monday, date: WED, time_slot_id: 12 }, { serviceId: 1 }));
      expect([full.code, full.status]).to.deep.equal(['slot_full', 400]);

      await client.createBooking(monday, { serviceId: 1 });
      const duplicate = await rejection(client.createBooking(monday, { serviceId: 1 }));
      expect([duplicate.code, duplicate.status]).to.deep.equal(['duplicate', 400]);

      env.api.failNext({ method: 'POST' }, { status: 429, headers: { 'Retry-After': '7' } });
      const limited = await rejection(client.createBooking({ ...monday, customer_email: 'b@example.com' }, { serviceId: 1 }));
      expect([limited.code, limited.status, limited.retryAfter]).to.deep.equal(['rate_limited', 429, 7]);
      expect(env.replies.at(-1)!.headers.get('Retry-After')).to.equal('7');

      env.api.store.services.splice(0, 1);
      env.clock.t += 60_000;
      const gone = await rejection(client.getService(1));
      expect([gone.code, gone.status]).to.deep.equal(['not_found', 404]);
    });
  }

  it('passes field details of an upstream 400 through', async () => {
    env.api.failNext({ method: 'POST' }, { status: 422, body: { error: { code: 'validation_error', message: 'blocked', details: { customer_email: 'domain is blocked' } } } });
    const error = await rejection(env.client().createBooking(monday, { serviceId: 1 }));
    expect(error.code).to.equal('validation');
    expect(error.fields).to.deep.equal({ customer_email: 'domain is blocked' });
  });

  it("answers its own validation errors in a shape the client turns into 'validation' with fields", async () => {
    const error = await rejection(env.client().createBooking({ ...monday, customer_email: 'nope' }, { serviceId: 1 }));
    expect(error.code).to.equal('validation');
    expect(error.status).to.equal(400);
    expect(error.fields).to.deep.equal({ customer_email: 'Email is not valid' });
  });

  it("answers 502 when the API is unreachable, which the client reports as 'server'", async () => {
    env.api.failNext({}, 'network');
    const reply = await env.call('GET', '/v1/services/1');
    expect(reply.status).to.equal(502);
    expect(reply.body.error.code).to.equal('bad_gateway');

    env.api.failNext({ method: 'POST' }, 'network');
    const error = await rejection(env.client().createBooking(monday, { serviceId: 1 }));
    expect([error.code, error.status]).to.deep.equal(['server', 502]);
    expect(env.errors.map((e) => (e as ReserveKitError).code)).to.deep.equal(['network', 'network']);
  });

  it('answers 504 when the API is too slow, and 502 for a malformed answer', async () => {
    env = setup({ timeoutMs: 50 });
    env.api.failNext({ path: '/v1/services/:id' }, { delayMs: 300 });
    const slow = await env.call('GET', '/v1/services/1');
    expect([slow.status, slow.body.error.code]).to.deep.equal([504, 'gateway_timeout']);
    env.api.failNext({ path: '/v1/services/:id' }, { status: 200, body: { data: { id: 'one' } } });
    const odd = await env.call('GET', '/v1/services/1');
    expect([odd.status, odd.body.error.code]).to.deep.equal([502, 'bad_gateway']);
    env.api.failNext({}, { delayMs: 300 });
    const error = await rejection(env.client().getService(1));
    expect([error.code, error.status]).to.deep.equal(['server', 504]);
  });
});

describe('booking proxy: rate limit per visitor', () => {
  afterEach(() => env.replies.forEach(expectNoKey));

  it('answers 429 with Retry-After past the limit; another IP is unaffected; the window ends', async () => {
    env = setup({ rateLimit: { limit: 2, windowMs: 60_000 } });
    const book = (ip: string, email: string, date = MON) =>
      env.call('POST', '/v1/bookings?service_id=1', { ip, body: { ...monday, date, customer_email: email, customer_phone: undefined } });
    expect((await book('198.51.100.1', 'a@example.com')).status).to.equal(201);
    // Invalid attempts count too: probing costs the same as booking.
    expect((await book('198.51.100.1', 'not-an-email')).status).to.equal(400);
    env.clock.t += 15_000;
    const limited = await book('198.51.100.1', 'c@example.com');
    expect(limited.status).to.equal(429);
    expect(limited.headers.get('Retry-After')).to.equal('45');
    expect(limited.body.error).to.include({ code: 'rate_limit_exceeded', retry_after: 45 });

    expect((await book('198.51.100.2', 'd@example.com')).status, 'another visitor').to.equal(201);
    expect(env.upstream('POST')).to.have.length(2);
    expect((await env.call('GET', '/v1/services/1', { ip: '198.51.100.1' })).status, 'reads are not limited').to.equal(200);

    env.clock.t += 45_000;
    expect((await book('198.51.100.1', 'e@example.com', '2026-12-14')).status, 'a new window').to.equal(201);
  });

  it('counts in a shared store when given one, and books on if that store fails', async () => {
    const hits: [string, number][] = [];
    let down = false;
    const store: RateLimitStore = {
      async hit(key, windowMs) {
        if (down) throw new Error('redis down');
        hits.push([key, windowMs]);
        return { count: 9, resetAt: NOW + 5_000 };
      },
    };
    env = setup({ rateLimit: { limit: 8, store } });
    const limited = await env.call('POST', '/v1/bookings?service_id=1', { ip: '2001:db8::1', body: monday });
    expect([limited.status, limited.headers.get('Retry-After')]).to.deep.equal([429, '5']);
    expect(hits, 'IPv6 visitors count per /64').to.deep.equal([['booking:2001:db8:0:0::/64', 600_000]]);
    down = true;
    expect((await env.call('POST', '/v1/bookings?service_id=1', { body: monday })).status).to.equal(201);
    expect(String((env.errors[0] as Error).cause)).to.contain('redis down');
  });

  it('puts visitors of unknown IP in one bucket (and says so) rather than not limiting', async () => {
    env = setup({ rateLimit: { limit: 1 } });
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const post = (email: string) =>
        env.proxy(
          new Request(`${BASE}/v1/bookings?service_id=1`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...monday, customer_email: email }) }),
        );
      expect((await post('a@example.com')).status).to.equal(201);
      expect((await post('b@example.com')).status).to.equal(429);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0])).to.contain('getClientIp');
    } finally {
      console.warn = warn;
    }
  });

  it('uses getClientIp when given', async () => {
    env = setup({ rateLimit: { limit: 1 }, getClientIp: (request) => request.headers.get('CF-Connecting-IP') });
    const post = (ip: string, email: string) =>
      env.call('POST', '/v1/bookings?service_id=1', { ip: '10.0.0.1', headers: { 'CF-Connecting-IP': ip }, body: { ...monday, customer_email: email, customer_phone: undefined } });
    expect((await post('192.0.2.1', 'a@example.com')).status).to.equal(201);
    expect((await post('192.0.2.2', 'b@example.com')).status).to.equal(201);
    expect((await post('192.0.2.1', 'c@example.com')).status).to.equal(429);
  });
});

describe('booking proxy: availability', () => {
  beforeEach(() => (env = setup()));
  afterEach(() => env.replies.forEach(expectNoKey));

  const availability = (from = '2026-12-06', to = '2026-12-16') => env.call('GET', `/v1/services/1/availability?from=${from}&to=${to}`);

  it('counts non-cancelled bookings per occurrence and never returns customer data', async () => {
    const people = [
      { customer_name: 'Ada Lovelace', customer_email: 'ada@example.com', customer_phone: '+442071838750', message: 'Ada note' },
      { customer_name: 'Grace Hopper', customer_email: 'grace@example.com', customer_phone: '+12025550100', message: 'Grace note' },
      { customer_name: 'Alan Turing', customer_email: 'alan@example.com', customer_phone: '+441223000000', message: 'Alan note' },
    ];
    env.api.seedBooking({ date: MON, time_slot_id: 11, ...people[0] });
    env.api.seedBooking({ date: MON, time_slot_id: 11, status: 'confirmed', ...people[1] });
    env.api.seedBooking({ date: MON, time_slot_id: 11, status: 'cancelled', cancel_reason: 'ill', ...people[2] });
    env.api.seedBooking({ date: '2026-12-14', time_slot_id: 11, status: 'cancelled', cancel_reason: 'moved', ...people[0] });
    env.api.seedBooking({ date: WED, time_slot_id: 12, ...people[2] });
    env.api.seedBooking({ date: MON, time_slot_id: 21, ...people[1] });

    const reply = await availability();
    expect(reply.status).to.equal(200);
    expect(reply.body).to.deep.equal({
      data: {
        from: '2026-12-06',
        to: '2026-12-16',
        availability: [
          { time_slot_id: 11, date: MON, booked: 2, remaining: 0 },
          { time_slot_id: 12, date: WED, booked: 1, remaining: 0 },
          { time_slot_id: 11, date: '2026-12-14', booked: 0, remaining: 2 },
          { time_slot_id: 12, date: '2026-12-16', booked: 0, remaining: 1 },
        ],
      },
    });
    for (const p of people) for (const value of Object.values(p)) expect(reply.text).not.to.contain(value);
    expect(reply.text).not.to.match(/customer|cancel_reason|moved/);
    const listed = env.upstream('GET').filter((r) => r.url.pathname === '/v1/bookings');
    expect(listed.map((r) => r.url.search)).to.deep.equal(['?service_id=1&page=1&page_size=100']);
  });

  it('pages through every booking', async () => {
    for (let i = 0; i < 120; i++) env.api.seedBooking({ date: MON, time_slot_id: 11 });
    for (let i = 0; i < 90; i++) env.api.seedBooking({ date: '2026-12-14', time_slot_id: 11, status: i < 30 ? 'cancelled' : 'pending' });
    const reply = await availability(MON, '2026-12-14');
    expect(reply.body.data.availability).to.deep.equal([
      { time_slot_id: 11, date: MON, booked: 120, remaining: 0 },
      { time_slot_id: 12, date: WED, booked: 0, remaining: 1 },
      { time_slot_id: 11, date: '2026-12-14', booked: 60, remaining: 0 },
    ]);
    const pages = env.upstream('GET').filter((r) => r.url.pathname === '/v1/bookings').map((r) => r.url.searchParams.get('page'));
    expect(pages).to.deep.equal(['1', '2', '3']);
  });

  it('answers 400 for a missing or malformed range and cuts a long one to 92 days', async () => {
    for (const [query, fields] of [
      ['', ['from', 'to']],
      ['?from=2026-12-06', ['to']],
      ['?from=2026-13-01&to=2026-12-31', ['from']],
      ['?from=2026-12-06&to=tomorrow', ['to']],
      ['?from=2026-12-06&to=2026-12-05', ['to']],
    ] as const) {
      const reply = await env.call('GET', `/v1/services/1/availability${query}`);
      expect(reply.status, query).to.equal(400);
      expect(Object.keys(reply.body.error.details), query).to.deep.equal(fields);
    }
    const long = await availability('2026-12-01', '2027-12-01');
    expect(long.status).to.equal(200);
    expect(long.body.data.to).to.equal('2027-03-03');
    expect(long.body.data.availability.at(-1).date <= '2027-03-03').to.equal(true);
    expect(long.body.data.availability, '13 weeks of Mondays and Wednesdays, and Wednesday 3 March').to.have.length(27);
  });

  it('reuses counts for availabilityTtlMs and shares one load among concurrent requests', async () => {
    await Promise.all([availability(), availability(), availability()]);
    const lists = () => env.upstream('GET').filter((r) => r.url.pathname === '/v1/bookings').length;
    expect(lists()).to.equal(1);

    env.api.seedBooking({ date: WED, time_slot_id: 12 });
    env.clock.t += 29_000;
    expect((await availability()).body.data.availability[1], 'still cached').to.include({ date: WED, remaining: 1 });
    expect(lists()).to.equal(1);

    env.clock.t += 1_000;
    expect((await availability()).body.data.availability[1], 'expired').to.include({ date: WED, remaining: 0 });
    expect(lists()).to.equal(2);
  });

  const walks = () => env.upstream('GET').filter((r) => r.url.pathname === '/v1/bookings' && r.url.searchParams.get('page') === '1').length;

  it('counts a booking made through the proxy at once, without walking the history again', async () => {
    expect((await availability()).body.data.availability[0]).to.include({ date: MON, booked: 0, remaining: 2 });
    expect((await env.call('POST', '/v1/bookings?service_id=1', { body: monday })).status).to.equal(201);
    expect((await availability()).body.data.availability[0]).to.include({ date: MON, booked: 1, remaining: 1 });
    for (const date of ['2026-12-14', '2026-12-21']) {
      expect((await env.call('POST', '/v1/bookings?service_id=1', { body: { ...monday, date } })).status).to.equal(201);
      expect((await availability(MON, '2026-12-31')).status).to.equal(200);
    }
    expect(walks(), 'bookings never restart the walk').to.equal(1);
    env.clock.t += 30_000;
    expect((await availability()).body.data.availability[0], 'the next walk agrees').to.include({ date: MON, booked: 1, remaining: 1 });
    expect(walks()).to.equal(2);
  });

  it('marks a time full when the API says so, since our count was behind', async () => {
    expect((await availability()).body.data.availability[1]).to.include({ date: WED, remaining: 1 });
    env.api.seedBooking({ date: WED, time_slot_id: 12 });
    const full = await env.call('POST', '/v1/bookings?service_id=1', { body: { ...monday, date: WED, time_slot_id: 12 } });
    expect(full.status).to.equal(400);
    expect((await availability()).body.data.availability[1]).to.include({ date: WED, remaining: 0 });
    expect(walks()).to.equal(1);
  });

  it('passes an upstream failure on, and does not cache it', async () => {
    env.api.failNext({ path: '/v1/bookings' }, { status: 503 });
    expect((await availability()).status).to.equal(503);
    expect((await availability()).status).to.equal(200);
  });
});

describe('booking proxy: CORS', () => {
  afterEach(() => env.replies.forEach(expectNoKey));
  const PARTNER = 'https://partner.example';

  it('adds no CORS headers by default (same origin only)', async () => {
    env = setup();
    const reply = await env.call('GET', '/v1/services/1', { headers: { Origin: PARTNER } });
    expect(reply.status).to.equal(200);
    expect(reply.headers.get('Access-Control-Allow-Origin')).to.equal(null);
    expect(reply.headers.get('Vary')).to.equal(null);
    const preflight = await env.call('OPTIONS', '/v1/bookings', { headers: { Origin: PARTNER, 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status).to.equal(403);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).to.equal(null);
  });

  it('allows the listed origins, answers their preflight, and denies others', async () => {
    env = setup({ allowedOrigins: [`${PARTNER}/`] });
    const allowed = await env.call('GET', '/v1/services/1', { headers: { Origin: PARTNER } });
    expect(allowed.headers.get('Access-Control-Allow-Origin')).to.equal(PARTNER);
    expect(allowed.headers.get('Access-Control-Expose-Headers')).to.contain('Retry-After');
    expect(allowed.headers.get('Vary')).to.equal('Origin');

    const preflight = await env.call('OPTIONS', '/v1/bookings', {
      headers: { Origin: PARTNER, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.status).to.equal(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).to.equal(PARTNER);
    expect(preflight.headers.get('Access-Control-Allow-Methods')).to.equal('POST, OPTIONS');
    expect(preflight.headers.get('Access-Control-Allow-Headers')).to.equal('Content-Type');

    const denied = await env.call('GET', '/v1/services/1', { headers: { Origin: 'https://evil.example' } });
    expect(denied.headers.get('Access-Control-Allow-Origin')).to.equal(null);
    expect(denied.headers.get('Vary')).to.equal('Origin');
    const deniedPreflight = await env.call('OPTIONS', '/v1/bookings', { headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
    expect(deniedPreflight.status).to.equal(403);
    expect(deniedPreflight.headers.get('Access-Control-Allow-Origin')).to.equal(null);

    const limited = await env.call('OPTIONS', '/v1/services/2', { headers: { Origin: PARTNER, 'Access-Control-Request-Method': 'GET' } });
    expect(limited.status, 'preflight for a service not on the list').to.equal(404);
    expect(env.upstream().map((r) => r.method), 'the second read came from the cache').to.deep.equal(['GET']);
  });

  it("allows any origin with '*'", async () => {
    env = setup({ allowedOrigins: ['*'] });
    const reply = await env.call('GET', '/v1/services/1/time-slots', { headers: { Origin: 'https://anywhere.example' } });
    expect(reply.headers.get('Access-Control-Allow-Origin')).to.equal('https://anywhere.example');
  });
});
