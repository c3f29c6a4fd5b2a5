/**
 * redisStore against a real redis-server: the ProxyStore contract (rate windows, cached values
 * with a TTL, an exclusive lock that expires), shared by two stores as two proxy instances
 * would share it, and an outage that degrades to memory with one log line.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'redis';
import { redisStore, type RedisStoreOptions } from '../../src/server/redis';
import type { ProxyStore } from '../../src/server/store';
import { requireRedisServer, startRedis, type RedisServer } from './redis-server';

requireRedisServer();

let redis: RedisServer;
const open: ProxyStore[] = [];

/** A store with its own connection, as a separate proxy instance has; its log lines are kept. */
function store(options: RedisStoreOptions = {}) {
  const lines: string[] = [];
  const s = redisStore({ url: redis.url, log: (line) => lines.push(line), ...options });
  open.push(s);
  return Object.assign(s, { lines });
}

/** Each test its own keys, so no test sees another's windows or values. */
let n = 0;
const fresh = (name: string) => `${name}:${++n}`;

before(async () => {
  redis = await startRedis();
});
after(async () => {
  await Promise.all(open.map((s) => s.close?.()));
  await redis?.stop();
});

describe('redisStore: the shared contract', () => {
  test('consume counts one window across instances and refuses past the limit', async () => {
    const [a, b] = [store(), store()];
    const key = fresh('booking:203.0.113.7');
    const start = Date.now();
    assert.deepEqual(
      [await a.consume(key, 3, 60_000), await b.consume(key, 3, 60_000), await a.consume(key, 3, 60_000)].map((r) => [r.allowed, r.remaining]),
      [
        [true, 2],
        [true, 1],
        [true, 0],
      ],
    );
    const refused = await b.consume(key, 3, 60_000);
    assert.equal(refused.allowed, false);
    assert.equal(refused.remaining, 0);
    assert.ok(refused.resetAt > start + 55_000 && refused.resetAt <= Date.now() + 60_000, `resetAt ${refused.resetAt - start} ms after start`);
    // Another visitor has a window of their own.
    assert.equal((await b.consume(fresh('booking:203.0.113.8'), 3, 60_000)).allowed, true);
    assert.deepEqual(a.lines, []);
  });

  test('a window ends: the visitor may go again', async () => {
    const [a, b] = [store(), store()];
    const key = fresh('booking:198.51.100.1');
    assert.equal((await a.consume(key, 1, 1000)).allowed, true);
    const refused = await b.consume(key, 1, 1000);
    assert.equal(refused.allowed, false);
    await sleep(Math.max(0, refused.resetAt - Date.now()) + 50);
    assert.equal((await b.consume(key, 1, 1000)).allowed, true);
  });

  test('set/get: a value one instance caches is read by another until its TTL ends', async () => {
    const [a, b] = [store(), store()];
    const key = fresh('service:1');
    assert.equal(await b.get(key), null);
    await a.set(key, '{"name":"Consultation"}', 800);
    assert.equal(await b.get(key), '{"name":"Consultation"}');
    await a.set(key, '{"name":"Consultation (60 min)"}', 800);
    assert.equal(await b.get(key), '{"name":"Consultation (60 min)"}', 'a set replaces the value');
    await sleep(900);
    assert.equal(await b.get(key), null);
  });

  test('keys carry the prefix, so two sites on one Redis never see each other', async () => {
    const [site1, site2] = [store({ prefix: 'site1:' }), store({ prefix: 'site2:' })];
    const key = fresh('slots:1');
    await site1.set(key, '[1]', 10_000);
    assert.equal(await site2.get(key), null);
    const raw = createClient({ url: redis.url });
    await raw.connect();
    try {
      assert.equal(await raw.get(`site1:${key}`), '[1]');
      const ttl = await raw.pTTL(`site1:${key}`);
      assert.ok(ttl > 9000 && ttl <= 10_000, `PX ttl ${ttl}`);
      await site2.consume(key, 5, 60_000);
      assert.deepEqual(await raw.keys(`site2:*`), [`site2:rl:${key}`]);
    } finally {
      raw.destroy();
    }
  });

  test('a client of your own is connected if needed and left open by close()', async () => {
    const client = createClient({ url: redis.url });
    try {
      const s = redisStore({ client, log: () => assert.fail('nothing to log') });
      await s.set('own-client', 'yes', 10_000);
      assert.equal(client.isReady, true, 'connected by the store');
      assert.equal(await client.get('rkb:own-client'), 'yes', "the default prefix is 'rkb:'");
      await s.close!();
      assert.equal(await client.get('rkb:own-client'), 'yes', 'still open after the store closed');
    } finally {
      client.destroy();
    }
  });

  test('lock: one holder across instances until it unlocks', async () => {
    const [a, b] = [store(), store()];
    const key = fresh('lock:slots:1');
    assert.equal(await a.lock(key, 5000), true);
    assert.equal(await b.lock(key, 5000), false);
    assert.equal(await a.lock(key, 5000), false, 'not re-entrant: a second refresh in the same instance waits too');
    await b.unlock(key);
    assert.equal(await b.lock(key, 5000), false, 'unlock by a non-holder releases nothing');
    await a.unlock(key);
    assert.equal(await b.lock(key, 5000), true);
    await b.unlock(key);
  });

  test('lock: a holder that never unlocks (a crashed instance) frees it when it expires', async () => {
    const [a, b] = [store(), store()];
    const key = fresh('lock:counts:1');
    assert.equal(await a.lock(key, 500), true);
    assert.equal(await b.lock(key, 500), false);
    await sleep(600);
    assert.equal(await b.lock(key, 5000), true);
    // The late unlock of the first holder must not release the lock the second one holds now.
    await a.unlock(key);
    assert.equal(await store().lock(key, 5000), false);
    await b.unlock(key);
  });
});

