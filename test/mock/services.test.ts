import { expect } from '@open-wc/testing';
import { createMockApi, type MockApi } from '../../src/mock/index';
import { NOW, call } from './helpers';

const consultation = {
  name: 'Consultation',
  description: '30-minute initial consultation',
  timezone: 'America/New_York',
  time_slots: [
    { day_of_week: 1, start_time: '2023-01-01 09:00:00', end_time: '2023-01-01 17:00:00', max_bookings: 8 },
    { day_of_week: 3, start_time: '2023-01-01 10:00:00', end_time: '2023-01-01 15:00:00', max_bookings: 5 },
  ],
};

describe('mock API: services', () => {
  let api: MockApi;
  beforeEach(() => {
    api = createMockApi({ now: () => NOW });
  });

  it('creates a service with its slots (201) and lists the slots as a bare array', async () => {
    const created = await call(api, 'POST', '/v1/services', consultation);
    expect(created.status).to.equal(201);
    expect(created.headers.get('Content-Type')).to.equal('application/json');
    expect(created.body).to.deep.equal({
      data: {
        id: 1,
        name: 'Consultation',
        description: '30-minute initial consultation',
        timezone: 'America/New_York',
        created_at: '2023-06-20T09:15:00Z',
        updated_at: '2023-06-20T09:15:00Z',
      },
    });

    const slots = await call(api, 'GET', '/v1/services/1/time-slots');
    expect(slots.status).to.equal(200);
    expect(slots.body.data).to.deep.equal([
      { id: 1, service_id: 1, ...consultation.time_slots[0], created_at: '2023-06-20T09:15:00Z', updated_at: '2023-06-20T09:15:00Z' },
      { id: 2, service_id: 1, ...consultation.time_slots[1], created_at: '2023-06-20T09:15:00Z', updated_at: '2023-06-20T09:15:00Z' },
    ]);
  });

  it('answers 400 for missing fields and 422 for unknown timezones or bad slots, storing nothing', async () => {
    const slot = consultation.time_slots[0];
    const cases: [unknown, number, string][] = [
      ['not json', 400, 'invalid request body'],
      [{ ...consultation, name: '' }, 400, 'name is required'],
      [{ name: 'X', time_slots: [] }, 400, 'timezone is required'],
      [{ ...consultation, time_slots: {} }, 400, 'time_slots must be an array'],
      [{ ...consultation, timezone: 'Mars/Olympus_Mons' }, 422, 'unknown timezone "Mars/Olympus_Mons"'],
      [{ ...consultation, time_slots: [{ ...slot, day_of_week: 7 }] }, 422, 'day_of_week must be an integer from 0 (Sunday) to 6 (Saturday)'],
      [{ ...consultation, time_slots: [{ ...slot, day_of_week: -1 }] }, 422, 'day_of_week must be an integer from 0 (Sunday) to 6 (Saturday)'],
      [{ ...consultation, time_slots: [{ ...slot, start_time: '09:00' }] }, 422, 'start_time must be "YYYY-MM-DD HH:MM:SS"'],
      [{ ...consultation, time_slots: [{ ...slot, end_time: '2023-01-01 24:00:00' }] }, 422, 'end_time must be "YYYY-MM-DD HH:MM:SS"'],
      [{ ...consultation, time_slots: [{ ...slot, max_bookings: 0 }] }, 422, 'max_bookings must be an integer of at least 1'],
      [{ ...consultation, time_slots: [{ ...slot, max_bookings: 1.5 }] }, 422, 'max_bookings must be an integer of at least 1'],
    ];
    for (const [body, status, message] of cases) {
      const reply = await call(api, 'POST', '/v1/services', body);
      expect(reply.status, JSON.stringify(body)).to.equal(status);
      expect(reply.body, JSON.stringify(body)).to.deep.equal({ data: null, error: message });
    }
    expect(api.store.services).to.have.length(0);
    expect(api.store.timeSlots).to.have.length(0);
  });

  it('accepts any IANA timezone the engine knows, including UTC', async () => {
    for (const timezone of ['UTC', 'Asia/Kathmandu', 'America/Argentina/Buenos_Aires']) {
      const reply = await call(api, 'POST', '/v1/services', { name: timezone, timezone });
      expect(reply.status, timezone).to.equal(201);
    }
  });

  it('paginates the service list, defaulting to page 1 of 10', async () => {
    for (let i = 1; i <= 25; i++) api.seedService({ name: `Service ${i}`, timezone: 'UTC' });

    const third = await call(api, 'GET', '/v1/services?page=3&page_size=10');
    expect(third.body.data.services.map((s: { id: number }) => s.id)).to.deep.equal([21, 22, 23, 24, 25]);
    expect(third.body.data.pagination).to.deep.equal({ current_page: 3, total_pages: 3, total_count: 25, page_size: 10 });

    const first = await call(api, 'GET', '/v1/services');
    expect(first.body.data.services).to.have.length(10);
    expect(first.body.data.pagination).to.deep.equal({ current_page: 1, total_pages: 3, total_count: 25, page_size: 10 });

    const beyond = await call(api, 'GET', '/v1/services?page=9&page_size=10');
    expect(beyond.body.data.services).to.deep.equal([]);

    expect((await call(api, 'GET', '/v1/services?page=0')).status).to.equal(400);
    expect((await call(api, 'GET', '/v1/services?page_size=abc')).status).to.equal(400);
  });

  it('gets and updates one service; unknown ids are 404 "service not found"', async () => {
    api.seedService({ id: 123, name: 'Consultation', timezone: 'America/New_York' });
    let clock = new Date('2023-06-17T09:30:00Z');
    api.setOptions({ now: () => clock });

    expect((await call(api, 'GET', '/v1/services/123')).body.data.name).to.equal('Consultation');
    const missing = await call(api, 'GET', '/v1/services/999');
    expect(missing.status).to.equal(404);
    expect(missing.body).to.deep.equal({ data: null, error: 'service not found' });
    expect((await call(api, 'GET', '/v1/services/abc')).status).to.equal(400);

    const patched = await call(api, 'PATCH', '/v1/services/123', {
      name: 'Premium Consultation',
      description: '45-minute comprehensive consultation',
    });
    expect(patched.status).to.equal(200);
    expect(patched.body.data).to.include({
      name: 'Premium Consultation',
      description: '45-minute comprehensive consultation',
      timezone: 'America/New_York',
      updated_at: '2023-06-17T09:30:00Z',
    });
    expect(patched.body.data.created_at).to.equal('2023-06-20T09:15:00Z');

    clock = new Date('2023-06-18T00:00:00Z');
    expect((await call(api, 'PATCH', '/v1/services/123', { timezone: 'Nowhere/Land' })).status).to.equal(422);
    expect((await call(api, 'PATCH', '/v1/services/123', { name: '' })).status).to.equal(400);
    expect((await call(api, 'PATCH', '/v1/services/999', { name: 'X' })).status).to.equal(404);
    expect(api.store.services[0].name).to.equal('Premium Consultation');
  });

  it('deletes a service with its slots and bookings', async () => {
    const { slots } = api.seedService({
      id: 1,
      name: 'A',
      timezone: 'UTC',
      time_slots: [{ day_of_week: 1, start_time: '2023-01-01 09:00:00', end_time: '2023-01-01 10:00:00', max_bookings: 1 }],
    });
    const other = api.seedService({
      id: 2,
      name: 'B',
      timezone: 'UTC',
      time_slots: [{ day_of_week: 1, start_time: '2023-01-01 09:00:00', end_time: '2023-01-01 10:00:00', max_bookings: 1 }],
    });
    api.seedBooking({ date: '2023-07-10', time_slot_id: slots[0].id });
    api.seedBooking({ date: '2023-07-10', time_slot_id: other.slots[0].id });

    const deleted = await call(api, 'DELETE', '/v1/services/1');
    expect(deleted.status).to.equal(200);
    expect(deleted.body).to.deep.equal({ data: 'ok' });
    expect(api.store.services.map((s) => s.id)).to.deep.equal([2]);
    expect(api.store.timeSlots.map((s) => s.service_id)).to.deep.equal([2]);
    expect(api.store.bookings.map((b) => b.service_id)).to.deep.equal([2]);
    expect((await call(api, 'GET', '/v1/services/1')).status).to.equal(404);
    expect((await call(api, 'GET', '/v1/services/1/time-slots')).status).to.equal(404);
    expect((await call(api, 'DELETE', '/v1/services/1')).status).to.equal(404);
  });
});

