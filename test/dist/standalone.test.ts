import { expect, waitUntil } from '@open-wc/testing';
import { bookWednesdayMorning, loadFrame, mountBooking } from './frame';

const BUNDLE = '/dist/reservekit-booking.js';

describe('dist/reservekit-booking.js (standalone bundle)', function () {
  // A fresh page, its service worker client and a full booking: slow when the suite runs in parallel.
  this.timeout(30_000);
  it('is one production module: no import of any kind, so its integrity hash covers everything it runs', async () => {
    const text = await (await fetch(BUNDLE)).text();
    expect(text).not.to.match(/\bimport\s*[^(]*?from\s*["']/, 'a static import');
    expect(text).not.to.match(/\bimport\s*["']/, 'a side-effect import');
    expect(text).not.to.match(/\bimport\s*\(/, 'a dynamic import');
    expect(text).not.to.contain('process.env');
    expect(text).not.to.contain('Lit is in dev mode');
  });

  it('registers the inline widget and the popup, and exports openBooking', async () => {
    const mod = await import(/* @vite-ignore */ BUNDLE);
    for (const name of ['ReserveKitBooking', 'ReserveKitBookingButton', 'openBooking']) expect(mod, name).to.have.property(name);
    expect(customElements.get('reservekit-booking')).to.equal(mod.ReserveKitBooking);
    expect(customElements.get('reservekit-booking-button')).to.equal(mod.ReserveKitBookingButton);
  });

  it('speaks German without fetching anything but the API', async () => {
    const scripts = () => performance.getEntriesByType('resource').filter((r) => /\.(m?js|ts)(\?|$)/.test(r.name)).length;
    const mod = await import(/* @vite-ignore */ BUNDLE);
    const before = scripts();
    const el = new mod.ReserveKitBooking();
    el.setAttribute('locale', 'de-DE');
    el.setAttribute('service-id', '1');
    // The load fails (no API here): the error message must still come in German.
    el.fetch = () => Promise.reject(new TypeError('offline'));
    el.clientOptions = { retries: 0 };
    document.body.append(el);
    try {
      await waitUntil(() => el.shadowRoot?.querySelector('[role=alert]')?.textContent.includes('nicht erreichbar'), 'German error text', { timeout: 10_000 });
      expect(scripts() - before, 'scripts loaded after the bundle').to.equal(0);
    } finally {
      el.remove();
    }
  });

  it('upgrades markup that was in the page before the script: defined once the script has run, then a calendar with days to pick', async () => {
    const frame = await loadFrame('/test/dist/upgrade.html');
    try {
      expect((frame.win as unknown as { afterScript: { defined: boolean } }).afterScript).to.deep.equal({ defined: true });
      const el = frame.doc.querySelector('reservekit-booking')!;
      await waitUntil(() => el.shadowRoot?.querySelector('[role=grid] button.day:not([aria-disabled])'), 'a day to pick', { timeout: 10_000 });
      expect(el.shadowRoot!.querySelector('h2')?.textContent).to.contain('Consultation');
      expect(frame.probe.violations).to.deep.equal([]);
    } finally {
      frame.iframe.remove();
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
