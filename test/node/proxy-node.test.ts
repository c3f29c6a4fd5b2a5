/** The proxy behind a real Node http server on 127.0.0.1, through the adapter in src/server/node.ts. */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createMockApi, type MockApi } from '../../src/mock/index';
import { createBookingProxy, type BookingProxyHandler, type BookingProxyOptions, type ProxyContext } from '../../src/server/index';
import { createNodeServer, toNodeHandler, type NodeHandlerOptions } from '../../src/server/node';

const KEY = 'sk_rsv_secret';
const MONDAY = '2026-12-07';

interface Running {
  api: MockApi;
  url: string;
  /** The client IP the adapter handed the proxy, per request. */
  ips: (string | undefined)[];
  close(): Promise<void>;
}

async function start(
  adapter: NodeHandlerOptions = {},
  proxyOptions: Partial<BookingProxyOptions> = {},
  wrap?: (handler: (req: IncomingMessage, res: ServerResponse) => void) => (req: IncomingMessage, res: ServerResponse) => void,
): Promise<Running> {
  const api = createMockApi({ apiKey: KEY });
  api.seedService({
    id: 1,
    name: 'Consultation',
    timezone: 'America/New_York',
    time_slots: [{ id: 11, day_of_week: 1, start_time: '2023-01-01 09:00:00', end_time: '2023-01-01 10:00:00', max_bookings: 5 }],
  });
  const ips: (string | undefined)[] = [];
  const proxy = createBookingProxy({ apiKey: KEY, services: [1], basePath: '/api/booking', fetch: api.fetch, ...proxyOptions });
  const handler: BookingProxyHandler = (request: Request, context?: ProxyContext) => {
    ips.push(context?.clientIp);
    return proxy(request, context);
  };
  const server: Server = wrap ? createServer(wrap(toNodeHandler(handler, adapter))) : createNodeServer(handler, adapter);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    api,
    url: `http://127.0.0.1:${port}`,
    ips,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function book(run: Running, email: string, headers: Record<string, string> = {}) {
  return fetch(`${run.url}/api/booking/v1/bookings?service_id=1`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ date: MONDAY, time_slot_id: 11, customer_name: 'Jane Doe', customer_email: email }),
  });
}

async function text(response: Response): Promise<string> {
  const body = await response.text();
  assert.ok(!body.includes(KEY), `key in body: ${body}`);
  response.headers.forEach((value) => assert.ok(!value.includes(KEY), `key in a header: ${value}`));
  return body;
}

