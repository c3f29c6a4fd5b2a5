import { expect } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import { createMockApi } from '../../src/mock/index';
import { startMockWorker } from '../../src/mock/browser';
import { BASE, MONDAY, seedWeek } from './helpers';

describe('mock API behind the msw service worker', () => {
  const api = createMockApi({ errorShape: 'object' });
  let worker: SetupWorker;

  before(async () => {
    worker = await startMockWorker(api);
  });
  after(() => {
    worker.stop();
  });
  beforeEach(() => {
    api.reset();
    seedWeek(api);
  });

  const post = (body: unknown) =>
    fetch(`${BASE}/v1/bookings?service_id=123`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer pk_rsv_demo' },
      body: JSON.stringify(body),
    });

  it('answers the page\'s own fetch with the same rules as handle()', async () => {
    const slots = await fetch(`${BASE}/v1/services/123/time-slots`);
    expect(slots.status).to.equal(200);
    expect((await slots.json()).data.map((s: { id: number }) => s.id)).to.deep.equal([456, 457]);

    const sunday = { date: '2023-07-09', time_slot_id: 457 };
    const created = await post({ ...sunday, customer_email: 'a@example.com' });
    expect(created.status).to.equal(201);
    expect((await created.json()).data).to.include({ id: 1, status: 'pending', date: '2023-07-09' });

    const full = await post({ ...sunday, customer_email: 'b@example.com' });
    expect(full.status).to.equal(400);
    expect(await full.json()).to.deep.equal({ error: { code: 'time_slot_full', message: 'time slot is full' } });

    expect(api.store.bookings).to.have.length(1);
    const sent = api.requests.filter((r) => r.method === 'POST');
    expect(sent).to.have.length(2);
    expect(sent[0].body).to.deep.equal({ ...sunday, customer_email: 'a@example.com' });
    expect(sent[0].headers.get('authorization')).to.equal('Bearer pk_rsv_demo');
  });

  it('turns an injected network failure into a rejected fetch, and 404s unknown paths', async () => {
    api.failNext({ method: 'POST' }, 'network');
    let error: unknown;
    try {
      await post({ date: MONDAY, time_slot_id: 456 });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(TypeError);
    expect(api.store.bookings).to.have.length(0);
    expect((await fetch(`${BASE}/v1/nothing-here`)).status).to.equal(404);
  });

  it('stands in for the proxy\'s manage routes behind the worker, with a relative apiBase', async () => {
    // Tokens expire a day after the booking: the clock must be before the seed week.
    api.setOptions({ apiBase: '/api/booking', manage: { secret: 'a demo secret that is 32 bytes long' }, now: () => new Date('2023-07-01T00:00:00Z') });
    try {
      const send = (method: string, path: string, body?: unknown) =>
        fetch(`/api/booking${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      const created = await (await send('POST', '/v1/bookings?service_id=123', { date: MONDAY, time_slot_id: 456, customer_email: 'a@example.com' })).json();
      const token = created.data.manage_token;
      const moved = await send('POST', `/v1/manage/${token}/reschedule`, { date: '2023-07-09', time_slot_id: 457 });
      expect(moved.status).to.equal(201);
      expect((await moved.json()).data.booking).to.include({ id: 2, date: '2023-07-09' });
      const cancelled = await send('POST', `/v1/manage/${token}/cancel`, { reason: 'x' });
      expect(cancelled.status, 'the old booking was cancelled by the move').to.equal(200);
      expect(api.store.bookings.map((b) => b.status)).to.deep.equal(['cancelled', 'pending']);
      expect(api.store.bookings[0].cancel_reason).to.equal('Rescheduled to 2023-07-09 10:00');
      const availability = await send('GET', '/v1/services/123/availability?from=2023-07-09&to=2023-07-10');
      expect((await availability.json()).data.availability.map((a: { booked: number }) => a.booked)).to.deep.equal([1, 0]);
    } finally {
      api.setOptions({ apiBase: BASE, manage: null, now: () => new Date() });
    }
  });
});
