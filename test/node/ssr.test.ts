/**
 * Server-side rendering frameworks import the package on the server: that must not touch
 * `window`, `document` or `customElements` at import time. Checks the built library (what npm
 * users get) and the sources (what tsx / Vite SSR load).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

const root = new URL('../../', import.meta.url);
const built = (path: string) => new URL(`dist/lib/${path}`, root);
const noBuild = !existsSync(built('index.js')) && 'dist/lib is missing: run `npm run build` first';
// Computed specifiers: the type checker must not need dist/ (typecheck runs before the build).
const load = (url: URL): Promise<Record<string, unknown>> => import(pathToFileURL(url.pathname).href);

describe('importing in Node (SSR)', () => {
  test('dist/lib/index.js exports the element and the client', { skip: noBuild }, async () => {
    const mod = await load(built('index.js'));
    for (const name of ['ReserveKitBooking', 'ReserveKitClient', 'ReserveKitError', 'isReserveKitError', 'DEFAULT_API_BASE']) {
      assert.ok(mod[name], `missing export ${name}`);
    }
    assert.equal(typeof mod.ReserveKitBooking, 'function');
  });

  test('the popup, client, mock and server entries import too', { skip: noBuild }, async () => {
    const entries: Record<string, string[]> = {
      'components/booking-button/index.js': ['ReserveKitBookingButton', 'openBooking'],
      'api/index.js': ['ReserveKitClient'],
      'mock/index.js': ['createMockApi'],
      'server/index.js': ['createBookingProxy'],
      'server/node.js': ['createNodeServer'],
    };
    for (const [path, names] of Object.entries(entries)) {
      const mod = await load(built(path));
      for (const name of names) assert.ok(mod[name], `${path} lacks ${name}`);
    }
  });

  test("'reservekit-booking/standalone' imports in Node (the package's own exports map, `node` condition)", { skip: noBuild }, async () => {
    // A self-reference: Node resolves the package's name to this package, through its exports map.
    const specifier = 'reservekit-booking/standalone';
    assert.equal(import.meta.resolve(specifier), pathToFileURL(built('standalone.js').pathname).href);
    const mod = await import(specifier);
    for (const name of ['ReserveKitBooking', 'ReserveKitBookingButton', 'openBooking']) assert.equal(typeof mod[name], 'function', name);
  });

  test('src/index.ts imports under tsx', async () => {
    const mod = await load(new URL('src/index.ts', root));
    assert.equal(typeof mod.ReserveKitBooking, 'function');
    assert.equal(typeof mod.ReserveKitClient, 'function');
    const popup = await load(new URL('src/components/booking-button/index.ts', root));
    assert.equal(typeof popup.openBooking, 'function');
  });
});
