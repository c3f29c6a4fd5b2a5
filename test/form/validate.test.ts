import { expect } from '@open-wc/testing';
import { isEmail, isIsoDate, validateBooking, validateBookingBody } from '../../src/form/validate';

const empty = { name: '', email: '', phone: '', message: '' };

describe('isEmail', () => {
  it('accepts ordinary addresses', () => {
    for (const v of ['ana@example.com', 'first.last+tag@mail.example.co.uk', 'x@y.io', 'o\'neil@example.ie', 'jörg@bücher.de']) {
      expect(isEmail(v), v).to.equal(true);
    }
  });
  it('rejects what cannot be an address', () => {
    for (const v of ['', 'ana', 'ana@', '@example.com', 'ana@example', 'ana@@example.com', 'a@b@example.com', 'ana @example.com',
      'ana@exa mple.com', 'ana@example..com', 'ana@.example.com', 'ana@example.com.', ' ana@example.com', `${'a'.repeat(250)}@x.io`]) {
      expect(isEmail(v), v).to.equal(false);
    }
  });
});

describe('validateBooking', () => {
  it('accepts an empty form when nothing is required', () => {
    expect(validateBooking(empty)).to.deep.equal({});
  });

  it('flags required fields after trimming', () => {
    expect(validateBooking({ ...empty, name: '   ', email: ' ' }, { requireName: true, requireEmail: true }))
      .to.deep.equal({ name: 'required', email: 'required' });
  });

  it('flags invalid email and phone', () => {
    expect(validateBooking({ ...empty, email: 'ana@example', phone: 'call me' })).to.deep.equal({ email: 'invalid', phone: 'invalid' });
    expect(validateBooking({ ...empty, email: ' ana@example.com ', phone: ' +1 202 555 0185 ' })).to.deep.equal({});
  });

  it('reads a national phone with the chosen calling code', () => {
    expect(validateBooking({ ...empty, phone: '020 7946 0958' })).to.deep.equal({ phone: 'invalid' });
    expect(validateBooking({ ...empty, phone: '020 7946 0958' }, { callingCode: '44' })).to.deep.equal({});
  });

  it('limits name to 200 and message to 1000 characters', () => {
    expect(validateBooking({ ...empty, name: 'a'.repeat(200), message: 'm'.repeat(1000) })).to.deep.equal({});
    expect(validateBooking({ ...empty, name: 'a'.repeat(201), message: 'm'.repeat(1001) })).to.deep.equal({ name: 'too_long', message: 'too_long' });
  });

  it('lists errors in form order', () => {
    const errors = validateBooking({ name: '', email: 'x', phone: 'y', message: 'z'.repeat(1001) }, { requireName: true });
    expect(Object.keys(errors)).to.deep.equal(['name', 'email', 'phone', 'message']);
  });
});

describe('isIsoDate', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2025-06-03')).to.equal(true);
    expect(isIsoDate('2024-02-29')).to.equal(true);
    for (const v of ['2025-02-29', '2025-02-30', '2025-13-01', '2025-00-10', '2025-6-3', '2025-06-03T00:00', '03/06/2025', '', 20250603, null]) {
      expect(isIsoDate(v), String(v)).to.equal(false);
    }
  });
});

describe('validateBookingBody', () => {
  const good = {
    date: '2025-06-03',
    time_slot_id: 7,
    customer_name: ' Ana Lima ',
    customer_email: 'ana@example.com',
    customer_phone: '+442079460958',
    message: 'Window seat, please.',
  };

  it('passes a valid body, trimmed, and strips unknown fields', () => {
    const r = validateBookingBody({ ...good, service_id: 1, admin: true, __proto__: { x: 1 } });
    expect(r).to.deep.equal({ ok: true, value: { ...good, customer_name: 'Ana Lima' } });
  });

  it('needs only date and time_slot_id', () => {
    expect(validateBookingBody({ date: '2025-06-03', time_slot_id: 1 })).to.deep.equal({ ok: true, value: { date: '2025-06-03', time_slot_id: 1 } });
  });

  it('drops empty and null optional fields', () => {
    const r = validateBookingBody({ date: '2025-06-03', time_slot_id: 1, customer_email: '', customer_phone: null, message: '  ' });
    expect(r).to.deep.equal({ ok: true, value: { date: '2025-06-03', time_slot_id: 1 } });
  });

  it('rejects a missing or unreal date and a bad time_slot_id', () => {
    expect(validateBookingBody({})).to.deep.equal({ ok: false, fields: { date: 'required', time_slot_id: 'required' } });
    for (const date of ['2025-02-30', '2025-6-3', 20250603, '2025-06-03 10:00']) {
      expect(validateBookingBody({ date, time_slot_id: 1 }), String(date)).to.deep.equal({ ok: false, fields: { date: 'invalid' } });
    }
    for (const id of [0, -3, 1.5, '7', NaN, Infinity, 2 ** 60, true]) {
      expect(validateBookingBody({ date: '2025-06-03', time_slot_id: id }), String(id)).to.deep.equal({ ok: false, fields: { time_slot_id: 'invalid' } });
    }
  });

  it('requires an exact E.164 phone', () => {
    for (const phone of ['+44 20 7946 0958', '020 7946 0958', '0044 20 7946 0958', '+44207946095x', '+0123456789']) {
      expect(validateBookingBody({ ...good, customer_phone: phone }), phone).to.deep.equal({ ok: false, fields: { customer_phone: 'invalid' } });
    }
  });

  it('checks the customer fields and message', () => {
    const r = validateBookingBody({ ...good, customer_name: 'n'.repeat(201), customer_email: 'nope', message: 'm'.repeat(1001) });
    expect(r).to.deep.equal({ ok: false, fields: { customer_name: 'too_long', customer_email: 'invalid', message: 'too_long' } });
  });

  it('rejects non-string customer fields', () => {
    const r = validateBookingBody({ ...good, customer_name: 42, customer_email: ['a@b.co'], message: { text: 'hi' } });
    expect(r).to.deep.equal({ ok: false, fields: { customer_name: 'invalid', customer_email: 'invalid', message: 'invalid' } });
  });

  it('can require name and email', () => {
    const r = validateBookingBody({ date: '2025-06-03', time_slot_id: 1 }, { requireName: true, requireEmail: true });
    expect(r).to.deep.equal({ ok: false, fields: { customer_name: 'required', customer_email: 'required' } });
  });

  it('rejects bodies that are not objects', () => {
    for (const body of [null, undefined, 'x', 3, [], [{ date: '2025-06-03', time_slot_id: 1 }]]) {
      expect(validateBookingBody(body), JSON.stringify(body)).to.deep.equal({ ok: false, fields: { body: 'invalid' } });
    }
  });
});
