import { expect } from '@open-wc/testing';
import { ReserveKitClient } from '../../src/api/client';
import * as api from '../../src/api/index';
import {
  availability,
  booking,
  clientWith,
  customer,
  fakeFetch,
  ok,
  pagination,
  service,
  slot,
  type Reply,
} from './helpers';

interface EndpointCase {
  name: string;
  run: (c: ReserveKitClient) => Promise<unknown>;
  reply: Reply;
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  result: unknown;
}

const serviceInput = {
  name: 'Consultation',
  description: '30-minute initial consultation',
  timezone: 'America/New_York',
  time_slots: [{ day_of_week: 1, start_time: '2023-01-01 09:00:00', end_time: '2023-01-01 17:00:00', max_bookings: 8 }],
};
const bookingInput = {
  date: '2023-07-10',
  time_slot_id: 456,
  customer_name: 'Jane Doe',
  customer_email: 'jane.doe@example.com',
  customer_phone: '+12025550185',
  message: 'First-time client consultation',
};
const cancelled = { ...booking, status: 'cancelled', cancel_reason: 'Customer requested cancellation' };
const managed = { booking, service, time_slot: slot };
const managedMoved = { booking: { ...booking, id: 790, date: '2023-07-17', manage_token: 'new', manage_url: 'https://x.example/m?t=new' }, service, time_slot: slot };

const endpoints: EndpointCase[] = [
  {
    name: 'listServices',
    run: (c) => c.listServices({ page: 1, page_size: 10 }),
    reply: ok({ services: [service], pagination }),
    method: 'GET',
    path: '/v1/services',
    query: { page: '1', page_size: '10' },
    result: { services: [service], pagination },
  },
  {
    name: 'createService',
    run: (c) => c.createService(serviceInput),
    reply: ok(service, 201),
    method: 'POST',
    path: '/v1/services',
    body: serviceInput,
    result: service,
  },
  {
    name: 'getService',
    run: (c) => c.getService(123),
    reply: ok(service),
    method: 'GET',
    path: '/v1/services/123',
    result: service,
  },
  {
    name: 'updateService',
    run: (c) => c.updateService('123', { name: 'Premium Consultation' }),
    reply: ok({ ...service, name: 'Premium Consultation' }),
    method: 'PATCH',
    path: '/v1/services/123',
    body: { name: 'Premium Consultation' },
    result: { ...service, name: 'Premium Consultation' },
  },
  {
    name: 'deleteService',
    run: (c) => c.deleteService(123),
    reply: ok('ok'),
    method: 'DELETE',
    path: '/v1/services/123',
    result: undefined,
  },
  {
    name: 'listServiceTimeSlots',
    run: (c) => c.listServiceTimeSlots(123),
    reply: ok([slot, { ...slot, id: 457, day_of_week: 3 }]),
    method: 'GET',
    path: '/v1/services/123/time-slots',
    result: [slot, { ...slot, id: 457, day_of_week: 3 }],
  },
  {
    name: 'listTimeSlots (paginated)',
    run: (c) => c.listTimeSlots({ service_id: 123, page: 2, page_size: 10 }),
    reply: ok({ time_slots: [slot], pagination }),
    method: 'GET',
    path: '/v1/time-slots',
    query: { service_id: '123', page: '2', page_size: '10' },
    result: { time_slots: [slot], pagination },
  },
  {
    name: 'listTimeSlots (no_pagination)',
    run: (c) => c.listTimeSlots({ service_id: 123, no_pagination: true }),
    reply: ok({ time_slots: [slot] }),
    method: 'GET',
    path: '/v1/time-slots',
    query: { service_id: '123', no_pagination: 'true' },
    result: { time_slots: [slot] },
  },
  {
    name: 'createBooking',
    run: (c) => c.createBooking(bookingInput, { serviceId: 123 }),
    reply: ok(booking, 201),
    method: 'POST',
    path: '/v1/bookings',
    query: { service_id: '123' },
    body: bookingInput,
    result: booking,
  },
  {
    name: 'listBookings',
    run: (c) => c.listBookings({ service_id: 123, page: 1, page_size: 10 }),
    reply: ok({ bookings: [booking], pagination }),
    method: 'GET',
    path: '/v1/bookings',
    query: { service_id: '123', page: '1', page_size: '10' },
    result: { bookings: [booking], pagination },
  },
  {
    name: 'getBooking',
    run: (c) => c.getBooking(789),
    reply: ok(booking),
    method: 'GET',
    path: '/v1/bookings/789',
    result: booking,
  },
  {
    name: 'updateBooking',
    run: (c) => c.updateBooking(789, { status: 'confirmed', message: 'confirmed by phone' }),
    reply: ok({ ...booking, status: 'confirmed', message: 'confirmed by phone' }),
    method: 'PATCH',
    path: '/v1/bookings/789',
    body: { status: 'confirmed', message: 'confirmed by phone' },
    result: { ...booking, status: 'confirmed', message: 'confirmed by phone' },
  },
  {
    name: 'cancelBooking',
    run: (c) => c.cancelBooking(789, 'Customer requested cancellation'),
    reply: ok(cancelled),
    method: 'PATCH',
    path: '/v1/bookings/789',
    body: { status: 'cancelled', cancel_reason: 'Customer requested cancellation' },
    result: cancelled,
  },
  {
    name: 'deleteBooking',
    run: (c) => c.deleteBooking(789),
    reply: ok('ok'),
    method: 'DELETE',
    path: '/v1/bookings/789',
    result: undefined,
  },
  {
    name: 'getBookingCustomer',
    run: (c) => c.getBookingCustomer(789),
    reply: ok(customer),
    method: 'GET',
    path: '/v1/bookings/789/customer',
    result: customer,
  },
  {
    name: 'updateBookingCustomer',
    run: (c) => c.updateBookingCustomer(789, { name: 'Jane Smith', email: 'jane.smith@example.com' }),
    reply: ok({ ...customer, name: 'Jane Smith', email: 'jane.smith@example.com' }),
    method: 'PATCH',
    path: '/v1/bookings/789/customer',
    body: { name: 'Jane Smith', email: 'jane.smith@example.com' },
    result: { ...customer, name: 'Jane Smith', email: 'jane.smith@example.com' },
  },
  {
    name: 'getAvailability',
    run: (c) => c.getAvailability(123, { from: '2023-07-01', to: '2023-07-31' }),
    reply: ok(availability),
    method: 'GET',
    path: '/v1/services/123/availability',
    query: { from: '2023-07-01', to: '2023-07-31' },
    result: availability,
  },
  {
    name: 'getManaged',
    run: (c) => c.getManaged('tok/en'),
    reply: ok(managed),
    method: 'GET',
    path: '/v1/manage/tok%2Fen',
    result: managed,
  },
  {
    name: 'cancelManaged (with a reason)',
    run: (c) => c.cancelManaged('tok', 'Feeling unwell'),
    reply: ok(managed),
    method: 'POST',
    path: '/v1/manage/tok/cancel',
    body: { reason: 'Feeling unwell' },
    result: managed,
  },
  {
    name: 'cancelManaged (without)',
    run: (c) => c.cancelManaged('tok'),
    reply: ok(managed),
    method: 'POST',
    path: '/v1/manage/tok/cancel',
    body: {},
    result: managed,
  },
  {
    name: 'rescheduleManaged',
    run: (c) => c.rescheduleManaged('tok', { date: '2023-07-17', time_slot_id: 456 }),
    reply: ok(managedMoved, 201),
    method: 'POST',
    path: '/v1/manage/tok/reschedule',
    body: { date: '2023-07-17', time_slot_id: 456 },
    result: managedMoved,
  },
  {
    name: 'updateManagedCustomer',
    run: (c) => c.updateManagedCustomer('tok', { phone: '' }),
    reply: ok(managed),
    method: 'PATCH',
    path: '/v1/manage/tok/customer',
    body: { phone: '' },
    result: managed,
  },
];

