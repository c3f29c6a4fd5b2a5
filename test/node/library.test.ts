/**
 * The library build as an app's bundler sees it, in a throwaway app that links this package
 * (linked-app.ts): bundled with esbuild and Vite, and type-checked the way apps resolve it.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { linkedApp, noBuild, root } from './linked-app';

const app = linkedApp('rk-app-');

const registers = (code: string, tag: string) => new RegExp(`customElements\\.define\\(\\s*["']${tag}["']`).test(code);
/** lit-html records its version once per copy that runs. */
const litCopies = (code: string) => (code.match(/litHtmlVersions/g) ?? []).length;

for (const bundler of ['esbuild', 'vite'] as const) {
  describe(`the library through ${bundler}`, { skip: noBuild }, () => {
    test('shares the app\'s lit: one copy, and only built files from the package', async () => {
      const { code, inputs } = await app.bundle(bundler, "import { LitElement } from 'lit';\nimport { ReserveKitBooking } from 'reservekit-booking';\nconsole.log(LitElement, ReserveKitBooking);\n");
      assert.equal(litCopies(code), 1);
      assert.equal(inputs.filter((i) => /lit-html\/lit-html\.js$/.test(i)).length, 1, inputs.join('\n'));
      assert.ok(!inputs.some((i) => /\/src\/.*\.ts$/.test(i)), 'sources leaked into the bundle');
      assert.ok(inputs.some((i) => i.includes('dist/lib/components/booking/booking.component.js')));
      assert.ok(registers(code, 'reservekit-booking'));
    });

    test('a bare import registers the element (sideEffects keeps it)', async () => {
      const { code } = await app.bundle(bundler, "import 'reservekit-booking';\n");
      assert.ok(registers(code, 'reservekit-booking'));
    });

    test('the popup entry registers both elements', async () => {
      const { code } = await app.bundle(bundler, "import { openBooking } from 'reservekit-booking/booking-button';\nconsole.log(openBooking);\n");
      assert.ok(registers(code, 'reservekit-booking-button') && registers(code, 'reservekit-booking'));
    });

    test('the manage entry registers the manage page', async () => {
      const { code } = await app.bundle(bundler, "import 'reservekit-booking/manage';\n");
      assert.ok(registers(code, 'reservekit-booking-manage'));
    });

    test('the React entry registers the elements whose wrappers the app uses, and only those', async () => {
      const booking = await app.bundle(bundler, "import { ReserveKitBooking } from 'reservekit-booking/react';\nconsole.log(ReserveKitBooking);\n");
      assert.ok(registers(booking.code, 'reservekit-booking'));
      assert.ok(!registers(booking.code, 'reservekit-booking-manage'), 'an app without the manage page bundles it');
      const manage = await app.bundle(bundler, "import { ReserveKitBookingManage } from 'reservekit-booking/react';\nconsole.log(ReserveKitBookingManage);\n");
      assert.ok(registers(manage.code, 'reservekit-booking-manage'));
      assert.ok(!registers(manage.code, 'reservekit-booking'), 'a manage page bundles the booking widget');
    });

    test('the client alone brings no lit and no element', async () => {
      const { code } = await app.bundle(bundler, "import { ReserveKitClient } from 'reservekit-booking/client';\nconsole.log(new ReserveKitClient());\n");
      assert.equal(litCopies(code), 0);
      assert.ok(!registers(code, 'reservekit-booking'));
    });
  });
}

describe('the library types', { skip: noBuild }, () => {
  /** Type-checks `lines` as an app's module, under both resolutions apps use. */
  function typecheck(lines: string[]) {
    writeFileSync(join(app.dir, 'use.ts'), lines.join('\n'));
    for (const resolution of ['nodenext', 'bundler']) {
      const options = { module: resolution === 'bundler' ? 'esnext' : 'nodenext', moduleResolution: resolution, target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, lib: ['es2023', 'dom', 'dom.iterable'], types: [] };
      writeFileSync(join(app.dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['use.ts'] }));
      try {
        execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', app.dir], { encoding: 'utf8' });
      } catch (error) {
        assert.fail(`tsc (${resolution}):\n${(error as { stdout: string }).stdout}`);
      }
    }
  }

  test('resolve through the exports map under moduleResolution nodenext and bundler', () => {
    typecheck([
      "import { ReserveKitBooking, ReserveKitClient, type BookedDetail } from 'reservekit-booking';",
      "import { openBooking } from 'reservekit-booking/booking-button';",
      "import { createMockApi } from 'reservekit-booking/mock';",
      "import { ReserveKitBookingManage } from 'reservekit-booking/manage';",
      "const manage: ReserveKitBookingManage = document.createElement('reservekit-booking-manage');",
      "manage.addEventListener('rk-rescheduled', (e) => console.log(e.detail.manageToken, manage.token));",
      "const el: ReserveKitBooking = document.createElement('reservekit-booking');",
      "el.addEventListener('rk-booked', (e) => { const d: BookedDetail = e.detail; console.log(d.bookingId); });",
      "document.addEventListener('rk-booked', (e) => console.log(e.detail.bookingId));",
      "openBooking({ serviceId: '1', fetch: createMockApi().fetch });",
      'console.log(new ReserveKitClient({ apiBase: el.apiBase }));',
    ]);
  });

  test('the manage entry alone types its rk-* events, on document too', () => {
    typecheck([
      "import 'reservekit-booking/manage';",
      "document.addEventListener('rk-rescheduled', (e) => console.log(e.detail.manageToken, e.detail.previousBookingId));",
      "document.querySelector('reservekit-booking-manage')?.addEventListener('rk-cancelled', (e) => console.log(e.detail.reason));",
    ]);
  });

  test('the popup entry alone types every rk-* event, on document and window too', () => {
    typecheck([
      "import { openBooking } from 'reservekit-booking/booking-button';",
      "document.addEventListener('rk-booked', (e) => console.log(e.detail.bookingId));",
      "window.addEventListener('rk-close', (e) => console.log(e.detail));",
      "openBooking({ serviceId: '1' }).element.addEventListener('rk-error', (e) => console.log(e.detail.code));",
    ]);
  });
});
