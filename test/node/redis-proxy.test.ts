/**
 * Two proxy instances (two `createBookingProxy` handlers, each with its own Redis connection)
 * behind one real redis-server, against one upstream that counts its calls: they share one
 * booking limit per visitor and one upstream fetch per TTL, and a Redis that dies mid-run
 * costs a log line, not a booking.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { build } from 'esbuild';
import { createClient } from 'redis';
import { createMockApi, type MockApi } from '../../src/mock/index';
import { createBookingProxy, type BookingProxyHandler, type BookingProxyOptions } from '../../src/server/index';
import { redisStore, type RedisStoreOptions } from '../../src/server/redis';
import type { ProxyStore } from '../../src/server/store';
import { requireRedisServer, startRedis, type RedisServer } from './redis-server';

requireRedisServer();

const KEY = 'sk_rsv_secret';
const ORIGIN = 'https://shop.example';
const DAY = 86_400_000;
/** A date a week or so ahead, and a slot on its weekday: always inside the booking window. */
const DATE = new Date(Date.now() + 8 * DAY).toISOString().slice(0, 10);
const WEEKDAY = new Date(DATE).getUTCDay();
const CUSTOMER = { customer_name: 'Jane Doe', customer_email: 'jane.doe@example.com', customer_phone: '+12025550185' };

let redis: RedisServer;
let run = 0;

interface Instance {
  proxy: BookingProxyHandler;
  store: ProxyStore;
  /** Lines the store logged and errors the proxy reported. */
  logs: string[];
}

interface Site {
  api: MockApi;
  a: Instance;
  b: Instance;
  /** Upstream requests, as `METHOD /path`. */
  calls: string[];
  prefix: string;
}

const sites: Site[] = [];

/** One upstream, with latency so concurrent requests really overlap, and two instances over one Redis. */
function site(options: Partial<BookingProxyOptions> = {}, storeOptions: RedisStoreOptions = {}): Site {
  const api = createMockApi({ apiKey: KEY });
  api.seedService({
    id: 1,
    name: 'Consultation',
    timezone: 'UTC',
    time_slots: [{ id: 11, day_of_week: WEEKDAY, start_time: '2023-01-01 09:00:00', end_time: '2023-01-01 10:00:00', max_bookings: 100 }],
  });
  const calls: string[] = [];
  const upstream: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    calls.push(`${request.method} ${new URL(request.url).pathname}`);
    await sleep(30);
    return api.fetch(request);
  };
  const prefix = `test${++run}:`;
  const instance = (): Instance => {
    const logs: string[] = [];
    const store = redisStore({ url: redis.url, prefix, log: (line) => logs.push(line), ...storeOptions });
    const proxy = createBookingProxy({
      apiKey: KEY,
      services: [1],
      basePath: '/api/booking',
      fetch: upstream,
      store,
      onError: (error) => logs.push(`proxy: ${error instanceof Error ? error.message : String(error)}`),
      ...options,
    });
    return { proxy, store, logs };
  };
  const s = { api, a: instance(), b: instance(), calls, prefix };
  sites.push(s);
  return s;
}

function get(instance: Instance, path: string, ip = '203.0.113.7') {
  return instance.proxy(new Request(`${ORIGIN}/api/booking${path}`), { clientIp: ip });
}

