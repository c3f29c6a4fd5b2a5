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
});