describe('proxy on a Node http server', () => {
  let run: Running;
  before(async () => {
    run = await start({}, { allowedOrigins: ['https://partner.example'] });
  });
  after(() => run.close());

  test('serves the service with the key added upstream, never in the answer', async () => {
    const response = await fetch(`${run.url}/api/booking/v1/services/1`, { headers: { Authorization: 'Bearer sk_rsv_visitor' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(JSON.parse(await text(response)).data.name, 'Consultation');
    assert.equal(run.api.requests.at(-1)!.headers.get('authorization'), `Bearer ${KEY}`);
    assert.equal(run.ips.at(-1), '127.0.0.1');
  });

  test('creates a booking', async () => {
    const response = await book(run, 'jane@example.com');
    assert.equal(response.status, 201);
    assert.equal(JSON.parse(await text(response)).data.time_slot_id, 11);
    assert.deepEqual(run.api.requests.at(-1)!.body, { date: MONDAY, time_slot_id: 11, customer_name: 'Jane Doe', customer_email: 'jane@example.com' });
  });

  test('answers 404 for other paths and 405 for other methods, without asking upstream', async () => {
    const before = run.api.requests.length;
    for (const path of ['/api/booking/v1/services/2', '/api/booking/v1/bookings/1', '/v1/services/1', '/']) {
      const response = await fetch(run.url + path);
      assert.equal(response.status, 404, path);
      assert.deepEqual(JSON.parse(await text(response)), { error: { code: 'not_found', message: 'not found' } });
    }
    const listing = await fetch(`${run.url}/api/booking/v1/bookings?service_id=1&page=1&page_size=10`);
    assert.equal(listing.status, 405);
    assert.equal(listing.headers.get('allow'), 'POST, OPTIONS');
    await listing.arrayBuffer();
    assert.equal(run.api.requests.length, before);
  });

  test('sends CORS headers to an allowed Origin only', async () => {
    const allowed = await fetch(`${run.url}/api/booking/v1/services/1`, { headers: { Origin: 'https://partner.example' } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://partner.example');
    await allowed.arrayBuffer();
    const preflight = await fetch(`${run.url}/api/booking/v1/bookings`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://partner.example', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-methods'), 'POST, OPTIONS');
    const denied = await fetch(`${run.url}/api/booking/v1/services/1`, { headers: { Origin: 'https://evil.example' } });
    assert.equal(denied.headers.get('access-control-allow-origin'), null);
    await denied.arrayBuffer();
  });

  test('refuses a body over maxBodyBytes with 413', async () => {
    const response = await fetch(`${run.url}/api/booking/v1/bookings?service_id=1`, { method: 'POST', body: 'x'.repeat(70_000) });
    assert.equal(response.status, 413);
    assert.equal(JSON.parse(await text(response)).error.code, 'payload_too_large');
  });
});

describe('client IP and X-Forwarded-For', () => {
  test('ignores X-Forwarded-For by default: anyone can send it', async () => {
    const run = await start({}, { rateLimit: { limit: 1 } });
    try {
      assert.equal((await book(run, 'a@example.com', { 'X-Forwarded-For': '198.51.100.1' })).status, 201);
      const second = await book(run, 'b@example.com', { 'X-Forwarded-For': '198.51.100.2' });
      assert.equal(second.status, 429, 'a forged header must not buy a fresh limit');
      assert.match(second.headers.get('retry-after') ?? '', /^\d+$/);
      assert.deepEqual(run.ips, ['127.0.0.1', '127.0.0.1']);
    } finally {
      await run.close();
    }
  });

  test('with trustProxy, takes the address our own proxy appended, not what the visitor wrote', async () => {
    const run = await start({ trustProxy: true }, { rateLimit: { limit: 1 } });
    try {
      assert.equal((await book(run, 'a@example.com', { 'X-Forwarded-For': '198.51.100.1' })).status, 201);
      assert.equal((await book(run, 'b@example.com', { 'X-Forwarded-For': '198.51.100.2' })).status, 201, 'another visitor');
      const forged = await book(run, 'c@example.com', { 'X-Forwarded-For': '203.0.113.66, 198.51.100.1' });
      assert.equal(forged.status, 429);
      assert.deepEqual(run.ips, ['198.51.100.1', '198.51.100.2', '198.51.100.1']);
    } finally {
      await run.close();
    }
  });

  test('trustProxy: 2 counts two hops from the right', async () => {
    const run = await start({ trustProxy: 2 });
    try {
      await (await fetch(`${run.url}/api/booking/v1/services/1`, { headers: { 'X-Forwarded-For': '203.0.113.66, 198.51.100.7, 10.0.0.2' } })).arrayBuffer();
      assert.deepEqual(run.ips, ['198.51.100.7']);
    } finally {
      await run.close();
    }
  });
});

describe('mounted the way Express mounts it', () => {
  test('uses originalUrl and a body that express.json() already parsed', async () => {
    // What app.use('/api/booking', express.json(), toNodeHandler(proxy)) hands the adapter.
    const run = await start({}, {}, (handler) => async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      Object.assign(req, { originalUrl: req.url, url: req.url!.slice('/api/booking'.length) || '/' });
      if (chunks.length) Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString()) });
      handler(req, res);
    });
    try {
      assert.equal((await fetch(`${run.url}/api/booking/v1/services/1`)).status, 200);
      const response = await book(run, 'jane@example.com');
      assert.equal(response.status, 201, await response.clone().text());
      assert.equal((run.api.requests.at(-1)!.body as { customer_email: string }).customer_email, 'jane@example.com');
    } finally {
      await run.close();
    }
  });
});
