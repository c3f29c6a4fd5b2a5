import { expect } from '@open-wc/testing';
import type { RkEventMap } from '../../src/components/shared/events';
import { api, mount, seed } from './setup';

/**
 * Half of this file is a type test: `npm run typecheck` fails when an `rk-*` event is not
 * typed on `document`, `window` and plain elements (the README tells hosts to listen on `document`).
 */
type Typed<M> = { [K in keyof RkEventMap]: K extends keyof M ? (M[K] extends CustomEvent<RkEventMap[K]> ? true : false) : false };
const everywhere: [Typed<DocumentEventMap>, Typed<WindowEventMap>, Typed<HTMLElementEventMap>] = [
  { 'rk-ready': true, 'rk-date-select': true, 'rk-slot-select': true, 'rk-before-submit': true, 'rk-booked': true, 'rk-error': true, 'rk-open': true, 'rk-close': true },
  { 'rk-ready': true, 'rk-date-select': true, 'rk-slot-select': true, 'rk-before-submit': true, 'rk-booked': true, 'rk-error': true, 'rk-open': true, 'rk-close': true },
  { 'rk-ready': true, 'rk-date-select': true, 'rk-slot-select': true, 'rk-before-submit': true, 'rk-booked': true, 'rk-error': true, 'rk-open': true, 'rk-close': true },
];

describe('rk-* events on document', () => {
  it('reach a listener on document with their typed detail', async () => {
    expect(everywhere).to.have.length(3);
    await seed();
    const seen: string[] = [];
    const onReady = (e: DocumentEventMap['rk-ready']) => seen.push(`ready ${e.detail.service.name}`);
    const onDate = (e: DocumentEventMap['rk-date-select']) => seen.push(`date ${e.detail.date}`);
    document.addEventListener('rk-ready', onReady);
    document.addEventListener('rk-date-select', onDate);
    // Typed without annotations, as a host page would write it.
    document.addEventListener('rk-booked', (e) => seen.push(`booked ${e.detail.bookingId}`), { once: true });
    window.addEventListener('rk-error', (e) => seen.push(`error ${e.detail.code}`), { once: true });
    try {
      const { page } = await mount();
      await page.ready();
      await page.click('button', 'Wednesday, December 2, 2026');
      expect(seen).to.deep.equal(['ready Consultation', 'date 2026-12-02']);
      expect(api.requests.length).to.be.greaterThan(0);
    } finally {
      document.removeEventListener('rk-ready', onReady);
      document.removeEventListener('rk-date-select', onDate);
    }
  });
});
