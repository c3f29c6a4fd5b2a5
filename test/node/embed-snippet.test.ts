/**
 * The preload snippet the build prints (scripts/embed-snippet.mjs) must name exactly the URLs the
 * element GETs at startup: a preload for any other URL is wasted bytes plus a second request.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getService, listServiceTimeSlots } from '../../src/api/widget-calls';
import { embedSnippet, preloadLinks, startupUrls } from '../../scripts/embed-snippet.mjs';

async function requested(apiBase: string, id: string | number) {
  const urls: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    urls.push(String(input));
    return new Response(JSON.stringify({ data: {} }));
  }) as typeof globalThis.fetch;
  const options = { apiBase, fetch, retries: 0 };
  await Promise.allSettled([getService(options, id), listServiceTimeSlots(options, id)]);
  return urls;
}

test('the snippet preloads the very URLs the element requests', async () => {
  for (const [base, id] of [
    ['https://shop.example/api/booking', 42],
    ['https://shop.example/api/booking/', '42'],
    ['https://api.reservekit.io', 'svc 7/a'],
  ] as const) {
    assert.deepEqual(startupUrls(base, id), await requested(base, id), `${base} ${id}`);
  }
});

test('the snippet: crossorigin preloads, then the script with its integrity, then the element', () => {
  assert.deepEqual(preloadLinks('/api/booking', 42), [
    '<link rel="preload" as="fetch" crossorigin href="/api/booking/v1/services/42">',
    '<link rel="preload" as="fetch" crossorigin href="/api/booking/v1/services/42/time-slots">',
  ]);
  const { head, body } = embedSnippet({ src: 'https://cdn.example/rk.js', integrity: 'sha384-abc', apiBase: '/api/booking', serviceId: 42 });
  assert.match(head, /time-slots">\n<script type="module" src="https:\/\/cdn.example\/rk.js" integrity="sha384-abc" crossorigin="anonymous"><\/script>$/);
  assert.equal(body, '<reservekit-booking service-id="42" api-base="/api/booking"></reservekit-booking>');
  assert.match(embedSnippet({ src: 'x.js', apiBase: '/a"b', serviceId: 1 }).body, /api-base="\/a&quot;b"/);
});

test('the ICU warm-up script: in the head before the element script, allowed by the hash the build prints, and it runs every step', async () => {
  const { intlWarmUp } = await import('../../scripts/intl-warmup-snippet.mjs');
  const { code, hash } = intlWarmUp();
  const { createHash } = await import('node:crypto');
  assert.equal(hash, `'sha256-${createHash('sha256').update(code).digest('base64')}'`);
  const { head } = embedSnippet({ src: 'rk.js', apiBase: '/api/booking', serviceId: 42, warmUp: code });
  assert.match(head, new RegExp(`time-slots">\\n<script>${code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</script>\\n<script type="module"`));
  assert.doesNotMatch(code, /<\/script/i);
  // Run it against a page stand-in: every step, each in its own timer task, with the page's lang.
  const { runInNewContext } = await import('node:vm');
  const timers: (() => void)[] = [];
  const seen: string[] = [];
  const intl = new Proxy(Intl, {
    get: (target, key) => {
      const value = Reflect.get(target, key);
      const note = (args: unknown[]) => seen.push(`${String(key)} ${args[0] ?? ''}`);
      return typeof value === 'function'
        ? new Proxy(value, { construct: (c, args) => (note(args), Reflect.construct(c, args)), apply: (f, self, args) => (note(args), Reflect.apply(f, self, args)) })
        : value;
    },
  });
  runInNewContext(code, { Intl: intl, document: { documentElement: { lang: 'de' } }, navigator: {}, setTimeout: (f: () => void) => timers.push(f) });
  let ran = 0;
  while (timers.length) (timers.shift()!(), ran++);
  assert.equal(ran, 6);
  assert.deepEqual(seen, ['Locale de', 'Locale de', 'supportedValuesOf timeZone', 'DateTimeFormat de', 'DateTimeFormat ']);
});
