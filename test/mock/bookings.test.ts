import { expect } from '@open-wc/testing';
import { createMockApi, type MockApi } from '../../src/mock/index';
import { MONDAY, NOW, SUNDAY, TUESDAY, book, call, seedWeek } from './helpers';

const jane = { customer_name: 'Jane Doe', customer_email: 'jane.doe@example.com', customer_phone: '+12025550185' };
const john = { customer_name: 'John Smith', customer_email: 'john.smith@example.com', customer_phone: '+12025550186' };
const ann = { customer_name: 'Ann Lee', customer_email: 'ann@example.com', customer_phone: '+442071838750' };

describe('mock API: creating bookings', () => {
  let api: MockApi;
  beforeEach(() => {
    api = createMockApi({ now: () => NOW });
    seedWeek(api);
  });

  it('answers 201 with a pending booking and its customer, as the seed shows', async () => {
    const reply = await book(api, { ...jane, message: 'First-time client consultation' }, '?service_id=123');
    expect(reply.status).to.equal(201);
    expect(reply.body).to.deep.equal({
      data: {
        id: 1,
        service_id: 123,
        date: MONDAY,
        time_slot_id: 456,
        status: 'pending',
        message: 'First-time client consultation',
        created_at: '2023-06-20T09:15:00Z',
        updated_at: '2023-06-20T09:15:00Z',
        customer: {
          id: 1,
          name: 'Jane Doe',
          email: 'jane.doe@example.com',
          phone: '+12025550185',
          created_at: '2023-06-20T09:15:00Z',
          updated_at: '2023-06-20T09:15:00Z',
        },
      },
    });
    expect(api.store.bookings).to.have.length(1);
  });

  it('refuses a slot of another service when ?service_id is given', async () => {
    api.seedService({ id: 200, name: 'Other', timezone: 'UTC' });
    const reply = await book(api, jane, '?service_id=200');
    expect(reply.status).to.equal(400);
    expect(reply.body.error).to.equal('time slot does not belong to this service');
    expect(api.store.bookings).to.have.length(0);
  });

  describe('capacity', () => {
    it('takes max_bookings bookings per (slot, date), then answers 400 "time slot is full"', async () => {
      expect((await book(api, jane)).status).to.equal(201);
      expect((await book(api, john)).status).to.equal(201);
      const full = await book(api, ann);
      expect(full.status).to.equal(400);
      expect(full.body).to.deep.equal({ data: null, error: 'time slot is full' });
      expect(api.store.bookings).to.have.length(2);

      // Capacity is per date: the next Monday is free.
      expect((await book(api, { ...ann, date: '2023-07-17' })).status).to.equal(201);
    });

    it('frees a place when a booking is cancelled', async () => {
      await book(api, jane);
      await book(api, john);
      const cancelled = await call(api, 'PATCH', '/v1/bookings/1', { status: 'cancelled', cancel_reason: 'Customer requested cancellation' });
      expect(cancelled.status).to.equal(200);
      expect((await book(api, ann)).status).to.equal(201);
      expect((await book(api, { customer_email: 'late@example.com' })).body.error).to.equal('time slot is full');
    });

    it('counts seeded bookings, except cancelled ones', async () => {
      api.seedBooking({ date: SUNDAY, time_slot_id: 457, customer_email: 'x@example.com', status: 'cancelled', cancel_reason: 'ill' });
      expect((await book(api, { ...jane, date: SUNDAY, time_slot_id: 457 })).status).to.equal(201);
      api.seedBooking({ date: '2023-07-16', time_slot_id: 457, status: 'confirmed' });
      expect((await book(api, { ...jane, date: '2023-07-16', time_slot_id: 457 })).body.error).to.equal('time slot is full');
    });

    it('keeps a cancelled booking cancelled: no re-activating, moving or editing it (409)', async () => {
      await book(api, jane);
      await call(api, 'PATCH', '/v1/bookings/1', { status: 'cancelled', cancel_reason: 'changed plans' });
      for (const [path, body] of [
        ['/v1/bookings/1', { status: 'confirmed' }],
        ['/v1/bookings/1', { date: '2023-07-17' }],
        ['/v1/bookings/1/customer', { name: 'Jane Smith' }],
      ] as const) {
        const reply = await call(api, 'PATCH', path, body);
        expect(reply.status, JSON.stringify(body)).to.equal(409);
        expect(reply.body.error).to.equal('booking is cancelled');
      }
      expect(api.store.bookings[0]).to.include({ status: 'cancelled', cancel_reason: 'changed plans', date: MONDAY });
      expect(api.store.bookings[0].customer.name).to.equal('Jane Doe');
      // Cancelling again only restates it.
      const again = await call(api, 'PATCH', '/v1/bookings/1', { status: 'cancelled', cancel_reason: 'really' });
      expect(again.status).to.equal(200);
      expect(again.body.data.cancel_reason).to.equal('really');
    });
  });

  describe('duplicates', () => {
    it('refuses the same email on the same (slot, date), whatever its case', async () => {
      await book(api, jane);
      const reply = await book(api, { customer_email: 'JANE.Doe@Example.com' });
      expect(reply.status).to.equal(400);
      expect(reply.body).to.deep.equal({ data: null, error: 'duplicate booking' });
      expect((await book(api, { ...jane, date: '2023-07-17' })).status, 'another date').to.equal(201);
    });

    it('refuses the same phone under another email', async () => {
      await book(api, jane);
      const reply = await book(api, { customer_email: 'someone.else@example.com', customer_phone: jane.customer_phone });
      expect(reply.body.error).to.equal('duplicate booking');
    });

    it('lets a customer book again after cancelling', async () => {
      await book(api, jane);
      await call(api, 'PATCH', '/v1/bookings/1', { status: 'cancelled', cancel_reason: 'wrong time' });
      expect((await book(api, jane)).status).to.equal(201);
    });

    it('is checked before capacity, so a repeat into a full slot says "duplicate booking"', async () => {
      const sunday = { date: SUNDAY, time_slot_id: 457 };
      await book(api, { ...jane, ...sunday });
      expect((await book(api, { ...jane, ...sunday })).body.error).to.equal('duplicate booking');
      expect((await book(api, { ...john, ...sunday })).body.error).to.equal('time slot is full');
    });

    it('does not treat bookings without contact details as duplicates', async () => {
      expect((await book(api, { customer_name: 'A' })).status).to.equal(201);
      expect((await book(api, { customer_name: 'A' })).status).to.equal(201);
    });
  });

  describe('validation', () => {
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['a non-ISO date', { date: '10/07/2023' }, 400, 'invalid date format, expected YYYY-MM-DD'],
      ['a date with time', { date: '2023-07-10T09:00:00Z' }, 400, 'invalid date format, expected YYYY-MM-DD'],
      ['February 30th', { date: '2023-02-30' }, 400, 'invalid date'],
      ['month 13', { date: '2023-13-01' }, 400, 'invalid date'],
      ['a missing date', { date: undefined }, 400, 'date is required'],
      ['a Tuesday for a Monday slot', { date: TUESDAY }, 400, "date does not match the time slot's day of week"],
      ['a Sunday for a Monday slot (0 = Sunday)', { date: SUNDAY }, 400, "date does not match the time slot's day of week"],
      ['a Monday for a Sunday slot', { date: MONDAY, time_slot_id: 457 }, 400, "date does not match the time slot's day of week"],
      ['a malformed email', { customer_email: 'jane@' }, 400, 'invalid email format'],
      ['a national phone number', { customer_phone: '2025550185' }, 400, 'invalid phone number, expected E.164 format'],
      ['a phone with a leading zero', { customer_phone: '+0123456' }, 400, 'invalid phone number, expected E.164 format'],
      ['a phone with spaces', { customer_phone: '+1 202 555 0185' }, 400, 'invalid phone number, expected E.164 format'],
      ['a phone of 16 digits', { customer_phone: '+1234567890123456' }, 400, 'invalid phone number, expected E.164 format'],
      ['a missing time_slot_id', { time_slot_id: undefined }, 400, 'time_slot_id is required'],
      ['a string time_slot_id', { time_slot_id: '456' }, 400, 'time_slot_id must be a positive integer'],
      ['an unknown time slot', { time_slot_id: 999 }, 404, 'time slot not found'],
    ];
    for (const [what, input, status, message] of cases) {
      it(`answers ${status} "${message}" for ${what}`, async () => {
        const reply = await book(api, { ...jane, ...input });
        expect(reply.status).to.equal(status);
        expect(reply.body).to.deep.equal({ data: null, error: message });
        expect(api.store.bookings).to.have.length(0);
      });
    }

    it('books a Sunday slot on a Sunday (0 = Sunday)', async () => {
      expect((await book(api, { ...jane, date: SUNDAY, time_slot_id: 457 })).status).to.equal(201);
    });

    it('treats blank optional fields as absent', async () => {
      const reply = await book(api, { customer_name: '', customer_email: '', customer_phone: '' });
      expect(reply.status).to.equal(201);
    });

    it('answers 400 for a body that is not JSON', async () => {
      const reply = await call(api, 'POST', '/v1/bookings', '{"date": ');
      expect(reply.status).to.equal(400);
      expect(reply.body.error).to.equal('invalid request body');
    });
  });
});

