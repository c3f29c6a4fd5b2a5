/**
 * The proxy's manage links against the mock API, with a real HMAC: tokens on new bookings, the
 * four manage routes, their failure modes and their limits, and the allow-listed service list.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import type { SeedServiceInput } from '../../src/mock/index';
import type { BookingProxyOptions } from '../../src/server/index';
import { createManageTokens, manageExpiry } from '../../src/server/manage';
import { KEY, MON, NOW, SERVICES, setup as proxyEnv, SITE, type Env, type Reply } from '../server/proxy-fixture';

const SECRET = 'the owner secret, at least 32 bytes long';
const TUE = '2026-12-08';

const [consultation, unlisted] = SERVICES as [SeedServiceInput, SeedServiceInput];
/** Consultation gets a description and a Tuesday slot to move to; Yoga is listed before it. */
const services: SeedServiceInput[] = [
  {
    ...consultation,
    description: 'One hour',
    time_slots: [consultation.time_slots![0]!, { id: 12, day_of_week: 2, start_time: '2023-01-01 14:30:00', end_time: '2023-01-01 15:30:00', max_bookings: 1 }],
  },
  unlisted,
  { id: 3, name: 'Yoga', timezone: 'Europe/Berlin' },
];

let env: Env;

function setup(options: Partial<BookingProxyOptions> = {}) {
  env = proxyEnv(
    {
      services: [3, 1],
      rateLimit: false,
      manage: { secret: SECRET, url: 'https://shop.example/booking/manage?token={token}' },
      ...options,
    },
    services,
  );
}

async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const reply = await env.call(method, path, { body, headers: { Origin: SITE, ...headers } });
  assert.ok(!reply.text.includes(KEY.slice(7)), `the key leaked: ${reply.text}`);
  return reply;
}

const jane = { customer_name: 'Jane Doe', customer_email: 'jane@example.com', customer_phone: '+12025550185', message: 'Window seat' };

async function book(input: Record<string, unknown> = {}, serviceId = 1): Promise<{ id: number; token: string; body: any }> {
  const reply = await send('POST', `/v1/bookings?service_id=${serviceId}`, { date: MON, time_slot_id: 11, ...jane, ...input });
  assert.equal(reply.status, 201, JSON.stringify(reply.body));
  return { id: reply.body.data.id, token: reply.body.data.manage_token, body: reply.body };
}

const stored = (id: number) => env.api.store.bookings.find((b) => b.id === id)!;
const NOT_FOUND = { error: { code: 'not_found', message: 'not found' } };

