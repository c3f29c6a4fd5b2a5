/**
 * The mock standing in for the proxy's manage links and availability, driven through the
 * client's own manage calls, as a manage page would.
 */
import { expect } from '@open-wc/testing';
import type { ClientOptions } from '../../src/api/http';
import { cancelManaged, getManaged, rescheduleManaged, updateManagedCustomer } from '../../src/api/manage-calls';
import { createBooking, getAvailability, listAllServices } from '../../src/api/widget-calls';
import { createMockApi, type MockApi } from '../../src/mock/index';
import { createBookingProxy } from '../../src/server/index';
import { createManageTokens, manageExpiry } from '../../src/server/manage-token';
import { BASE, call, seedWeek } from './helpers';
import { rejectionOf } from '../api/helpers';

const SECRET = 'a manage-link secret of 32+ bytes!';
const NOW = new Date('2023-07-01T12:00:00Z');
/** Mondays of the seed week's slot 456 (two places), and a Sunday of slot 457 (one place). */
const MON = '2023-07-10';
const NEXT_MON = '2023-07-17';
const SUN = '2023-07-16';
const jane = { customer_name: 'Jane Doe', customer_email: 'jane@example.com', customer_phone: '+12025550185', message: 'Window seat' };

describe('mock API standing in for the proxy: manage links', () => {
  let api: MockApi;
  let now: Date;
  let c: ClientOptions;
  let token: string;

  beforeEach(async () => {
    now = NOW;
    api = createMockApi({ now: () => now, manage: { secret: SECRET, url: 'https://shop.example/manage?token={token}' } });
    seedWeek(api);
    c = { apiBase: BASE, fetch: api.fetch, retries: 0 };
    const booked = await createBooking(c, { date: MON, time_slot_id: 456, ...jane }, { serviceId: 123 });
    token = booked.manage_token!;
  });

  const store = (id: number) => api.store.bookings.find((b) => b.id === id)!;

  it('answers a new booking with its manage token and URL', async () => {
    expect(token).to.match(/^[\w-]{60}$/);
    const url = (await getManaged(c, token)).booking;
    expect(url.id).to.equal(1);
    const second = await createBooking(c, { date: NEXT_MON, time_slot_id: 456, customer_email: 'x@example.com' });
    expect(second.manage_url).to.equal(`https://shop.example/manage?token=${second.manage_token}`);
    expect(second.manage_token).not.to.equal(token);
  });

  it('has no manage routes and no tokens without the option, like the plain API', async () => {
    api.setOptions({ manage: null });
    const booked = await createBooking(c, { date: NEXT_MON, time_slot_id: 456, customer_email: 'x@example.com' });
    expect(booked).not.to.have.property('manage_token');
    expect((await rejectionOf(getManaged(c, token))).code).to.equal('not_found');
    expect((await call(api, 'GET', '/v1/services/123/availability?from=2023-07-10&to=2023-07-10')).status).to.equal(404);
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => createMockApi({ manage: { secret: 'short' } })).to.throw(TypeError, /at least 32 bytes/);
  });

  it('shows the booking with its service and time slot', async () => {
    const managed = await getManaged(c, token);
    expect(managed.booking).to.include({ id: 1, date: MON, time_slot_id: 456, status: 'pending', message: 'Window seat' });
    expect(managed.booking.customer).to.deep.equal({ name: 'Jane Doe', email: 'jane@example.com', phone: '+12025550185' });
    expect(managed.service).to.include({ id: 123, name: 'Consultation', timezone: 'America/New_York' });
    expect(managed.time_slot).to.include({ id: 456, day_of_week: 1, start_time: '2023-01-01 09:00:00' });
  });

  it('answers the same 404 for a tampered, foreign, expired or garbled token and a deleted booking', async () => {
    const answers: unknown[] = [];
    const flip = token.slice(0, 20) + (token[20] === 'A' ? 'B' : 'A') + token.slice(21);
    const foreign = createMockApi({ manage: { secret: 'another site, another secret, 32 bytes' } });
    seedWeek(foreign);
    const theirs = (await createBooking({ apiBase: BASE, fetch: foreign.fetch }, { date: MON, time_slot_id: 456 })).manage_token!;
    for (const t of [flip, theirs, 'nonsense', token + 'A']) {
      const reply = await call(api, 'GET', `/v1/manage/${t}`);
      answers.push([reply.status, reply.body]);
    }
    now = new Date('2023-07-11T13:00:01Z'); // 09:00 in New York on the 10th, plus a day and a second
    answers.push(Object.values(await call(api, 'GET', `/v1/manage/${token}`)).filter((v) => !(v instanceof Headers)));
    now = NOW;
    await call(api, 'DELETE', '/v1/bookings/1');
    answers.push(Object.values(await call(api, 'GET', `/v1/manage/${token}`)).filter((v) => !(v instanceof Headers)));
    for (const a of answers) expect(a).to.deep.equal([404, { error: { code: 'not_found', message: 'not found' } }]);
  });

  it('works until a day after the booked time', async () => {
    now = new Date('2023-07-11T12:59:59Z');
    expect((await getManaged(c, token)).booking.id).to.equal(1);
  });

  it('cancels with the visitor\'s reason, or "Cancelled by the customer"; again is harmless', async () => {
    const cancelled = await cancelManaged(c, token, 'Feeling unwell');
    expect(cancelled.booking).to.include({ status: 'cancelled', cancel_reason: 'Feeling unwell' });
    expect(store(1)).to.include({ status: 'cancelled', cancel_reason: 'Feeling unwell' });
    expect((await cancelManaged(c, token)).booking.cancel_reason, 'a repeat keeps the first reason').to.equal('Feeling unwell');

    const other = (await createBooking(c, { date: NEXT_MON, time_slot_id: 456, customer_email: 'o@example.com' })).manage_token!;
    expect((await cancelManaged(c, other)).booking.cancel_reason).to.equal('Cancelled by the customer');
    expect(store(2).cancel_reason).to.equal('Cancelled by the customer');
  });

  it('reschedules: books the new time, cancels the old one naming it, answers a new token', async () => {
    const moved = await rescheduleManaged(c, token, { date: SUN, time_slot_id: 457 });
    expect(moved.booking).to.include({ id: 2, date: SUN, time_slot_id: 457, status: 'pending', message: 'Window seat' });
    expect(moved.booking.customer).to.deep.equal({ name: 'Jane Doe', email: 'jane@example.com', phone: '+12025550185' });
    expect(moved.time_slot.id).to.equal(457);
    expect(moved.booking.manage_url).to.equal(`https://shop.example/manage?token=${moved.booking.manage_token}`);
    expect(store(1)).to.include({ status: 'cancelled', cancel_reason: 'Rescheduled to 2023-07-16 10:00' });
    expect((await getManaged(c, moved.booking.manage_token!)).booking.id).to.equal(2);
    expect((await getManaged(c, token)).booking.status, 'the old link shows the old booking').to.equal('cancelled');
  });

  it('signs the new booking\'s token once when rescheduling', async () => {
    // The token is the same however often it is signed, so only the HMACs over the new booking's payload tell.
    const subtle = crypto.subtle;
    const sign = subtle.sign;
    const signedIds: number[] = [];
    let moved;
    subtle.sign = function (algorithm, key, data) {
      const bytes = data as Uint8Array;
      signedIds.push(Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(1)));
      return sign.call(this, algorithm, key, data);
    };
    try {
      moved = await rescheduleManaged(c, token, { date: SUN, time_slot_id: 457 });
    } finally {
      subtle.sign = sign;
    }
    expect(signedIds, 'checks the visitor\'s token (booking 1), signs the new one (booking 2)').to.deep.equal([1, 2]);
    const expected = await createManageTokens(SECRET).sign(2, manageExpiry(SUN, '2023-01-01 10:00:00', 'America/New_York'));
    expect(moved.booking.manage_token, 'the token the proxy would sign').to.equal(expected);
    expect((await getManaged(c, expected)).booking.id).to.equal(2);
  });

  it('keeps the original when the new time is full', async () => {
    api.seedBooking({ date: SUN, time_slot_id: 457, customer_email: 'early@example.com' });
    const error = await rejectionOf(rescheduleManaged(c, token, { date: SUN, time_slot_id: 457 }));
    expect(error.code).to.equal('slot_full');
    expect(store(1).status).to.equal('pending');
    expect(api.store.bookings.filter((b) => b.customer.email === 'jane@example.com')).to.have.length(1);
  });

  it('cancels the new booking and says so when the old one cannot be cancelled', async () => {
    api.failNext({ method: 'PATCH', path: '/v1/bookings/1' }, { status: 503 });
    const error = await rejectionOf(rescheduleManaged(c, token, { date: SUN, time_slot_id: 457 }));
    expect(error.serverCode).to.equal('reschedule_failed');
    expect(error.message).to.equal('Your booking could not be moved, so it stays at its original time. Please try again later.');
    expect(store(1).status).to.equal('pending');
    expect(store(2).status).to.equal('cancelled');
    expect(api.requests.filter((r) => r.internal).map((r) => `${r.method} ${r.url.pathname}`).slice(-3)).to.deep.equal([
      'PATCH /v1/bookings/1',
      'GET /v1/bookings/1',
      'PATCH /v1/bookings/2',
    ]);
  });

  it('says plainly when neither the old nor the new booking could be cancelled', async () => {
    api.failNext({ method: 'PATCH', path: '/v1/bookings/:id', times: 2 }, 'network');
    const error = await rejectionOf(rescheduleManaged(c, token, { date: SUN, time_slot_id: 457 }));
    expect(error.serverCode).to.equal('reschedule_incomplete');
    expect(error.message).to.contain('Please contact us');
  });

  it('refuses rescheduling into another service\'s slot, a wrong weekday or the same time', async () => {
    api.seedService({ id: 200, name: 'Other', timezone: 'UTC', time_slots: [{ id: 900, day_of_week: 1, start_time: '2023-01-01 09:00:00', end_time: '2023-01-01 10:00:00', max_bookings: 5 }] });
    for (const [input, field] of [
      [{ date: MON, time_slot_id: 900 }, 'time_slot_id'],
      [{ date: '2023-07-11', time_slot_id: 456 }, 'date'],
      [{ date: MON, time_slot_id: 456 }, 'date'],
      [{ date: '2023-02-30', time_slot_id: 456 }, 'date'],
    ] as const) {
      const error = await rejectionOf(rescheduleManaged(c, token, input));
      expect(error.code, JSON.stringify(input)).to.equal('validation');
      expect(Object.keys(error.fields ?? {})).to.deep.equal([field]);
    }
    expect(api.store.bookings).to.have.length(1);
  });

  it('edits the customer with the booking form\'s rules', async () => {
    const edited = await updateManagedCustomer(c, token, { name: ' Jane Smith ', phone: '' });
    expect(edited.booking.customer).to.deep.equal({ name: 'Jane Smith', email: 'jane@example.com', phone: '' });
    expect(store(1).customer).to.include({ name: 'Jane Smith', phone: '' });

    const bad = await rejectionOf(updateManagedCustomer(c, token, { email: 'jane@', phone: '555-0100', name: '' }));
    expect(bad.code).to.equal('validation');
    expect(bad.fields).to.deep.equal({ name: 'Name is required', email: 'Email is not valid', phone: 'Phone is not valid' });
    expect((await rejectionOf(updateManagedCustomer(c, token, {}))).code).to.equal('validation');
    expect(store(1).customer.email).to.equal('jane@example.com');
  });

  it('refuses to reschedule or edit a cancelled booking (409 booking_cancelled)', async () => {
    await cancelManaged(c, token);
    for (const attempt of [rescheduleManaged(c, token, { date: SUN, time_slot_id: 457 }), updateManagedCustomer(c, token, { name: 'X' })]) {
      const error = await rejectionOf(attempt);
      expect([error.status, error.serverCode]).to.deep.equal([409, 'booking_cancelled']);
    }
    expect(api.store.bookings).to.have.length(1);
    expect(store(1).customer.name).to.equal('Jane Doe');
  });

  it('reads a write\'s body as the proxy does: empty or not JSON is 400, over the size cap 413', async () => {
    const plain = createMockApi({ now: () => now });
    seedWeek(plain);
    await createBooking({ apiBase: BASE, fetch: plain.fetch }, { date: MON, time_slot_id: 456, ...jane }, { serviceId: 123 });
    const proxy = createBookingProxy({ apiKey: 'sk_rsv_test', services: [123], fetch: plain.fetch, now: () => now, getClientIp: () => '192.0.2.1', manage: { secret: SECRET } });
    const cancel = async (send: (r: Request) => Promise<Response>, body: string) => {
      const reply = await send(new Request(`${BASE}/v1/manage/${token}/cancel`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }));
      return [reply.status, await reply.json()];
    };
    const bodies = ['', ' ', 'reason=late', JSON.stringify({ reason: 'x'.repeat(16_384) })];
    const viaProxy = [];
    for (const body of bodies) viaProxy.push(await cancel(proxy, body));
    expect(viaProxy.map(([status]) => status)).to.deep.equal([400, 400, 400, 413]);
    for (const [i, body] of bodies.entries()) expect(await cancel(api.fetch, body), `body ${i}`).to.deep.equal(viaProxy[i]);
    expect(store(1).status).to.equal('pending');
  });

  it('answers availability from its own bookings', async () => {
    await cancelManaged(c, token);
    api.seedBooking({ date: NEXT_MON, time_slot_id: 456, customer_email: 'n@example.com' });
    const { availability } = await getAvailability(c, 123, { from: MON, to: NEXT_MON });
    expect(availability).to.deep.equal([
      { time_slot_id: 456, date: MON, booked: 0, remaining: 2 },
      { time_slot_id: 457, date: SUN, booked: 0, remaining: 1 },
      { time_slot_id: 456, date: NEXT_MON, booked: 1, remaining: 1 },
    ]);
  });

  it('lists every service across pages', async () => {
    for (let i = 0; i < 120; i++) api.seedService({ name: `S${i}`, timezone: 'UTC' });
    const all = await listAllServices(c);
    expect(all).to.have.length(121);
    expect(api.requests.filter((r) => r.url.pathname === '/v1/services').map((r) => r.url.searchParams.get('page'))).to.deep.equal(['1', '2']);
  });
});
