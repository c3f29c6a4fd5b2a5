import { expect } from '@open-wc/testing';
import { ReserveKitError, type ReserveKitErrorCode } from '../../src/api/errors';
import type { ReserveKitClient } from '../../src/api/client';
import {
  availability,
  booking,
  clientWith,
  customer,
  ok,
  pagination,
  rejectionOf,
  service,
  slot,
  type Reply,
} from './helpers';

const bookingInput = { date: '2023-07-10', time_slot_id: 456 };

/** A POST is never retried, so each reply maps to exactly one error. */
async function errorFor(reply: Reply): Promise<ReserveKitError> {
  const { client, calls } = clientWith([reply]);
  const error = await rejectionOf(client.createBooking(bookingInput, { serviceId: 123 }));
  expect(calls).to.have.length(1);
  expect(error).to.be.instanceOf(ReserveKitError);
  return error;
}

const shapes = {
  string: (_status: number, message: string) => ({ data: null, error: message }),
  object: (_status: number, message: string, code: string) => ({ error: { code, message } }),
  flat: (status: number, message: string, code: string) => ({ status, message, code }),
};

const table: [ReserveKitErrorCode, number, string, string][] = [
  ['slot_full', 400, 'time slot is full', 'time_slot_full'],
  ['duplicate', 400, 'duplicate booking', 'duplicate_booking'],
  ['validation', 400, 'date must be YYYY-MM-DD', 'invalid_request'],
  ['validation', 422, 'timezone is required', 'unprocessable'],
  ['rate_limited', 429, 'rate limit exceeded', 'rate_limited'],
  ['unauthorized', 401, 'invalid api key', 'invalid_api_key'],
  ['unauthorized', 403, 'origin not allowed for this key', 'forbidden'],
  ['not_found', 404, 'booking not found', 'not_found'],
  ['server', 500, 'internal error', 'internal'],
  ['server', 503, 'maintenance', 'unavailable'],
  ['server', 409, 'conflict', 'conflict'],
];

describe('error mapping: the three body shapes', () => {
  for (const [shape, build] of Object.entries(shapes)) {
    for (const [code, status, message, serverCode] of table) {
      it(`${shape} shape, ${status} "${message}" -> ${code}`, async () => {
        const error = await errorFor({ status, json: build(status, message, serverCode) });
        expect(error.code).to.equal(code);
        expect(error.status).to.equal(status);
        expect(error.message).to.equal(message);
        expect(error.serverCode).to.equal(shape == 'string' ? undefined : serverCode);
      });
    }
  }

  it('recognises slot_full by the server code alone, whatever the wording', async () => {
    const error = await errorFor({ status: 400, json: { error: { code: 'time_slot_full', message: 'Termin ist voll' } } });
    expect(error.code).to.equal('slot_full');
    expect(error.message).to.equal('Termin ist voll');
  });

  it('recognises duplicate by the flat shape code alone', async () => {
    const error = await errorFor({ status: 400, json: { status: 400, code: 'duplicate_booking', message: 'Schon gebucht' } });
    expect(error.code).to.equal('duplicate');
  });

  it('recognises "time slot is full" even with other statuses in the 4xx range', async () => {
    const error = await errorFor({ status: 409, json: { data: null, error: 'Time slot is full' } });
    expect(error.code).to.equal('slot_full');
  });

  it('does not call a 5xx "slot full" even if its text says so', async () => {
    const error = await errorFor({ status: 500, json: { error: 'time slot is full' } });
    expect(error.code).to.equal('server');
  });
});

