import { expect } from '@open-wc/testing';
import { ReserveKitClient } from '../../src/api/client';
import { ReserveKitError } from '../../src/api/errors';
import { clientWith, fakeFetch, ok, rejectionOf, service, booking, type Reply } from './helpers';

const fail503: Reply = { status: 503, json: { error: 'unavailable' } };
const fail429 = (retryAfter?: string): Reply => ({
  status: 429,
  json: { data: null, error: 'rate limit exceeded' },
  headers: retryAfter === undefined ? {} : { 'Retry-After': retryAfter },
});

function stubRandom(value: number) {
  const original = Math.random;
  Math.random = () => value;
  return () => {
    Math.random = original;
  };
}

describe('GET retry', () => {
  const transient: [string, Reply][] = [
    ['503', fail503],
    ['500 with an empty body', { status: 500, text: '' }],
    ['429', fail429()],
    ['a network error', 'network'],
  ];
  for (const [label, failure] of transient) {
    it(`retries after ${label} and resolves`, async () => {
      const { client, calls, delays } = clientWith([failure, ok(service)]);
      expect(await client.getService(123)).to.deep.equal(service);
      expect(calls).to.have.length(2);
      expect(delays).to.have.length(1);
    });
  }

  it('retries after a timeout', async () => {
    const { client, calls } = clientWith(['hang', ok(service)], { timeoutMs: 20 });
    expect(await client.getService(123)).to.deep.equal(service);
    expect(calls).to.have.length(2);
  });

  it('waits Retry-After seconds on 429', async () => {
    const { client, delays } = clientWith([fail429('3'), ok(service)]);
    await client.getService(123);
    expect(delays).to.deep.equal([3000]);
  });

  it('waits Retry-After given as an HTTP date', async () => {
    const at = new Date(Date.now() + 5_000).toUTCString();
    const { client, delays } = clientWith([fail429(at), ok(service)]);
    await client.getService(123);
    expect(delays).to.have.length(1);
    expect(delays[0]).to.be.within(4000, 5000);
  });

  it('honours Retry-After on 503 as well', async () => {
    const { client, delays } = clientWith([{ ...fail503, headers: { 'Retry-After': '2' } }, ok(service)]);
    await client.getService(123);
    expect(delays).to.deep.equal([2000]);
  });

  it('uses the body retry_after when there is no header', async () => {
    const { client, delays } = clientWith([
      { status: 429, json: { error: { code: 'rate_limited', message: 'slow down', retry_after: 4 } } },
      ok(service),
    ]);
    await client.getService(123);
    expect(delays).to.deep.equal([4000]);
  });

  it('surfaces a Retry-After longer than retryMaxMs instead of waiting it out', async () => {
    const { client, calls, delays } = clientWith([fail429('60'), ok(service)]);
    const error = await rejectionOf(client.getService(123));
    expect(error.code).to.equal('rate_limited');
    expect(error.retryAfter).to.equal(60);
    expect(calls).to.have.length(1);
    expect(delays).to.deep.equal([]);
  });

  it('backs off exponentially with full jitter, then gives up with the last error', async () => {
    const restore = stubRandom(0.5);
    try {
      const { client, calls, delays } = clientWith([fail503, 'network', fail503, { status: 502, text: '' }]);
      const error = await rejectionOf(client.getService(123));
      expect(delays).to.deep.equal([250, 500, 1000]);
      expect(calls).to.have.length(4);
      expect(error.code).to.equal('server');
      expect(error.status).to.equal(502);
    } finally {
      restore();
    }
  });

  it('caps the backoff at retryMaxMs', async () => {
    const restore = stubRandom(0.5);
    try {
      const { client, delays } = clientWith([fail503], { retries: 5, retryBaseMs: 1000, retryMaxMs: 3000 });
      await rejectionOf(client.getService(123));
      expect(delays).to.deep.equal([500, 1000, 1500, 1500, 1500]);
    } finally {
      restore();
    }
  });

  it('draws each delay at random below the cap (full jitter)', async () => {
    const { client, delays } = clientWith([fail503], { retries: 20, retryBaseMs: 100, retryMaxMs: 400 });
    await rejectionOf(client.getService(123));
    expect(delays).to.have.length(20);
    for (const [i, d] of delays.entries()) expect(d).to.be.within(0, Math.min(400, 100 * 2 ** i));
    expect(new Set(delays).size).to.be.above(1);
  });

  it('respects retries: 0', async () => {
    const { client, calls } = clientWith([fail503, ok(service)], { retries: 0 });
    expect((await rejectionOf(client.getService(123))).code).to.equal('server');
    expect(calls).to.have.length(1);
  });

  const permanent: [string, Reply][] = [
    ['400', { status: 400, json: { error: 'bad' } }],
    ['401', { status: 401, json: { error: 'invalid api key' } }],
    ['403', { status: 403, text: '' }],
    ['404', { status: 404, json: { error: 'service not found' } }],
    ['409', { status: 409, text: '' }],
  ];
  for (const [label, failure] of permanent) {
    it(`does not retry a GET after ${label}`, async () => {
      const { client, calls } = clientWith([failure, ok(service)]);
      await rejectionOf(client.getService(123));
      expect(calls).to.have.length(1);
    });
  }

  it('really waits with setTimeout when no sleep is injected', async () => {
    const f = fakeFetch('network', ok(service));
    const client = new ReserveKitClient({ fetch: f.fetch, retryBaseMs: 5, retryMaxMs: 5 });
    expect(await client.getService(123)).to.deep.equal(service);
    expect(f.calls).to.have.length(2);
  });
});

