/**
 * The proxy on a real Node http server in front of a hostile upstream (a real http server too),
 * with Node's own fetch: redirects, endless bodies, endless pages, visitors who leave, junk
 * methods, and what the owner's log says about each.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { request as rawRequest } from 'node:http';
import { after, afterEach, before, describe, test } from 'node:test';
import { createBookingProxy, type BookingProxyOptions } from '../../src/server/index';
import { createNodeServer } from '../../src/server/node';

const KEY = 'sk_rsv_live_9f8e7d6c5b4a';
const MONDAY = '2026-12-07';
const service = { id: 1, name: 'Consultation', timezone: 'America/New_York' };
const slot = { id: 11, day_of_week: 1, start_time: '2023-01-01 09:00:00', end_time: '2023-01-01 10:00:00', max_bookings: 5 };

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** An upstream whose routes the test sets; every request is logged. */
const upstream = {
  server: undefined as Server | undefined,
  url: '',
  seen: [] as string[],
  route: (_req: IncomingMessage, _res: ServerResponse): void => undefined,
};

let proxyServer: Server;
let proxyUrl: string;
let logged: string[];
const consoleError = console.error;

async function startProxy(options: Partial<BookingProxyOptions> = {}) {
  proxyServer = createNodeServer(createBookingProxy({ apiKey: KEY, services: [1], basePath: '/api', apiBase: upstream.url, timeoutMs: 2000, ...options }));
  proxyUrl = await listen(proxyServer);
}

before(async () => {
  upstream.server = createServer((req, res) => {
    upstream.seen.push(req.url!);
    upstream.route(req, res);
  });
  upstream.url = await listen(upstream.server);
  logged = [];
  console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
});

after(async () => {
  console.error = consoleError;
  await close(upstream.server!);
});

afterEach(async () => {
  upstream.seen = [];
  logged.length = 0;
  if (proxyServer) await close(proxyServer);
});

const sendJson = (res: ServerResponse, body: unknown, status = 200) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a hostile upstream', () => {
  test('a redirect is not followed: 502, and the redirect target is never asked', async () => {
    upstream.route = (req, res) => {
      if (req.url === '/v1/services/1') return void res.writeHead(302, { Location: '/v1/services/124' }).end();
      sendJson(res, { data: { ...service, id: 124, name: 'Not allow-listed' } });
    };
    await startProxy();
    const response = await fetch(`${proxyUrl}/api/v1/services/1`);
    assert.equal(response.status, 502);
    assert.equal((await response.json()).error.code, 'bad_gateway');
    assert.deepEqual(upstream.seen, ['/v1/services/1']);
    assert.equal(logged.length, 1);
    assert.match(logged[0]!, /HTTP 302 to \/v1\/services\/124; redirects are not followed/);
  });

  test('an endless body is cut off at maxUpstreamBytes with 502, and its connection closed', async () => {
    let closed = false;
    upstream.route = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"data": {"name": "');
      const chunk = 'x'.repeat(64 * 1024);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => (closed = true));
      pump();
    };
    await startProxy({ maxUpstreamBytes: 256 * 1024 });
    const response = await fetch(`${proxyUrl}/api/v1/services/1`);
    assert.equal(response.status, 502);
    assert.equal((await response.json()).error.message, 'The booking service sent an unexpected response');
    await sleep(50);
    assert.ok(closed, 'the upstream connection is closed, not drained');
    assert.match(logged.join('\n'), /more than 262144 bytes/);
  });

  test('a walk through endless pages stops when the visitor leaves', async () => {
    upstream.route = (req, res) => {
      const url = new URL(req.url!, upstream.url);
      if (url.pathname === '/v1/services/1/time-slots') return sendJson(res, { data: [slot] });
      const page = Number(url.searchParams.get('page'));
      const body = { data: { bookings: [{ id: page, date: MONDAY, time_slot_id: 11 }], pagination: { current_page: page, total_pages: 1e9, total_count: 1e9, page_size: 100 } } };
      setTimeout(() => sendJson(res, body), 20);
    };
    await startProxy({ maxBookingPages: 1000, now: () => Date.parse('2026-12-01T12:00:00Z') });
    const leaving = fetch(`${proxyUrl}/api/v1/services/1/availability?from=${MONDAY}&to=${MONDAY}`, { signal: AbortSignal.timeout(200) });
    await assert.rejects(leaving);
    await sleep(100);
    const atLeave = upstream.seen.length;
    await sleep(300);
    assert.ok(upstream.seen.length <= atLeave + 1, `the walk went on after the visitor left: ${atLeave} -> ${upstream.seen.length}`);
    assert.ok(atLeave < 30);
    assert.deepEqual(logged, [], 'a visitor leaving is not logged');
  });

  test('an unreachable API is logged in one line with its cause', async () => {
    const dead = createServer();
    const deadUrl = await listen(dead);
    await close(dead);
    proxyServer = createNodeServer(createBookingProxy({ apiKey: KEY, services: [1], basePath: '/api', apiBase: deadUrl }));
    proxyUrl = await listen(proxyServer);
    const response = await fetch(`${proxyUrl}/api/v1/services/1`);
    assert.equal(response.status, 502);
    assert.equal(logged.length, 1);
    assert.ok(!logged[0]!.includes('\n'), logged[0]);
    assert.match(logged[0]!, /upstream network: .*caused by .*ECONNREFUSED/);
  });
});

describe('junk from visitors', () => {
  before(() => (upstream.route = (_req, res) => sendJson(res, { data: service })));

  test('TRACE gets 405 without a log line', async () => {
    await startProxy();
    const trace = () =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(`${proxyUrl}/api/v1/services/1`);
        rawRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'TRACE' }, (res) => (res.resume(), resolve(res.statusCode!))).on('error', reject).end();
      });
    // The review sent 40 of them and got 220 log lines.
    const statuses = await Promise.all(Array.from({ length: 40 }, trace));
    assert.deepEqual(new Set(statuses), new Set([405]));
    assert.deepEqual(logged, []);
  });

  test('a visitor who aborts mid-body is not logged', async () => {
    await startProxy();
    const url = new URL(`${proxyUrl}/api/v1/bookings?service_id=1`);
    const req = rawRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': '1000' } });
    req.on('error', () => {});
    req.write('{"date": "2026-');
    await sleep(50);
    req.destroy();
    await sleep(100);
    assert.deepEqual(logged, []);
  });
});

describe('docs/proxy.md', () => {
  const doc = readFileSync(new URL('../../docs/proxy.md', import.meta.url), 'utf8');

  test("the Next.js example does not trust the leftmost X-Forwarded-For, which the visitor writes", () => {
    assert.doesNotMatch(doc, /x-forwarded-for['"]?\)\??\.split\(['"],['"]\)\[0\]/i);
  });

  test('the CSP names Trusted Types for lit-html, and trustProxy carries a warning', () => {
    assert.match(doc, /trusted-types lit-html/);
    assert.match(doc, /require-trusted-types-for 'script'/);
    assert.match(doc, /\*\*Warning:[^*]*trustProxy[^*]*\*\*/);
  });
});