describe('error mapping: bodies without usable JSON', () => {
  const byStatus: [number, ReserveKitErrorCode][] = [
    [400, 'validation'],
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'not_found'],
    [422, 'validation'],
    [429, 'rate_limited'],
    [418, 'server'],
    [500, 'server'],
    [502, 'server'],
  ];
  const bodies: [string, string][] = [
    ['empty', ''],
    ['HTML', '<html><body>Bad Gateway</body></html>'],
    ['JSON without error fields', '{"data":null}'],
    ['JSON string', '"nope"'],
  ];
  for (const [label, text] of bodies) {
    for (const [status, code] of byStatus) {
      it(`${label} body, ${status} -> ${code} with a default message`, async () => {
        const error = await errorFor({ status, text });
        expect(error.code).to.equal(code);
        expect(error.status).to.equal(status);
        expect(error.serverCode).to.equal(undefined);
        expect(error.message).to.be.a('string').and.not.equal('');
      });
    }
  }

  it('gives each code its own default message', async () => {
    const messages = new Map<string, string>();
    for (const [status] of byStatus) {
      const error = await errorFor({ status, text: '' });
      messages.set(error.code, error.message);
    }
    const network = await errorFor('network');
    messages.set(network.code, network.message);
    expect(new Set(messages.values()).size).to.equal(messages.size);
    expect(messages.size).to.equal(6);
  });
});

describe('error mapping: retry-after and fields', () => {
  it('reads Retry-After as integer seconds', async () => {
    const error = await errorFor({ status: 429, json: { error: 'rate limit exceeded' }, headers: { 'Retry-After': '7' } });
    expect(error.code).to.equal('rate_limited');
    expect(error.retryAfter).to.equal(7);
  });

  it('reads Retry-After as an HTTP date', async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    const error = await errorFor({ status: 429, json: { error: 'rate limit exceeded' }, headers: { 'Retry-After': at } });
    expect(error.retryAfter).to.be.within(28, 31);
  });

  it('treats a Retry-After date in the past as 0', async () => {
    const at = new Date(Date.now() - 60_000).toUTCString();
    const error = await errorFor({ status: 429, text: '', headers: { 'Retry-After': at } });
    expect(error.retryAfter).to.equal(0);
  });

  it('falls back to the body retry_after', async () => {
    const error = await errorFor({ status: 429, json: { error: { code: 'rate_limited', message: 'slow down', retry_after: 3 } } });
    expect(error.retryAfter).to.equal(3);
  });

  it('prefers the header over the body retry_after', async () => {
    const error = await errorFor({
      status: 429,
      json: { error: { code: 'rate_limited', message: 'slow down', retry_after: 3 } },
      headers: { 'Retry-After': '9' },
    });
    expect(error.retryAfter).to.equal(9);
  });

  it('ignores an unparseable Retry-After', async () => {
    const error = await errorFor({ status: 429, text: '', headers: { 'Retry-After': 'soon' } });
    expect(error.retryAfter).to.equal(undefined);
  });

  it('maps details to fields for a validation error (object shape)', async () => {
    const error = await errorFor({
      status: 422,
      json: {
        error: {
          code: 'validation_error',
          message: 'invalid input',
          details: { customer_email: 'must be a valid email', customer_phone: 'must be E.164' },
        },
      },
    });
    expect(error.code).to.equal('validation');
    expect(error.fields).to.deep.equal({ customer_email: 'must be a valid email', customer_phone: 'must be E.164' });
  });

  it('maps details to fields in the flat shape too', async () => {
    const error = await errorFor({
      status: 400,
      json: { status: 400, code: 'bad_request', message: 'invalid date', details: { date: 'must be YYYY-MM-DD' } },
    });
    expect(error.fields).to.deep.equal({ date: 'must be YYYY-MM-DD' });
  });

  it('ignores details that are not a field map', async () => {
    const error = await errorFor({ status: 400, json: { error: { code: 'x', message: 'y', details: ['a', 'b'] } } });
    expect(error.fields).to.equal(undefined);
  });

  it('maps a rejected fetch to network, keeping the cause', async () => {
    const error = await errorFor('network');
    expect(error.code).to.equal('network');
    expect(error.status).to.equal(undefined);
    expect(error.cause).to.be.instanceOf(TypeError);
  });
});