describe('ReserveKitClient endpoints', () => {
  for (const e of endpoints) {
    it(`${e.name}: ${e.method} ${e.path}`, async () => {
      const { client, calls } = clientWith([e.reply], { apiKey: 'pk_rsv_test' });
      const result = await e.run(client);

      expect(calls).to.have.length(1);
      const [call] = calls;
      expect(call.method).to.equal(e.method);
      expect(call.url.origin).to.equal('https://api.reservekit.io');
      expect(call.url.pathname).to.equal(e.path);
      expect(Object.fromEntries(call.url.searchParams)).to.deep.equal(e.query ?? {});
      expect(call.body).to.deep.equal(e.body);
      expect(call.headers.get('authorization')).to.equal('Bearer pk_rsv_test');
      expect(call.headers.get('accept')).to.equal('application/json');
      expect(call.headers.get('content-type')).to.equal(e.body === undefined ? null : 'application/json');
      expect(result).to.deep.equal(e.result);
    });
  }

  it('sends no Authorization header without a key', async () => {
    const { client, calls } = clientWith([ok(service)]);
    await client.getService(123);
    expect(calls[0].headers.has('authorization')).to.equal(false);
  });

  it('omits service_id from createBooking when no serviceId is given', async () => {
    const { client, calls } = clientWith([ok(booking, 201)]);
    await client.createBooking({ date: '2023-07-10', time_slot_id: 456 });
    expect(calls[0].url.search).to.equal('');
  });

  it('encodes ids into the path', async () => {
    const { client, calls } = clientWith([ok(service)]);
    await client.getService('a/b?c');
    expect(calls[0].url.pathname).to.equal('/v1/services/a%2Fb%3Fc');
  });

  it('passes the caller signal through (as a linked signal) to fetch', async () => {
    const { client, calls } = clientWith([ok(service)]);
    await client.getService(1, { signal: new AbortController().signal });
    expect(calls[0].signal).to.be.instanceOf(AbortSignal);
  });
});