describe('redisStore: Redis goes away', () => {
  test('unreachable at start: memory answers at once, one log line, no unhandled error', async () => {
    const s = redisStore({ url: 'redis://127.0.0.1:1', log: (line) => lines.push(line) });
    const lines: string[] = [];
    open.push(s);
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await s.consume('booking:192.0.2.1', 3, 60_000)).allowed);
    assert.deepEqual(results, [true, true, true, false], 'the limit still holds, per instance');
    await s.set('service:1', 'v', 10_000);
    assert.equal(await s.get('service:1'), 'v');
    assert.equal(await s.lock('lock:x', 1000), true);
    assert.equal(await s.lock('lock:x', 1000), false);
    await s.unlock('lock:x');
    assert.equal(await s.lock('lock:x', 1000), true);
    await sleep(300); // reconnect attempts keep failing meanwhile
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0]!, /Redis is unreachable \(.*ECONNREFUSED.*\): each instance keeps its own limits and caches/);
  });

  test('hangs (nothing answers, the connection stays open): memory answers after the timeout, one log line', async () => {
    const s = store({ commandTimeoutMs: 200, retryAfterMs: 400 });
    await s.set('hang', 'shared', 60_000);
    redis.pause();
    try {
      let started = Date.now();
      const key = fresh('booking:192.0.2.50');
      assert.equal((await s.consume(key, 2, 60_000)).allowed, true);
      assert.ok(Date.now() - started < 1000, `the first call waited ${Date.now() - started} ms`);
      started = Date.now();
      // Redis is left alone for retryAfterMs: these answer from memory at once.
      assert.equal((await s.consume(key, 2, 60_000)).allowed, true);
      assert.equal((await s.consume(key, 2, 60_000)).allowed, false, 'the limit holds in memory');
      assert.equal(await s.get('hang'), null, 'memory has no copy of what Redis held');
      assert.ok(Date.now() - started < 100, `calls after the first waited ${Date.now() - started} ms`);
      assert.equal(s.lines.length, 1, s.lines.join('\n'));
      assert.match(s.lines[0]!, /^Redis is unreachable \(no answer within 200 ms\)/);
    } finally {
      redis.resume();
    }
    await sleep(450);
    assert.equal(await s.get('hang'), 'shared');
    assert.deepEqual(s.lines.slice(1), ['Redis answers again: limits and caches are shared again.']);
  });

  test('killed mid-run: memory answers with one log line; when it is back the state is shared again', async () => {
    const [a, b] = [store(), store()];
    await a.set('k', 'before', 60_000);
    assert.equal(await b.get('k'), 'before');

    await redis.kill();
    const key = fresh('booking:192.0.2.9');
    const started = Date.now();
    const outcomes = [];
    for (let i = 0; i < 7; i++) outcomes.push((await a.consume(key, 5, 60_000)).allowed);
    assert.deepEqual(outcomes, [true, true, true, true, true, false, false], 'five attempts allowed per instance, never refused all');
    await a.set('k', 'during', 60_000);
    assert.equal(await a.get('k'), 'during', 'each instance caches in memory meanwhile');
    assert.equal(await a.lock('lock:k', 1000), true);
    await a.unlock('lock:k');
    assert.ok(Date.now() - started < 2000, `answers did not wait for Redis (${Date.now() - started} ms)`);
    assert.equal(a.lines.length, 1, a.lines.join('\n'));
    assert.match(a.lines[0]!, /^Redis is unreachable/);

    await redis.restart();
    // node-redis reconnects with backoff (at most 2 s between attempts).
    for (const deadline = Date.now() + 5000; !(a.lines.length > 1 && b.lines.length > 1) && Date.now() < deadline; ) await sleep(50);
    assert.deepEqual(a.lines.slice(1), ['Redis answers again: limits and caches are shared again.']);
    await a.set('k', 'after', 60_000);
    assert.equal(await b.get('k'), 'after');
    assert.equal(b.lines.length, 2, b.lines.join('\n'));
  });

  test('a lock taken in memory during an outage is released there after Redis is back', async () => {
    const s = store();
    const key = fresh('lock:slots:2');
    await s.set('warm', 'up', 1000);
    await redis.kill();
    let running = false;
    try {
      assert.equal(await s.lock(key, 60_000), true, 'taken in memory');
      await redis.restart();
      running = true;
      for (const deadline = Date.now() + 5000; s.lines.length < 2 && Date.now() < deadline; ) await sleep(50);
      assert.match(s.lines[1] ?? '', /^Redis answers again/);
      await s.unlock(key);
      // Redis away again: memory answers, and the lock released above is free there.
      await redis.kill();
      running = false;
      for (const deadline = Date.now() + 5000; s.lines.length < 3 && Date.now() < deadline; ) await sleep(50);
      assert.match(s.lines[2] ?? '', /^Redis is unreachable/);
      assert.equal(await s.lock(key, 60_000), true, 'not held until its 60 s expiry');
      await s.unlock(key);
    } finally {
      if (!running) await redis.restart();
    }
  });
});