/** Books as `email`; the mock refuses a second booking by the same customer as a duplicate. */
function book(instance: Instance, ip: string, email = CUSTOMER.customer_email) {
  const customer = email === CUSTOMER.customer_email ? CUSTOMER : { customer_name: email.split('@')[0], customer_email: email };
  return instance.proxy(
    new Request(`${ORIGIN}/api/booking/v1/bookings?service_id=1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
      body: JSON.stringify({ date: DATE, time_slot_id: 11, ...customer }),
    }),
    { clientIp: ip },
  );
}

const count = (calls: string[], path: string) => calls.filter((c) => c === path).length;

before(async () => {
  redis = await startRedis();
});
afterEach(async () => {
  await Promise.all(sites.splice(0).flatMap((s) => [s.a.store.close?.(), s.b.store.close?.()]));
});
after(() => redis?.stop());


/** Whether Redis holds a rate-limit window for `ip`: the instances share their limits again. */
async function limitInRedis(url: string, ip: string): Promise<boolean> {
  const raw = createClient({ url });
  await raw.connect();
  try {
    return (await raw.keys('*')).some((k) => k.includes(ip));
  } finally {
    raw.destroy();
  }
}
describe('two proxy instances on one Redis', () => {
  test('share one booking limit per visitor', async () => {
    const { a, b, api } = site({ rateLimit: { limit: 3 } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await book(i % 2 ? b : a, '198.51.100.20', `visitor${i}@example.com`)).status);
    // Per instance, each would have allowed three (six in all).
    assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
    const refused = await book(a, '198.51.100.20', 'again@example.com');
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('Retry-After')) > 500, `Retry-After ${refused.headers.get('Retry-After')}`);
    assert.equal((await book(b, '198.51.100.21', 'other@example.com')).status, 201, 'another visitor has a limit of their own');
    assert.equal(api.store.bookings.length, 4);
  });

  test('cost the upstream one fetch per read per TTL, whatever the traffic', async () => {
    // The proxies' clock, moved past the TTL by hand: a slow machine cannot expire the cache mid-test.
    const clock = { t: Date.now() };
    const { a, b, calls } = site({ slotsTtlMs: 60_000, availabilityTtlMs: 60_000, now: () => clock.t });
    const to = new Date(Date.parse(DATE) + 14 * DAY).toISOString().slice(0, 10);
    const paths = ['/v1/services/1', '/v1/services/1/time-slots', `/v1/services/1/availability?from=${DATE}&to=${to}`];
    const burst = async () => {
      const replies = await Promise.all(Array.from({ length: 60 }, (_, i) => get(i % 2 ? b : a, paths[i % 3]!, `192.0.2.${i}`)));
      assert.deepEqual([...new Set(replies.map((r) => r.status))], [200]);
      return replies;
    };
    const first = await burst();
    const upstreamReads = () => ['GET /v1/services/1', 'GET /v1/services/1/time-slots', 'GET /v1/bookings'].map((p) => count(calls, p));
    assert.deepEqual(upstreamReads(), [1, 1, 1], calls.join('\n'));
    const availability = (await first[2]!.json()) as { data: { availability: unknown[] } };
    assert.ok(availability.data.availability.length >= 2, 'availability answered from the cached slots and counts');

    clock.t += 59_000;
    await burst();
    assert.deepEqual(upstreamReads(), [1, 1, 1], 'still within the TTL');
    clock.t += 2000;
    await burst();
    assert.deepEqual(upstreamReads(), [2, 2, 2], 'once more after the TTL, for both instances together');
  });

  test('keep no customer data in Redis', async () => {
    const { a, b, prefix } = site();
    assert.equal((await book(a, '198.51.100.30')).status, 201);
    await get(b, `/v1/services/1/availability?from=${DATE}&to=${DATE}`);
    const raw = createClient({ url: redis.url });
    await raw.connect();
    try {
      const keys = await raw.keys(`${prefix}*`);
      assert.ok(keys.length >= 3, keys.join(', '));
      const values = await Promise.all(keys.map((k) => raw.get(k)));
      const stored = keys.map((k, i) => `${k} = ${values[i]}`).join('\n');
      for (const secret of [CUSTOMER.customer_name, CUSTOMER.customer_email, CUSTOMER.customer_phone, KEY]) assert.ok(!stored.includes(secret), `${secret} in\n${stored}`);
    } finally {
      raw.destroy();
    }
  });

  test('Redis killed mid-run: bookings still work, each instance logs one line, sharing resumes', async () => {
    const { a, b, api } = site({ rateLimit: { limit: 50 } });
    assert.equal((await book(a, '198.51.100.40', 'before@example.com')).status, 201);
    await redis.kill();
    const statuses = [];
    for (let i = 0; i < 10; i++) {
      statuses.push((await book(i % 2 ? b : a, `198.51.100.${50 + i}`, `during${i}@example.com`)).status);
      statuses.push((await get(i % 2 ? a : b, '/v1/services/1')).status);
    }
    assert.deepEqual(statuses, Array.from({ length: 10 }, () => [201, 200]).flat());
    assert.equal(api.store.bookings.length, 11);
    for (const { logs } of [a, b]) {
      assert.equal(logs.length, 1, logs.join('\n'));
      assert.match(logs[0]!, /^Redis is unreachable \(.+\): each instance keeps its own limits and caches/);
    }

    await redis.restart();
    for (const deadline = Date.now() + 5000; (a.logs.length < 2 || b.logs.length < 2) && Date.now() < deadline; ) await sleep(50);
    assert.match(a.logs[1] ?? '', /^Redis answers again/);
    assert.equal((await book(b, '198.51.100.60', 'after@example.com')).status, 201);
    assert.ok(await limitInRedis(redis.url, '198.51.100.60'), 'the limit counts in Redis again');
  });

  test('Redis hangs mid-run: visitors wait at most one command timeout, each instance logs one line, sharing resumes', async () => {
    const { a, b, api } = site({ rateLimit: { limit: 50 } }, { commandTimeoutMs: 200, retryAfterMs: 400 });
    assert.equal((await book(a, '198.51.100.70', 'before@example.com')).status, 201);
    redis.pause();
    try {
      const statuses: number[] = [];
      let slowest = 0;
      const timed = async (request: Promise<{ status: number }>) => {
        const started = Date.now();
        statuses.push((await request).status);
        slowest = Math.max(slowest, Date.now() - started);
      };
      for (let i = 0; i < 6; i++) {
        await timed(book(i % 2 ? b : a, `198.51.100.${71 + i}`, `hang${i}@example.com`));
        await timed(get(i % 2 ? a : b, '/v1/services/1'));
      }
      assert.deepEqual(statuses, Array.from({ length: 6 }, () => [201, 200]).flat());
      // Each request under the proxy's own one-second store timeout (one such wait would be all
      // of it): the store's 200 ms timeout answered first.
      assert.ok(slowest < 1000, `a request took ${slowest} ms`);
      assert.equal(api.store.bookings.length, 7);
      for (const { logs } of [a, b]) {
        assert.equal(logs.length, 1, logs.join('\n'));
        assert.match(logs[0]!, /^Redis is unreachable \(no answer within 200 ms\): each instance keeps its own limits and caches/);
      }
    } finally {
      redis.resume();
    }

    // A Redis that hung emits no 'ready': the first answer after retryAfterMs is the news.
    await sleep(450);
    assert.equal((await book(b, '198.51.100.80', 'after@example.com')).status, 201);
    assert.equal((await get(a, '/v1/services/1', '198.51.100.81')).status, 200);
    for (const { logs } of [a, b]) assert.deepEqual(logs.slice(1), ['Redis answers again: limits and caches are shared again.']);
    assert.ok(await limitInRedis(redis.url, '198.51.100.80'), 'the limit counts in Redis again');
  });
});

test('the proxy itself imports nothing Redis-related', async () => {
  const { metafile } = await build({
    entryPoints: [new URL('../../src/server/index.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
  });
  const inputs = Object.keys(metafile.inputs);
  assert.ok(inputs.some((i) => i.endsWith('src/server/index.ts')));
  assert.deepEqual(
    inputs.filter((i) => /node_modules\/(redis|@redis|rate-limiter-flexible)\/|src\/server\/redis\.ts/.test(i)),
    [],
  );
});

const root = new URL('../..', import.meta.url).pathname;
const noBuild = !existsSync(join(root, 'dist/lib/server/redis.js')) && 'dist/lib is missing: run `npm run build` first';

test('the built package: reservekit-booking/server/redis through the exports map, in plain Node', { skip: noBuild }, async () => {
  const app = mkdtempSync(join(tmpdir(), 'rkb-redis-app-'));
  try {
    mkdirSync(join(app, 'node_modules'));
    symlinkSync(root, join(app, 'node_modules/reservekit-booking'), 'dir');
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true, "type": "module" }');
    writeFileSync(
      join(app, 'main.js'),
      [
        "import { createBookingProxy } from 'reservekit-booking/server';",
        "import { redisStore } from 'reservekit-booking/server/redis';",
        "const store = redisStore({ url: process.argv[2], prefix: 'packaged:' });",
        "createBookingProxy({ apiKey: 'sk_rsv_x', services: [1], store });",
        "const hit = await store.consume('booking:192.0.2.1', 5, 60000);",
        'await store.close();',
        'console.log(JSON.stringify(hit.remaining));',
      ].join('\n'),
    );
    assert.equal(execFileSync(process.execPath, ['main.js', redis.url], { cwd: app, encoding: 'utf8' }).trim(), '4');
    const raw = createClient({ url: redis.url });
    await raw.connect();
    try {
      assert.deepEqual(await raw.keys('packaged:*'), ['packaged:rl:booking:192.0.2.1']);
    } finally {
      raw.destroy();
    }
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
});
