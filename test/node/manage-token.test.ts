/** Manage-link tokens on Node's Web Crypto: round trip, expiry, tampering, secrets. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createManageTokens, manageExpiry, manageUrl } from '../../src/server/manage-token';

const SECRET = 'x'.repeat(32);
const T0 = Date.parse('2026-12-01T00:00:00Z');

test('a token names its booking until it expires', async () => {
  const tokens = createManageTokens(SECRET);
  const token = await tokens.sign(789, T0 + 60_000);
  assert.match(token, /^[\w-]{60}$/);
  assert.equal(await tokens.verify(token, T0), 789);
  assert.equal(await tokens.verify(token, T0 + 59_999), 789);
  assert.equal(await tokens.verify(token, T0 + 60_000), null);
  assert.equal(await createManageTokens(new TextEncoder().encode(SECRET)).verify(token, T0), 789, 'bytes and text are the same key');
});

test('changing any character of a token, or the secret, voids it', async () => {
  const tokens = createManageTokens(SECRET);
  const token = await tokens.sign(42, T0 + 86_400_000);
  for (let i = 0; i < token.length; i++) {
    const changed = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
    assert.equal(await tokens.verify(changed, T0), null, `position ${i}`);
  }
  assert.equal(await createManageTokens('y'.repeat(32)).verify(token, T0), null);
  for (const junk of ['', 'A'.repeat(60), token + 'A', token.slice(1), '!'.repeat(60)]) assert.equal(await tokens.verify(junk, T0), null);
});

test('a secret under 32 bytes is a TypeError that says how to make one', () => {
  assert.throws(() => createManageTokens('x'.repeat(31)), { name: 'TypeError', message: /at least 32 bytes.*openssl rand/ });
  assert.throws(() => createManageTokens(new Uint8Array(16)), TypeError);
});

test('expiry is a day after the booked wall-clock time in the service zone, across DST', () => {
  assert.equal(manageExpiry('2026-12-07', '2023-01-01 09:00:00', 'America/New_York'), Date.parse('2026-12-08T14:00:00Z'));
  assert.equal(manageExpiry('2026-07-06', '2023-01-01 09:00:00', 'America/New_York'), Date.parse('2026-07-07T13:00:00Z'));
  assert.equal(manageExpiry('2026-12-07', '09:30', 'Asia/Tokyo'), Date.parse('2026-12-08T00:30:00Z'));
});

test('manageUrl fills every {token}', () => {
  assert.equal(manageUrl('https://a.example/m?token={token}#{token}', 'a-b_c'), 'https://a.example/m?token=a-b_c#a-b_c');
});