describe('mock API: /v1/time-slots', () => {
  let api: MockApi;
  beforeEach(() => {
    api = createMockApi({ now: () => NOW });
    const slot = (day: number) => ({ day_of_week: day, start_time: '2023-01-01 09:00:00', end_time: '2023-01-01 10:00:00', max_bookings: 1 });
    api.seedService({ id: 1, name: 'A', timezone: 'UTC', time_slots: [0, 1, 2, 3, 4].map(slot) });
    api.seedService({ id: 2, name: 'B', timezone: 'UTC', time_slots: [5, 6].map(slot) });
  });

  it('pages one service\'s slots', async () => {
    const reply = await call(api, 'GET', '/v1/time-slots?service_id=1&page=2&page_size=2');
    expect(reply.status).to.equal(200);
    expect(reply.body.data.time_slots.map((s: { id: number }) => s.id)).to.deep.equal([3, 4]);
    expect(reply.body.data.pagination).to.deep.equal({ current_page: 2, total_pages: 3, total_count: 5, page_size: 2 });
  });

  it('returns every slot with no_pagination=true, as the official SDK asks', async () => {
    const reply = await call(api, 'GET', '/v1/time-slots?service_id=1&no_pagination=true');
    expect(reply.body.data.time_slots.map((s: { id: number }) => s.id)).to.deep.equal([1, 2, 3, 4, 5]);
    expect(reply.body.data.pagination).to.deep.equal({ current_page: 1, total_pages: 1, total_count: 5, page_size: 5 });

    const all = await call(api, 'GET', '/v1/time-slots?no_pagination=true');
    expect(all.body.data.time_slots).to.have.length(7);
  });

  it('refuses a missing page or page_size (400) and an unknown service (404)', async () => {
    for (const query of ['service_id=1', 'service_id=1&page=1', 'service_id=1&page_size=10', 'service_id=x&page=1&page_size=1']) {
      const reply = await call(api, 'GET', `/v1/time-slots?${query}`);
      expect(reply.status, query).to.equal(400);
    }
    expect((await call(api, 'GET', '/v1/time-slots?page=1&page_size=10')).status).to.equal(200);
    const missing = await call(api, 'GET', '/v1/time-slots?service_id=9&no_pagination=true');
    expect(missing.status).to.equal(404);
    expect(missing.body.error).to.equal('service not found');
  });
});
