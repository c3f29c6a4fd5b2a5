/** Cached reads through a store: one load per key per TTL, across callers and instances, and none for callers who left. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { memoryStore } from '../../src/server/memory-store';
import { readCache } from '../../src/server/read-cache';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function counted<T>(value: T, ms = 30) {
  const calls: AbortSignal[] = [];
  const load = async (signal: AbortSignal) => {
    calls.push(signal);
    await sleep(ms);
    signal.throwIfAborted();
    return value;
  };
  return { calls, load };
}

describe('readCache', () => {
  test("two instances on one store: the second waits for the first one's value instead of loading", async () => {
    const store = memoryStore();
    const [a, b] = [readCache(store, { now: Date.now, lockTtlMs: 5000, pollMs: 5 }).read, readCache(store, { now: Date.now, lockTtlMs: 5000, pollMs: 5 }).read];
    const { calls, load } = counted('v', 50);
    const results = await Promise.all([a('k', load, { ttlMs: 1000 }), b('k', load, { ttlMs: 1000 }), a('k', load, { ttlMs: 1000 })]);
    assert.deepEqual(results.map((r) => r.value), ['v', 'v', 'v']);
    assert.equal(calls.length, 1);
  });

  test('when the loading instance fails, a waiting one takes the lock and loads', async () => {
    const store = memoryStore();
    const a = readCache(store, { now: Date.now, lockTtlMs: 5000, pollMs: 5 }).read;
    const b = readCache(store, { now: Date.now, lockTtlMs: 5000, pollMs: 5 }).read;
    const failing = a('k', async () => (await sleep(30), Promise.reject(new Error('upstream 503'))), { ttlMs: 1000 });
    const { calls, load } = counted('v');
    const waiting = b('k', load, { ttlMs: 1000 });
    await assert.rejects(failing, /upstream 503/);
    assert.equal((await waiting).value, 'v');
    assert.equal(calls.length, 1);
  });

  test('a load is aborted once every caller has left, and kept while one still waits', async () => {
    const { read } = readCache(memoryStore(), { now: Date.now, lockTtlMs: 5000 });
    const { calls, load } = counted('v', 50);
    const [first, second] = [new AbortController(), new AbortController()];
    const one = read('k', load, { ttlMs: 1000, signal: first.signal });
    const two = read('k', load, { ttlMs: 1000, signal: second.signal });
    first.abort();
    await assert.rejects(one);
    assert.equal(calls[0]!.aborted, false, 'the second caller still waits');
    second.abort();
    await assert.rejects(two);
    assert.equal(calls[0]!.aborted, true);
  });

  test('a value is reused (and changed in place) until its TTL ends', async () => {
    let t = 0;
    const { read, update } = readCache(memoryStore({ now: () => t }), { now: () => t, lockTtlMs: 5000 });
    const { calls, load } = counted('v', 0);
    assert.equal((await read('k', load, { ttlMs: 1000 })).expiresAt, 1000);
    t = 999;
    await update<string>('k', (v) => v + ' changed');
    assert.deepEqual(await read('k', load, { ttlMs: 1000 }), { value: 'v changed', expiresAt: 1000 }, 'a change keeps the expiry');
    t = 1000;
    assert.equal((await read('k', load, { ttlMs: 1000 })).expiresAt, 2000);
    assert.equal(calls.length, 2);
  });
});
