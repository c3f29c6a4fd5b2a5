import { expect } from '@open-wc/testing';
import { createMockApi, type MockApi } from '../../src/mock/index';
import { createBookingProxy } from '../../src/server/index';
import { MONDAY, NOW, SUNDAY, call, seedWeek } from './helpers';

const range = `from=${SUNDAY}&to=2023-07-16`;

/** With `availability: true` the mock stands in for the server proxy's availability route too. */
describe('mock API: availability, as the proxy answers it', () => {
  let api: MockApi;
  beforeEach(() => {
    api = createMockApi({ now: () => NOW, availability: true });
    seedWeek(api);
    api.seedBooking({ date: MONDAY, time_slot_id: 456, customer_email: 'a@example.com' });
    api.seedBooking({ date: SUNDAY, time_slot_id: 457, customer_email: 'b@example.com', status: 'cancelled' });
    api.seedBooking({ date: '2023-07-16', time_slot_id: 457, customer_email: 'c@example.com' });
  });

  it('counts places per occurrence, cancelled bookings freeing theirs', async () => {
    const reply = await call(api, 'GET', `/v1/services/123/availability?${range}`);
    expect(reply.status).to.equal(200);
    expect(reply.body).to.deep.equal({
      data: {
        from: SUNDAY,
        to: '2023-07-16',
        availability: [
          { time_slot_id: 457, date: SUNDAY, booked: 0, remaining: 1 },
          { time_slot_id: 456, date: MONDAY, booked: 1, remaining: 1 },
          { time_slot_id: 457, date: '2023-07-16', booked: 1, remaining: 0 },
        ],
      },
    });
  });

  it('gives the same answer as the server proxy in front of the plain mock', async () => {
    const plain = createMockApi({ now: () => NOW });
    seedWeek(plain);
    for (const b of api.store.bookings) plain.seedBooking({ date: b.date, time_slot_id: b.time_slot_id, customer_email: b.customer.email, status: b.status });
    const proxy = createBookingProxy({ apiKey: 'sk_rsv_test', services: [123], basePath: '/api/booking', fetch: plain.fetch, now: () => NOW, getClientIp: () => '192.0.2.1' });
    const viaProxy = await proxy(new Request(`${location.origin}/api/booking/v1/services/123/availability?${range}`));
    expect(viaProxy.status).to.equal(200);
    expect((await call(api, 'GET', `/v1/services/123/availability?${range}`)).body).to.deep.equal(await viaProxy.json());
  });

  it('refuses a bad range with a validation error, and an unknown service with 404, in the proxy\'s error shape', async () => {
    const bad = await call(api, 'GET', '/v1/services/123/availability?from=2023-07-16&to=2023-07-09');
    expect(bad.status).to.equal(400);
    expect(bad.body.error).to.include({ code: 'validation_error', message: 'to must not be before from' });
    expect((await call(api, 'GET', `/v1/services/999/availability?${range}`)).status).to.equal(404);
  });

  it('is off by default, like the plain ReserveKit API', async () => {
    const plain = createMockApi({ now: () => NOW });
    seedWeek(plain);
    expect((await call(plain, 'GET', `/v1/services/123/availability?${range}`)).status).to.equal(404);
    plain.setOptions({ availability: true });
    expect((await call(plain, 'GET', `/v1/services/123/availability?${range}`)).status).to.equal(200);
  });
});
