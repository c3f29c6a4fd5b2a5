import { expect, waitUntil } from '@open-wc/testing';
import { bookWednesdayMorning, loadFrame, mountBooking } from './frame';

const BUNDLE = '/dist/reservekit-booking.js';

describe('dist/reservekit-booking.js (standalone bundle)', function () {
  // A fresh page, its service worker client and a full booking: slow when the suite runs in parallel.
  this.timeout(30_000);
  it('is one production module: no static import, dynamic ones only for translations', async () => {
    const text = await (await fetch(BUNDLE)).text();
    expect(text).not.to.match(/\bimport\s*[^(]*?from\s*["']/, 'a static import');
    expect(text).not.to.match(/\bimport\s*["']/, 'a side-effect import');
    const dynamic = [...text.matchAll(/\bimport\(\s*["']([^"']+)["']/g)].map((m) => m[1]);
    expect(dynamic.length, 'translations load on demand').to.equal(5);
    for (const spec of dynamic) expect(spec).to.match(/^\.\/locales\/(de|fr|es|ja|ar)-[\w-]+\.js$/);
    expect(text).not.to.contain('process.env');
    expect(text).not.to.contain('Lit is in dev mode');
  });

  it('registers the widget; the popup file adds the popup on top of it', async () => {
    const mod = await import(/* @vite-ignore */ BUNDLE);
    expect(customElements.get('reservekit-booking')).to.equal(mod.ReserveKitBooking);
    expect(customElements.get('reservekit-booking-button')).to.equal(undefined);
    const popupUrl = '/dist/reservekit-booking-button.js';
    const popup = await import(/* @vite-ignore */ popupUrl);
    for (const name of ['ReserveKitBooking', 'ReserveKitBookingButton', 'openBooking']) expect(popup, name).to.have.property(name);
    expect(popup.ReserveKitBooking, 'one copy of the widget').to.equal(mod.ReserveKitBooking);
    expect(customElements.get('reservekit-booking-button')).to.equal(popup.ReserveKitBookingButton);
  });

  it('fetches a translation from its sibling file only when the page needs it', async () => {
    const before = performance.getEntriesByType('resource').filter((r) => r.name.includes('/dist/locales/')).length;
    const mod = await import(/* @vite-ignore */ BUNDLE);
    const el = new mod.ReserveKitBooking();
    el.setAttribute('locale', 'de-DE');
    el.setAttribute('service-id', '1');
    // The load fails (no API here): the error message must still come in German.
    el.fetch = () => Promise.reject(new TypeError('offline'));
    el.clientOptions = { retries: 0 };
    document.body.append(el);
    try {
      await waitUntil(() => el.shadowRoot?.querySelector('[role=alert]')?.textContent.includes('nicht erreichbar'), 'German error text', { timeout: 10_000 });
      const loaded = performance.getEntriesByType('resource').filter((r) => r.name.includes('/dist/locales/'));
      expect(loaded.length - before).to.equal(1);
      expect(loaded.at(-1)!.name).to.match(/\/dist\/locales\/de-[\w-]+\.js$/);
    } finally {
      el.remove();
    }
  });

  it('books end to end from a plain script tag, writing nothing to cookies or storage', async () => {
    const frame = await loadFrame('/test/dist/standalone.html');
    try {
      const page = await mountBooking(frame);
      const heading = await bookWednesdayMorning(page);
      expect(page.root.activeElement).to.equal(heading);
      const posts = frame.api.requests.filter((r) => r.method === 'POST');
      expect(posts).to.have.length(1);
      expect(posts[0].body).to.deep.include({ date: '2026-12-02', customer_name: 'Jane Doe', customer_phone: '+12025550185' });
      expect(frame.probe.storage, 'localStorage/sessionStorage writes').to.deep.equal([]);
      expect(frame.probe.cookies, 'cookie writes').to.deep.equal([]);
      expect(frame.doc.cookie).to.equal('');
      expect(frame.probe.violations).to.deep.equal([]);
    } finally {
      frame.iframe.remove();
    }
  });
});