describe('writes are never retried', () => {
  const writes: [string, (c: ReserveKitClient) => Promise<unknown>][] = [
    ['POST createBooking', (c) => c.createBooking({ date: '2023-07-10', time_slot_id: 456 }, { serviceId: 123 })],
    ['POST createService', (c) => c.createService({ name: 'x', timezone: 'UTC' })],
    ['PATCH updateBooking', (c) => c.updateBooking(789, { message: 'x' })],
    ['PATCH cancelBooking', (c) => c.cancelBooking(789, 'x')],
    ['DELETE deleteBooking', (c) => c.deleteBooking(789)],
  ];
  const failures: [string, Reply, string][] = [
    ['503', fail503, 'server'],
    ['429 with Retry-After', fail429('1'), 'rate_limited'],
    ['a network error', 'network', 'network'],
    ['a timeout', 'hang', 'timeout'],
  ];
  for (const [name, run] of writes) {
    for (const [label, failure, code] of failures) {
      it(`${name} after ${label}`, async () => {
        const { client, calls, delays } = clientWith([failure, ok(booking)], { timeoutMs: 20 });
        const error = await rejectionOf(run(client));
        expect(error).to.be.instanceOf(ReserveKitError);
        expect(error.code).to.equal(code);
        expect(calls).to.have.length(1);
        expect(delays).to.deep.equal([]);
      });
    }
  }
});

describe('timeout', () => {
  it('rejects with code timeout when fetch never answers', async () => {
    const { client } = clientWith(['hang'], { timeoutMs: 30, retries: 0 });
    const started = performance.now();
    const error = await rejectionOf(client.getService(123));
    expect(error).to.be.instanceOf(ReserveKitError);
    expect(error.code).to.equal('timeout');
    expect(performance.now() - started).to.be.within(25, 2000);
  });

  it('aborts the fetch it gave up on', async () => {
    const { client, calls } = clientWith(['hang'], { timeoutMs: 20, retries: 0 });
    await rejectionOf(client.getService(123));
    expect(calls[0].signal?.aborted).to.equal(true);
  });

  it('maps an AbortError from a signal-honouring fetch to timeout, not to an abort', async () => {
    const honouring: Reply = (call) =>
      new Promise((_, reject) => call.signal!.addEventListener('abort', () => reject(call.signal!.reason)));
    const { client } = clientWith([honouring], { retries: 0 });
    const error = await rejectionOf(client.getService(123, { timeoutMs: 20 }));
    expect(error.code).to.equal('timeout');
  });

  it('lets a per-request timeoutMs override the client option', async () => {
    const { client } = clientWith(['hang'], { timeoutMs: 60_000, retries: 0 });
    const error = await rejectionOf(client.getService(123, { timeoutMs: 20 }));
    expect(error.code).to.equal('timeout');
  });

  it('covers a body that stalls after the headers', async () => {
    const stalled: Reply = () =>
      new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"data":')) }), { status: 200 });
    const { client } = clientWith([stalled], { timeoutMs: 30 });
    const error = await rejectionOf(client.createService({ name: 'x', timezone: 'UTC' }));
    expect(error.code).to.equal('timeout');
  });
});

describe('caller abort', () => {
  it('rejects with an AbortError, not a ReserveKitError, and aborts the fetch', async () => {
    const { client, calls, delays } = clientWith(['hang']);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);
    const error = await rejectionOf(client.getService(123, { signal: controller.signal }));
    expect(delays, 'an abort is not a failure to retry').to.deep.equal([]);
    expect(error).not.to.be.instanceOf(ReserveKitError);
    expect(error).to.be.instanceOf(DOMException);
    expect(error.name).to.equal('AbortError');
    expect(calls).to.have.length(1);
    expect(calls[0].signal?.aborted).to.equal(true);
  });

  it('rejects with the signal reason when one was given', async () => {
    const { client } = clientWith(['hang']);
    const controller = new AbortController();
    const reason = new Error('navigated away');
    setTimeout(() => controller.abort(reason), 10);
    expect(await rejectionOf(client.createBooking({ date: '2023-07-10', time_slot_id: 1 }, { signal: controller.signal }))).to.equal(reason);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { client, calls } = clientWith([ok(service)]);
    const error = await rejectionOf(client.getService(123, { signal: AbortSignal.abort() }));
    expect(error.name).to.equal('AbortError');
    expect(calls).to.have.length(0);
  });

  it('stops a retry wait at once and makes no further attempt', async () => {
    const f = fakeFetch(fail429('5'), ok(service));
    const client = new ReserveKitClient({ fetch: f.fetch });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = performance.now();
    const error = await rejectionOf(client.getService(123, { signal: controller.signal }));
    expect(error.name).to.equal('AbortError');
    expect(error).not.to.be.instanceOf(ReserveKitError);
    expect(performance.now() - started).to.be.below(2000);
    await new Promise((r) => setTimeout(r, 50));
    expect(f.calls).to.have.length(1);
  });

  it('stops retrying when aborted while an injected sleep is pending', async () => {
    const controller = new AbortController();
    const f = fakeFetch(fail503, ok(service));
    const client = new ReserveKitClient({
      fetch: f.fetch,
      sleep: async () => {
        controller.abort();
      },
    });
    const error = await rejectionOf(client.getService(123, { signal: controller.signal }));
    expect(error.name).to.equal('AbortError');
    expect(f.calls).to.have.length(1);
  });
});