describe('mock API: reading and changing bookings', () => {
  let api: MockApi;
  beforeEach(() => {
    api = createMockApi({ now: () => NOW });
    seedWeek(api);
    api.seedService({
      id: 124,
      name: 'Follow-up',
      timezone: 'America/New_York',
      time_slots: [{ id: 500, day_of_week: 1, start_time: '2023-01-01 09:00:00', end_time: '2023-01-01 09:15:00', max_bookings: 5 }],
    });
  });

  it('lists a service\'s bookings and requires service_id, page and page_size', async () => {
    for (let i = 0; i < 5; i++) api.seedBooking({ date: MONDAY, time_slot_id: 456, customer_email: `c${i}@example.com` });
    api.seedBooking({ date: MONDAY, time_slot_id: 500 });

    const page = await call(api, 'GET', '/v1/bookings?service_id=123&page=2&page_size=2');
    expect(page.status).to.equal(200);
    expect(page.body.data.bookings.map((b: { id: number }) => b.id)).to.deep.equal([3, 4]);
    expect(page.body.data.pagination).to.deep.equal({ current_page: 2, total_pages: 3, total_count: 5, page_size: 2 });
    expect(page.body.data.bookings[0].customer.email).to.equal('c2@example.com');

    for (const query of ['page=1&page_size=10', 'service_id=123&page_size=10', 'service_id=123&page=1', '']) {
      const reply = await call(api, 'GET', `/v1/bookings?${query}`);
      expect(reply.status, query).to.equal(400);
    }
    const missing = await call(api, 'GET', '/v1/bookings?service_id=9&page=1&page_size=10');
    expect(missing.status).to.equal(404);
  });

  it('gets one booking; unknown ids are 404 "booking not found"', async () => {
    api.seedBooking({ date: MONDAY, time_slot_id: 456, ...jane });
    expect((await call(api, 'GET', '/v1/bookings/1')).body.data.customer.name).to.equal('Jane Doe');
    const missing = await call(api, 'GET', '/v1/bookings/2');
    expect(missing.status).to.equal(404);
    expect(missing.body).to.deep.equal({ data: null, error: 'booking not found' });
  });

  it('confirms, re-dates and cancels with a reason', async () => {
    api.seedBooking({ date: MONDAY, time_slot_id: 456, ...jane });
    api.setOptions({ now: () => new Date('2023-06-22T14:30:00Z') });

    const confirmed = await call(api, 'PATCH', '/v1/bookings/1', { status: 'confirmed', message: 'confirmed by phone' });
    expect(confirmed.body.data).to.include({ status: 'confirmed', message: 'confirmed by phone', updated_at: '2023-06-22T14:30:00Z' });

    const moved = await call(api, 'PATCH', '/v1/bookings/1', { date: '2023-07-17' });
    expect(moved.body.data.date).to.equal('2023-07-17');
    expect((await call(api, 'PATCH', '/v1/bookings/1', { date: TUESDAY })).status, 'weekday').to.equal(400);
    expect((await call(api, 'PATCH', '/v1/bookings/1', { date: '2023-02-30' })).status, 'calendar').to.equal(400);

    const cancelled = await call(api, 'PATCH', '/v1/bookings/1', { status: 'cancelled', cancel_reason: 'Customer requested cancellation' });
    expect(cancelled.body.data).to.include({ status: 'cancelled', cancel_reason: 'Customer requested cancellation' });
  });

  it('refuses cancelling without a reason and unknown statuses', async () => {
    api.seedBooking({ date: MONDAY, time_slot_id: 456, ...jane });
    const noReason = await call(api, 'PATCH', '/v1/bookings/1', { status: 'cancelled' });
    expect(noReason.status).to.equal(400);
    expect(noReason.body.error).to.equal('cancel_reason is required when cancelling a booking');
    expect((await call(api, 'PATCH', '/v1/bookings/1', { status: 'cancelled', cancel_reason: '  ' })).status).to.equal(400);
    const badStatus = await call(api, 'PATCH', '/v1/bookings/1', { status: 'done' });
    expect(badStatus.status).to.equal(400);
    expect(badStatus.body.error).to.equal('invalid status, expected pending, confirmed or cancelled');
    expect(api.store.bookings[0].status).to.equal('pending');
    expect((await call(api, 'PATCH', '/v1/bookings/9', { status: 'confirmed' })).status).to.equal(404);
  });

  it('deletes a booking', async () => {
    api.seedBooking({ date: MONDAY, time_slot_id: 456 });
    const reply = await call(api, 'DELETE', '/v1/bookings/1');
    expect(reply.body).to.deep.equal({ data: 'ok' });
    expect(api.store.bookings).to.have.length(0);
    expect((await call(api, 'DELETE', '/v1/bookings/1')).status).to.equal(404);
  });

  it('reads and updates the booking\'s customer, validating email and phone', async () => {
    api.seedBooking({ date: MONDAY, time_slot_id: 456, ...jane });
    const customer = await call(api, 'GET', '/v1/bookings/1/customer');
    expect(customer.body.data).to.include({ id: 1, name: 'Jane Doe', email: 'jane.doe@example.com', phone: '+12025550185' });

    api.setOptions({ now: () => new Date('2023-06-24T08:20:00Z') });
    const updated = await call(api, 'PATCH', '/v1/bookings/1/customer', { name: 'Jane Smith', email: 'jane.smith@example.com' });
    expect(updated.body.data).to.deep.equal({
      id: 1,
      name: 'Jane Smith',
      email: 'jane.smith@example.com',
      phone: '+12025550185',
      created_at: '2023-06-20T09:15:00Z',
      updated_at: '2023-06-24T08:20:00Z',
    });
    expect((await call(api, 'PATCH', '/v1/bookings/1/customer', { email: 'nope' })).body.error).to.equal('invalid email format');
    expect((await call(api, 'PATCH', '/v1/bookings/1/customer', { phone: '555-0100' })).status).to.equal(400);
    expect((await call(api, 'GET', '/v1/bookings/7/customer')).status).to.equal(404);
    expect(api.store.bookings[0].customer.email).to.equal('jane.smith@example.com');
  });
});