describe('proxy manage links', () => {
  beforeEach(() => setup());

  test('a booking answers with its manage token and URL; no customer data in the token', async () => {
    const { token, body } = await book();
    assert.match(token, /^[\w-]{60}$/);
    assert.equal(body.data.manage_url, `https://shop.example/booking/manage?token=${token}`);
    const raw = Buffer.from(token, 'base64url');
    for (const secret of ['Jane', 'jane@example.com', '2025550185', 'Window']) assert.ok(!raw.includes(secret));
  });

  test('without `manage` bookings carry no token and the manage routes are 404', async () => {
    setup({ manage: undefined });
    const { token, body } = await book();
    assert.equal(token, undefined);
    assert.ok(!('manage_url' in body.data));
    assert.equal((await send('GET', '/v1/manage/AQAAAAAAAAABaxgNYIdjWUfviLXQ0LaMy3N8LGlvw3AxRcqrdgnLCRmfbSVh')).status, 404);
  });

  test('refuses a secret shorter than 32 bytes with a clear TypeError', () => {
    assert.throws(() => setup({ manage: { secret: 'too short' } }), { name: 'TypeError', message: /at least 32 bytes/ });
  });

  test('GET shows service, date, time slot, status and customer, and nothing else', async () => {
    const { id, token } = await book();
    const reply = await send('GET', `/v1/manage/${token}`);
    assert.equal(reply.status, 200);
    assert.equal(reply.headers.get('cache-control'), 'no-store');
    assert.equal(reply.headers.get('x-reservekit-proxy'), 'availability, manage');
    const { booking, service, time_slot } = reply.body.data;
    assert.deepEqual(
      { id: booking.id, date: booking.date, time_slot_id: booking.time_slot_id, status: booking.status, customer: booking.customer },
      { id, date: MON, time_slot_id: 11, status: 'pending', customer: { name: 'Jane Doe', email: 'jane@example.com', phone: '+12025550185' } },
    );
    assert.deepEqual(service, { id: 1, name: 'Consultation', description: 'One hour', timezone: 'America/New_York' });
    assert.equal(time_slot.start_time, '2023-01-01 09:00:00');
    assert.ok(!('id' in booking.customer), 'the upstream customer id stays upstream');
  });

  test('tampered, foreign, expired, garbled and missing all get the same 404', async () => {
    const { id, token } = await book();
    const ours = createManageTokens(SECRET);
    const tampered = token.slice(0, 30) + (token[30] === 'x' ? 'y' : 'x') + token.slice(31);
    const foreign = await createManageTokens('someone else entirely, 32 bytes or more').sign(id, NOW + 86_400_000);
    // Signed with our secret, but for a booking of a service that is not allow-listed.
    const other = env.api.seedBooking({ date: MON, time_slot_id: 21, customer_email: 'o@example.com' });
    const unlisted = await ours.sign(other.id, NOW + 86_400_000);
    const gone = await ours.sign(999, NOW + 86_400_000);
    const answers: unknown[] = [];
    for (const t of [tampered, foreign, unlisted, gone, 'AAAA', token.slice(0, -1), '%E0%A4%A']) {
      const reply = await send('GET', `/v1/manage/${t}`);
      answers.push([reply.status, reply.body]);
    }
    // The booking starts Monday 09:00 in New York (14:00 UTC); the link works for a day after that.
    assert.equal(manageExpiry(MON, '2023-01-01 09:00:00', 'America/New_York'), Date.parse('2026-12-08T14:00:00Z'));
    env.clock.t = Date.parse('2026-12-08T13:59:59Z');
    assert.equal((await send('GET', `/v1/manage/${token}`)).status, 200);
    env.clock.t = Date.parse('2026-12-08T14:00:00Z');
    const expired = await send('GET', `/v1/manage/${token}`);
    answers.push([expired.status, expired.body]);
    for (const answer of answers) assert.deepEqual(answer, [404, NOT_FOUND]);
  });

  test('cancel records the visitor\'s reason', async () => {
    const { id, token } = await book();
    const reply = await send('POST', `/v1/manage/${token}/cancel`, { reason: '  Feeling unwell ' });
    assert.equal(reply.status, 200);
    assert.equal(reply.body.data.booking.status, 'cancelled');
    assert.deepEqual([stored(id).status, stored(id).cancel_reason], ['cancelled', 'Feeling unwell']);
  });

  test('cancel without a reason records "Cancelled by the customer"', async () => {
    const { id, token } = await book();
    assert.equal((await send('POST', `/v1/manage/${token}/cancel`, {})).status, 200);
    assert.equal(stored(id).cancel_reason, 'Cancelled by the customer');
  });

  test('reschedule books the new time, cancels the old one naming it, answers a new token', async () => {
    const { id, token } = await book();
    const tuesday = async () => (await send('GET', `/v1/services/1/availability?from=${TUE}&to=${TUE}`)).body.data.availability[0];
    assert.equal((await tuesday()).remaining, 1);
    const reply = await send('POST', `/v1/manage/${token}/reschedule`, { date: TUE, time_slot_id: 12 });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    const moved = reply.body.data.booking;
    assert.deepEqual([moved.date, moved.time_slot_id, moved.status], [TUE, 12, 'pending']);
    assert.deepEqual(moved.customer, { name: 'Jane Doe', email: 'jane@example.com', phone: '+12025550185' });
    assert.notEqual(moved.manage_token, token);
    assert.equal(moved.manage_url, `https://shop.example/booking/manage?token=${moved.manage_token}`);
    assert.deepEqual([stored(id).status, stored(id).cancel_reason], ['cancelled', 'Rescheduled to 2026-12-08 14:30']);
    assert.equal((await send('GET', `/v1/manage/${moved.manage_token}`)).body.data.booking.id, moved.id);
    assert.equal((await tuesday()).remaining, 0, 'the cached counts know the new booking at once');
    // The new link lasts until a day after the new time: Tuesday 14:30 in New York is 19:30 UTC.
    env.clock.t = Date.parse('2026-12-09T19:29:59Z');
    assert.equal((await send('GET', `/v1/manage/${moved.manage_token}`)).status, 200);
  });

  test('reschedule into a full time leaves the original booked', async () => {
    const { id, token } = await book();
    env.api.seedBooking({ date: TUE, time_slot_id: 12, customer_email: 'first@example.com' });
    const reply = await send('POST', `/v1/manage/${token}/reschedule`, { date: TUE, time_slot_id: 12 });
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error.code, 'time_slot_full');
    assert.equal(stored(id).status, 'pending');
    assert.equal(env.api.store.bookings.filter((b) => b.customer.email === 'jane@example.com').length, 1);
  });

  test('when the old booking cannot be cancelled, the new one is cancelled and the visitor told', async () => {
    const { id, token } = await book();
    env.api.failNext({ method: 'PATCH', path: `/v1/bookings/${id}` }, { status: 500 });
    const reply = await send('POST', `/v1/manage/${token}/reschedule`, { date: TUE, time_slot_id: 12 });
    assert.equal(reply.status, 502);
    assert.deepEqual(reply.body.error, {
      code: 'reschedule_failed',
      message: 'Your booking could not be moved, so it stays at its original time. Please try again later.',
    });
    const created = env.api.store.bookings.find((b) => b.id !== id)!;
    assert.deepEqual([stored(id).status, created.status, created.date], ['pending', 'cancelled', TUE]);
    assert.equal(env.errors.length, 1, 'the owner hears about it');
  });

  test('a cancel that went through but whose answer was lost counts as done', async () => {
    let lose = false;
    // The mock applies the PATCH; its answer is replaced by a 504 on the way back.
    setup({
      fetch: async (input, init) => {
        const response = await env.api.fetch(input, init);
        if (!lose || init?.method !== 'PATCH') return response;
        lose = false;
        return new Response('gateway timeout', { status: 504 });
      },
    });
    const { id, token } = await book();
    lose = true;
    const reply = await send('POST', `/v1/manage/${token}/reschedule`, { date: TUE, time_slot_id: 12 });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    assert.equal(stored(id).status, 'cancelled');
    assert.deepEqual(env.api.store.bookings.filter((b) => b.status !== 'cancelled').map((b) => b.date), [TUE]);
  });

  test('when the old booking\'s state cannot even be read, the new one is cancelled and the visitor told to look', async () => {
    let cut = false;
    // After the first PATCH (cancelling the old booking) nothing about booking 1 gets through.
    setup({
      fetch: async (input, init) => {
        const old = new URL(String(input)).pathname === '/v1/bookings/1';
        if (old && init?.method === 'PATCH') cut = true;
        if (old && cut) throw new TypeError('fetch failed');
        return env.api.fetch(input, init);
      },
    });
    const { id, token } = await book();
    const reply = await send('POST', `/v1/manage/${token}/reschedule`, { date: TUE, time_slot_id: 12 });
    assert.equal(reply.status, 502);
    assert.equal(reply.body.error.code, 'reschedule_incomplete');
    assert.match(reply.body.error.message, /could not check whether it is still booked/);
    assert.deepEqual(env.api.store.bookings.map((b) => [b.id, b.status]), [[id, 'pending'], [id + 1, 'cancelled']]);
  });

  test('reschedule keeps to the booking window and the same service', async () => {
    const { token } = await book();
    const refused = async (input: object) => {
      const reply = await send('POST', `/v1/manage/${token}/reschedule`, input);
      assert.equal(reply.status, 400, JSON.stringify(input));
      return Object.keys(reply.body.error.details ?? {});
    };
    assert.deepEqual(await refused({ date: '2026-11-30', time_slot_id: 11 }), ['date'], 'in the past');
    assert.deepEqual(await refused({ date: '2028-12-04', time_slot_id: 11 }), ['date'], 'beyond the horizon');
    assert.deepEqual(await refused({ date: MON, time_slot_id: 21 }), ['time_slot_id'], 'another service');
    assert.deepEqual(await refused({ date: TUE, time_slot_id: 11 }), ['date'], 'wrong weekday');
    assert.deepEqual(await refused({ date: 'soon' }), ['date', 'time_slot_id']);
    assert.equal(env.api.store.bookings.length, 1);
  });

  test('reschedule refusals name the problem in the booking form\'s words and send no booking upstream', async () => {
    const { token } = await book();
    const posts = () => env.api.requests.filter((r) => r.method === 'POST').length;
    const before = posts();
    const details = async (input: object) => {
      const reply = await send('POST', `/v1/manage/${token}/reschedule`, input);
      assert.equal(reply.status, 400, JSON.stringify(input));
      assert.equal(reply.body.error.code, 'validation_error');
      return reply.body.error.details;
    };
    assert.deepEqual(await details({ date: MON, time_slot_id: 21 }), { time_slot_id: 'Time slot does not belong to this service' });
    assert.deepEqual(await details({ date: TUE, time_slot_id: 11 }), { date: "Date is not on the time slot's day of the week" });
    assert.deepEqual(await details({ date: MON, time_slot_id: 11 }), { date: 'This is already the time of the booking' });
    assert.deepEqual(await details({ date: '2026-11-30', time_slot_id: 11 }), { date: 'This time has already started; choose a later one' });
    assert.deepEqual(await details({ date: '2028-12-04', time_slot_id: 11 }), { date: 'This date is too far ahead to book' });
    assert.equal(posts(), before, 'no booking was attempted');
  });

  test('reschedule accepts a slot the owner added after the slots were cached, as a new booking does', async () => {
    const { id, token } = await book();
    const slotReads = () => env.upstream('GET').filter((r) => r.url.pathname === '/v1/services/1/time-slots').length;
    // Thursday 09:00, added after the booking above cached the service's slots.
    env.api.store.timeSlots.push({ ...env.api.store.timeSlots[0]!, id: 13, day_of_week: 4 });
    const before = slotReads();
    const reply = await send('POST', `/v1/manage/${token}/reschedule`, { date: '2026-12-10', time_slot_id: 13 });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    assert.deepEqual([reply.body.data.booking.time_slot_id, reply.body.data.time_slot.day_of_week, stored(id).status], [13, 4, 'cancelled']);
    assert.equal(slotReads(), before + 1, 'one re-read, because 13 was not in the cached slots');
    // A slot that is not the service's costs that one re-read too, and is still refused.
    const moved = reply.body.data.booking.manage_token;
    const other = await send('POST', `/v1/manage/${moved}/reschedule`, { date: MON, time_slot_id: 21 });
    assert.deepEqual([other.status, other.body.error.details], [400, { time_slot_id: 'Time slot does not belong to this service' }]);
    assert.equal(slotReads(), before + 2);
  });

  test('a manage link opens for a booking on a slot added after the slots were cached', async () => {
    await book();
    // Thursday 09:00, added and booked behind the proxy's back after it cached the service's slots.
    env.api.store.timeSlots.push({ ...env.api.store.timeSlots[0]!, id: 13, day_of_week: 4 });
    const other = env.api.seedBooking({ date: '2026-12-10', time_slot_id: 13, customer_email: 'o@example.com' });
    const reply = await send('GET', `/v1/manage/${await createManageTokens(SECRET).sign(other.id, NOW + 86_400_000)}`);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.deepEqual([reply.body.data.booking.id, reply.body.data.time_slot.day_of_week], [other.id, 4]);
  });

  describe('a visitor who leaves stops the upstream read their request is waiting on, as on the booking route', () => {
    const cases = [
      { name: 'a new booking, reading the slots', method: 'POST', path: () => '/v1/bookings?service_id=1', body: { date: TUE, time_slot_id: 12, ...jane }, read: '/v1/services/1/time-slots', expire: true },
      { name: 'a manage view, reading the booking', method: 'GET', path: (t: string) => `/v1/manage/${t}`, read: '/v1/bookings/1', expire: false },
      { name: 'a manage view, reading the slots', method: 'GET', path: (t: string) => `/v1/manage/${t}`, read: '/v1/services/1/time-slots', expire: true },
      { name: 'a cancel, reading the service', method: 'POST', path: (t: string) => `/v1/manage/${t}/cancel`, body: {}, read: '/v1/services/1', expire: true },
      { name: 'a reschedule, re-reading the slots for one not cached', method: 'POST', path: (t: string) => `/v1/manage/${t}/reschedule`, body: { date: MON, time_slot_id: 21 }, read: '/v1/services/1/time-slots', expire: false },
    ];
    for (const c of cases) {
      test(c.name, async () => {
        let hold = false;
        let held: AbortSignal | undefined;
        let reached!: () => void;
        const reading = new Promise<void>((resolve) => (reached = resolve));
        // The held read answers only when it is aborted; the short timeout ends it if it never is.
        setup({
          timeoutMs: 2000,
          fetch: (input, init) => {
            const url = new URL(String(input));
            if (!hold || init?.method !== 'GET' || url.pathname !== c.read) return env.api.fetch(input, init);
            hold = false;
            held = init.signal!;
            reached();
            return new Promise((_, reject) => held!.addEventListener('abort', () => reject(held!.reason)));
          },
        });
        const { token } = await book();
        // Past the slots' TTL, so the service and its slots are read again.
        if (c.expire) env.clock.t += 61_000;
        hold = true;
        const leaving = new AbortController();
        const reply = env.call(c.method, c.path(token), { body: c.body, headers: { Origin: SITE }, signal: leaving.signal });
        const first = await Promise.race([reading.then(() => 'the read'), reply.then((r) => `an answer, ${r.status}`)]);
        assert.equal(first, 'the read', `${c.read} was not read`);
        leaving.abort();
        assert.equal(held!.aborted, true, `the upstream read of ${c.read} went on after the visitor left`);
        assert.equal((await reply).status, 499);
        assert.deepEqual(env.errors, [], 'a visitor leaving is not logged');
      });
    }
  });

  test('a reschedule to the booking\'s own time says so, even once that time has started', async () => {
    const { token } = await book();
    // Monday 10:00 in New York: the booking's 09:00 has started, its link still works.
    env.clock.t = Date.parse('2026-12-07T15:00:00Z');
    const reply = await send('POST', `/v1/manage/${token}/reschedule`, { date: MON, time_slot_id: 11 });
    assert.equal(reply.status, 400);
    assert.deepEqual(reply.body.error.details, { date: 'This is already the time of the booking' });
  });

  test('a time found full on reschedule is marked full in the cached counts at once', async () => {
    const { token } = await book();
    const tuesday = async () => (await send('GET', `/v1/services/1/availability?from=${TUE}&to=${TUE}`)).body.data.availability[0];
    assert.equal((await tuesday()).remaining, 1);
    // Booked behind the proxy's back: its counts still say one place is left.
    env.api.seedBooking({ date: TUE, time_slot_id: 12, customer_email: 'first@example.com' });
    assert.equal((await tuesday()).remaining, 1);
    const reply = await send('POST', `/v1/manage/${token}/reschedule`, { date: TUE, time_slot_id: 12 });
    assert.equal(reply.body.error.code, 'time_slot_full');
    assert.equal((await tuesday()).remaining, 0);
  });

  test('an upstream failure on a manage route answers as it does on the booking route, and the owner hears of it', async () => {
    const errors: unknown[] = [];
    setup({ onError: (e) => errors.push(e) });
    const { token } = await book();
    for (const [failure, status] of [[{ status: 503 }, 503], ['network', 502], [{ status: 401 }, 401]] as const) {
      errors.length = 0;
      env.api.failNext({ method: 'POST', path: '/v1/bookings' }, failure);
      const booking = await send('POST', '/v1/bookings?service_id=1', { date: TUE, time_slot_id: 12, ...jane });
      env.api.failNext({ method: 'GET', path: '/v1/bookings/:id' }, failure);
      const manage = await send('GET', `/v1/manage/${token}`);
      assert.equal(manage.status, status, JSON.stringify(manage.body));
      assert.deepEqual([manage.status, manage.body], [booking.status, booking.body]);
      assert.equal(manage.headers.get('Retry-After'), booking.headers.get('Retry-After'));
      assert.equal(errors.length, 2, 'one line for each');
    }
  });

  test('a cancelled booking can be neither rescheduled nor edited', async () => {
    const { id, token } = await book();
    await send('POST', `/v1/manage/${token}/cancel`, {});
    for (const [method, path, body] of [
      ['POST', 'reschedule', { date: TUE, time_slot_id: 12 }],
      ['PATCH', 'customer', { name: 'Jane Smith' }],
    ] as const) {
      const reply = await send(method, `/v1/manage/${token}/${path}`, body);
      assert.equal(reply.status, 409);
      assert.equal(reply.body.error.code, 'booking_cancelled');
    }
    assert.equal(env.api.store.bookings.length, 1);
    assert.equal(stored(id).customer.name, 'Jane Doe');
  });

  test('edit details: valid changes apply, invalid ones are refused field by field', async () => {
    const { id, token } = await book();
    const ok = await send('PATCH', `/v1/manage/${token}/customer`, { name: ' Jane Smith ', email: 'jane.smith@example.com' });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body.data.booking.customer, { name: 'Jane Smith', email: 'jane.smith@example.com', phone: '+12025550185' });
    assert.equal(stored(id).customer.email, 'jane.smith@example.com');

    const bad = await send('PATCH', `/v1/manage/${token}/customer`, { name: '', email: 'nope', phone: '2025550185' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'validation_error');
    assert.deepEqual(Object.keys(bad.body.error.details), ['name', 'email', 'phone']);
    assert.equal(stored(id).customer.name, 'Jane Smith');
  });

  test('manage writes follow the booking rules for origin and content type', async () => {
    const { token } = await book();
    const foreign = await send('POST', `/v1/manage/${token}/cancel`, {}, { Origin: 'https://evil.example' });
    assert.equal(foreign.status, 403);
    const edit = await send('PATCH', `/v1/manage/${token}/customer`, { name: 'Mallory' }, { Origin: 'https://evil.example' });
    assert.equal(edit.status, 403);
    const form = await send('POST', `/v1/manage/${token}/cancel`, 'reason=x', { 'Content-Type': 'text/plain' });
    assert.equal(form.status, 415);
    assert.deepEqual([env.api.store.bookings[0]!.status, env.api.store.bookings[0]!.customer.name], ['pending', 'Jane Doe']);
  });

  test('manage changes count like booking attempts, reading like the other reads', async () => {
    setup({ rateLimit: { limit: 3 }, readLimit: { limit: 2, windowMs: 60_000 } });
    const { token } = await book();
    const changes = [];
    for (let i = 0; i < 3; i++) changes.push((await send('POST', `/v1/manage/${token}/cancel`, {})).status);
    assert.deepEqual(changes, [200, 200, 429], 'the booking was the first of three attempts');
    const reads = [];
    for (let i = 0; i < 3; i++) reads.push((await send('GET', `/v1/manage/${token}`)).status);
    assert.deepEqual(reads, [200, 200, 429]);
  });

  test('GET /v1/services lists only the allow-listed services, in the owner\'s order', async () => {
    const reply = await send('GET', '/v1/services');
    assert.equal(reply.status, 200);
    assert.deepEqual(
      reply.body.data.services.map((s: { id: number; name: string }) => [s.id, s.name]),
      [[3, 'Yoga'], [1, 'Consultation']],
    );
    assert.deepEqual(reply.body.data.pagination, { current_page: 1, total_pages: 1, total_count: 2, page_size: 2 });
  });
});