describe('bad_response', () => {
  const cases: [string, (c: ReserveKitClient) => Promise<unknown>, Reply, string][] = [
    ['getService', (c) => c.getService(123), ok({ ...service, timezone: 5 }), 'data.timezone expected string'],
    ['createService', (c) => c.createService({ name: 'x', timezone: 'UTC' }), ok({ ...service, id: '123' }), 'data.id expected number'],
    ['updateService', (c) => c.updateService(123, { name: 'x' }), ok({ ...service, name: null }), 'data.name expected string'],
    ['listServices', (c) => c.listServices(), ok({ services: [service] }), 'data.pagination expected object'],
    ['listServices item', (c) => c.listServices(), ok({ services: [service, { ...service, id: 1.5 }], pagination }), 'data.services.1.id expected int'],
    ['listServiceTimeSlots', (c) => c.listServiceTimeSlots(123), ok({ time_slots: [slot] }), 'data expected array'],
    ['listTimeSlots', (c) => c.listTimeSlots({ service_id: 123 }), ok({ time_slots: [{ ...slot, day_of_week: 7 }] }), 'data.time_slots.0.day_of_week too big'],
    ['createBooking', (c) => c.createBooking({ date: '2023-07-10', time_slot_id: 456 }), ok(null, 201), 'data expected object'],
    ['getBooking', (c) => c.getBooking(789), ok({ ...booking, date: '10/07/2023' }), 'data.date invalid format'],
    ['updateBooking', (c) => c.updateBooking(789, {}), ok({ ...booking, customer: { ...customer, email: 5 } }), 'data.customer.email expected string'],
    ['cancelBooking', (c) => c.cancelBooking(789, 'x'), ok({ ...booking, time_slot_id: undefined }), 'data.time_slot_id expected number'],
    ['listBookings', (c) => c.listBookings({ service_id: 1, page: 1, page_size: 10 }), ok({ bookings: 'none', pagination }), 'data.bookings expected array'],
    ['getBookingCustomer', (c) => c.getBookingCustomer(789), ok([customer]), 'data expected object'],
    ['updateBookingCustomer', (c) => c.updateBookingCustomer(789, {}), ok({ ...customer, phone: 12025550185 }), 'data.phone expected string'],
    ['getAvailability', (c) => c.getAvailability(1, { from: '2023-07-01', to: '2023-07-31' }), ok({ ...availability, availability: [{ ...availability.availability[0], remaining: -1 }] }), 'data.availability.0.remaining too small'],
    ['missing envelope', (c) => c.getService(123), { json: service }, 'data expected object'],
    ['JSON null', (c) => c.getService(123), { text: 'null' }, 'expected object'],
  ];
  for (const [name, run, reply, where] of cases) {
    it(`${name}: names "${where}"`, async () => {
      const { client } = clientWith([reply], { retries: 0 });
      const error = await rejectionOf(run(client));
      expect(error).to.be.instanceOf(ReserveKitError);
      expect(error.code).to.equal('bad_response');
      expect(error.message).to.equal(`Unexpected response from ReserveKit: ${where}`);
      // The zod error travels as the cause so the widget can log the full report.
      expect(error.cause).to.have.property('issues').that.is.an('array').with.length.above(0);
    });
  }

  it('reports a non-JSON success body, with the parse error as cause', async () => {
    const { client } = clientWith([{ status: 200, text: '<html>hi</html>' }]);
    const error = await rejectionOf(client.getService(123));
    expect(error.code).to.equal('bad_response');
    expect(error.status).to.equal(200);
    expect(error.message).to.equal('Unexpected response from ReserveKit: body is not JSON');
    expect(error.cause).to.be.instanceOf(SyntaxError);
  });

  it('reports an empty 200 to a GET', async () => {
    const { client } = clientWith([{ status: 200, text: '' }]);
    const error = await rejectionOf(client.getService(123));
    expect(error.code).to.equal('bad_response');
    expect(error.message).to.equal('Unexpected response from ReserveKit: data expected object');
  });

  it('is not retried: the same body would come back', async () => {
    const { client, calls } = clientWith([ok({ ...service, timezone: 5 })]);
    await rejectionOf(client.getService(123));
    expect(calls).to.have.length(1);
  });
});