describe('ReserveKitClient.listAllServices', () => {
  const page = (n: number, total: number, ids: number[]) =>
    ok({ services: ids.map((id) => ({ ...service, id })), pagination: { current_page: n, total_pages: total, total_count: 250, page_size: 100 } });

  it('walks every page of GET /v1/services, 100 at a time', async () => {
    const { client, calls } = clientWith([page(1, 3, [1, 2]), page(2, 3, [3]), page(3, 3, [4])]);
    expect((await client.listAllServices()).map((s) => s.id)).to.deep.equal([1, 2, 3, 4]);
    expect(calls.map((c) => [c.url.pathname, c.url.searchParams.get('page'), c.url.searchParams.get('page_size')])).to.deep.equal([
      ['/v1/services', '1', '100'],
      ['/v1/services', '2', '100'],
      ['/v1/services', '3', '100'],
    ]);
  });

  it('stops at an empty page, and after 50 pages whatever total_pages says', async () => {
    const empty = clientWith([page(1, 9, [1]), page(2, 9, [])]);
    expect((await empty.client.listAllServices()).map((s) => s.id)).to.deep.equal([1]);
    expect(empty.calls).to.have.length(2);
    const endless = clientWith([page(1, 1e9, [1])]);
    expect(await endless.client.listAllServices()).to.have.length(50);
    expect(endless.calls).to.have.length(50);
  });
});

describe('ReserveKitClient apiBase', () => {
  const cases: [string | undefined, string][] = [
    [undefined, 'https://api.reservekit.io/v1/services/1'],
    ['https://api.example.test', 'https://api.example.test/v1/services/1'],
    ['https://api.example.test/', 'https://api.example.test/v1/services/1'],
    ['https://example.test/base//', 'https://example.test/base/v1/services/1'],
    ['/api/booking', `${location.origin}/api/booking/v1/services/1`],
    ['/api/booking/', `${location.origin}/api/booking/v1/services/1`],
  ];
  for (const [apiBase, expected] of cases) {
    it(`${apiBase ?? '(default)'} -> ${expected}`, async () => {
      const { client, calls } = clientWith([ok(service)], { apiBase });
      await client.getService(1);
      expect(calls[0].url.href).to.equal(expected);
    });
  }
});

describe('ReserveKitClient fetch lookup', () => {
  const original = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = original;
  });

  it('uses globalThis.fetch as it is at call time, not at construction', async () => {
    const client = new ReserveKitClient({ retries: 0 });
    const late = fakeFetch(ok(service));
    globalThis.fetch = late.fetch;
    expect(await client.getService(123)).to.deep.equal(service);
    expect(late.calls).to.have.length(1);
  });

  it('sees option changes made after construction', async () => {
    const { client, calls } = clientWith([ok(service)]);
    client.options.apiKey = 'later';
    await client.getService(1);
    expect(calls[0].headers.get('authorization')).to.equal('Bearer later');
  });
});

describe('ReserveKitClient success handling', () => {
  it('accepts any 2xx status', async () => {
    const { client } = clientWith([ok(booking, 202)]);
    expect(await client.createBooking({ date: '2023-07-10', time_slot_id: 456 })).to.deep.equal(booking);
  });

  it('treats an empty 204 to a DELETE as success', async () => {
    const { client } = clientWith([{ status: 204, text: '' }]);
    expect(await client.deleteBooking(789)).to.equal(undefined);
  });

  it('keeps fields the schemas do not know', async () => {
    const { client } = clientWith([ok({ ...service, color: 'teal' })]);
    expect(await client.getService(123)).to.have.property('color', 'teal');
  });

  const slotTimes = [
    ['seed format', '2023-01-01 09:00:00', '2023-01-01 17:00:00'],
    ['ISO UTC', '2023-01-01T09:00:00Z', '2023-01-01T17:00:00Z'],
    ['ISO with offset', '2023-01-01T09:00:00-05:00', '2023-01-01T17:00:00+0530'],
    ['ISO with fraction', '2023-01-01T09:00:00.000Z', '2023-01-01T17:00:00.123456Z'],
  ];
  for (const [label, start_time, end_time] of slotTimes) {
    it(`accepts slot times in ${label}`, async () => {
      const { client } = clientWith([ok([{ ...slot, start_time, end_time }])]);
      const [got] = await client.listServiceTimeSlots(123);
      expect([got.start_time, got.end_time]).to.deep.equal([start_time, end_time]);
    });
  }

  it('rejects slot times that are neither format', async () => {
    const { client } = clientWith([ok([{ ...slot, start_time: '9am' }])]);
    const error = await client.listServiceTimeSlots(123).catch((e) => e);
    expect(error).to.be.instanceOf(api.ReserveKitError);
    expect(error.code).to.equal('bad_response');
    expect(error.message).to.equal('Unexpected response from ReserveKit: data.0.start_time invalid format');
    expect(error.status, 'the answer\'s status, as for any other bad answer').to.equal(200);
  });
});
