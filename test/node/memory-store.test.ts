/** The default store: O(1) per hit whatever the number of visitors, bounded memory, and visitors keyed by /64. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { visitorKey } from '../../src/server/client-ip';
import { memoryRateLimitStore, memoryStore } from '../../src/server/index';

/**
 * Counts the Map entries visited while `run` runs, by wrapping the iterators Maps hand out: a
 * scan shows up as thousands of steps per hit, however fast the machine is.
 */
async function mapSteps(run: () => Promise<void>): Promise<number> {
  let steps = 0;
  const proto = Map.prototype as unknown as Record<string | symbol, (...args: unknown[]) => Iterator<unknown>>;
  const originals = new Map<string | symbol, (...args: unknown[]) => Iterator<unknown>>();
  for (const name of ['entries', 'keys', 'values', Symbol.iterator] as const) {
    const original = proto[name]!;
    originals.set(name, original);
    proto[name] = function (this: Map<unknown, unknown>, ...args: unknown[]) {
      const it = original.apply(this, args);
      const next = it.next.bind(it);
      it.next = (...a: []) => (steps++, next(...a));
      return it;
    };
  }
  try {
    await run();
  } finally {
    for (const [name, original] of originals) proto[name] = original;
  }
  return steps;
}

describe('memory store', () => {
  test('a hit costs O(1) with 50 000 live visitors (the old store scanned them all past 10 000)', async () => {
    const t = 1_000_000;
    const legacy = memoryRateLimitStore(() => t);
    const store = memoryStore({ now: () => t });
    for (let i = 0; i < 50_000; i++) {
      await legacy.hit(`booking:10.0.${i >> 8}.${i & 255}`, 600_000);
      await store.consume(`booking:10.0.${i >> 8}.${i & 255}`, 5, 600_000);
    }
    const steps = await mapSteps(async () => {
      for (let i = 0; i < 100; i++) {
        await legacy.hit(`booking:192.0.2.${i}`, 600_000);
        await store.consume(`booking:192.0.2.${i}`, 5, 600_000);
      }
    });
    assert.ok(steps <= 100 * 2 * 4, `${steps} map steps for 200 hits`);
  });

  test('memory stays bounded: past maxEntries the oldest window goes, and expired ones are dropped as it goes', async () => {
    let t = 0;
    const store = memoryStore({ maxEntries: 1000, now: () => t });
    assert.equal((await store.consume('first', 1, 60_000)).allowed, true);
    assert.equal((await store.consume('first', 1, 60_000)).allowed, false);
    for (let i = 0; i < 1000; i++) await store.consume(`visitor:${i}`, 1, 60_000);
    assert.equal((await store.consume('first', 1, 60_000)).allowed, true, 'evicted as the oldest');

    await store.set('value', 'v', 1000);
    assert.equal(await store.get('value'), 'v');
    t += 1000;
    assert.equal(await store.get('value'), null);
  });

  test('a lock is held until released or expired', async () => {
    let t = 0;
    const store = memoryStore({ now: () => t });
    assert.equal(await store.lock('refresh', 5000), true);
    assert.equal(await store.lock('refresh', 5000), false);
    await store.unlock('refresh');
    assert.equal(await store.lock('refresh', 5000), true);
    t += 5000;
    assert.equal(await store.lock('refresh', 5000), true, 'a dead holder does not block forever');
  });

  test('windows report remaining and reset', async () => {
    const store = memoryStore({ now: () => 10_000 });
    assert.deepEqual(await store.consume('k', 2, 60_000), { allowed: true, remaining: 1, resetAt: 70_000 });
    assert.deepEqual(await store.consume('k', 2, 60_000), { allowed: true, remaining: 0, resetAt: 70_000 });
    assert.deepEqual(await store.consume('k', 2, 60_000), { allowed: false, remaining: 0, resetAt: 70_000 });
  });
});

describe('visitorKey', () => {
  test('groups IPv6 by /64, in any spelling', () => {
    for (const ip of ['2001:db8::1', '2001:DB8:0:0:ffff::2', '2001:0db8:0000:0000:1:2:3:4', '[2001:db8::5]', 'fe80::1%eth0'.replace('fe80', '2001:db8')]) {
      assert.equal(visitorKey(ip), '2001:db8:0:0::/64', ip);
    }
    assert.equal(visitorKey('2001:db8:0:1::1'), '2001:db8:0:1::/64');
    assert.equal(visitorKey('::1'), '0:0:0:0::/64');
    assert.equal(visitorKey('::ffff:203.0.113.7'), '203.0.113.7');
    assert.equal(visitorKey('203.0.113.7'), '203.0.113.7');
    assert.equal(visitorKey('not an ip'), 'not an ip');
    assert.equal(visitorKey('1:2:3'), '1:2:3', 'unparsable: kept as written');
  });
});
