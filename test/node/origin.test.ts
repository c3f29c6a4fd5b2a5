/** Who may write through the proxy: the rules routes added later (manage, cancel) inherit. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { origins } from '../../src/server/origin';

const site = 'https://shop.example/api/booking/v1/manage/abc';
const write = (method: string, headers: Record<string, string>) => new Request(site, { method, headers });

test('PATCH and DELETE from a foreign page are refused; without a body they need no JSON type', () => {
  const o = origins(['https://partner.example']);
  assert.equal(o.refuseWrite(write('DELETE', { Origin: 'https://shop.example' })), null);
  assert.equal(o.refuseWrite(write('DELETE', { 'Sec-Fetch-Site': 'same-origin' })), null);
  assert.equal(o.refuseWrite(write('PATCH', { Origin: 'https://partner.example', 'Sec-Fetch-Site': 'cross-site' })), null);
  assert.equal(o.refuseWrite(write('DELETE', { Origin: 'https://evil.example' }))?.status, 403);
  assert.equal(o.refuseWrite(write('PATCH', { 'Sec-Fetch-Site': 'same-site' }))?.status, 403);
  assert.equal(o.refuseWrite(write('POST', { Origin: 'https://shop.example' }))?.status, 415);
});

test('a reverse proxy that rewrites the scheme does not lock out the site in browsers that send Sec-Fetch-Site', () => {
  const behindTls = new Request('http://shop.example/api/booking/v1/bookings', {
    method: 'POST',
    headers: { Origin: 'https://shop.example', 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' },
  });
  assert.equal(origins([]).refuseWrite(behindTls), null);
});
