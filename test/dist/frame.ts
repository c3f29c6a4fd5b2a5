/**
 * Pages under test in an iframe: a bare HTML page that loads dist/reservekit-booking.js with a
 * plain script tag, nothing else from the dev server, and the mock API in the same frame (its
 * `fetch` handed to the widget).
 */
import { waitUntil } from '@open-wc/testing';
import { seedConsultation } from '../../src/mock/fixtures';
import type { MockApi } from '../../src/mock/index';
import type { ReserveKitBooking } from '../../src/components/booking/booking.component';
import { BookingPage } from '../booking/page';

/** Tuesday 2026-12-01 07:00 in New York: Wednesday December 2 is bookable from 9:00. */
export const NOW = new Date('2026-12-01T12:00:00Z');

export interface Probe {
  violations: { directive: string; blocked: string; source: string; line: number; sample: string }[];
  storage: unknown[][];
  cookies: string[];
}
type FrameWindow = Window & typeof globalThis & { mock: { api: MockApi }; probe: Probe };

export async function loadFrame(url: string) {
  const iframe = document.createElement('iframe');
  iframe.title = 'Page under test';
  iframe.width = '1000';
  iframe.height = '900';
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = url;
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow as FrameWindow;
  await waitUntil(() => win.mock && win.customElements.get('reservekit-booking'), `${url} never defined the element`, { timeout: 10_000 });
  return { iframe, win, doc: iframe.contentDocument!, api: win.mock.api, probe: win.probe };
}

export async function mountBooking(frame: Awaited<ReturnType<typeof loadFrame>>) {
  frame.api.reset();
  seedConsultation(frame.api, { id: 1 });
  // DOM calls, not HTML strings: the CSP page enforces Trusted Types, as a strict site may.
  frame.doc.body.append(element(frame.doc, 'reservekit-booking', { 'service-id': '1', timezone: 'America/New_York', locale: 'en-US' }));
  const el = frame.doc.querySelector('reservekit-booking') as ReserveKitBooking;
  Object.assign(el, { now: () => NOW, fetch: frame.api.fetch, clientOptions: { retries: 0, timeoutMs: 4000 } });
  const page = new BookingPage(el);
  await page.ready();
  return page;
}

/** Day, time, contact details, Book: resolves with the confirmation heading. */
export async function bookWednesdayMorning(page: BookingPage) {
  await page.click('button', 'Wednesday, December 2, 2026');
  await page.click('button', /^9:00\s?AM/);
  await page.fill({ name: 'Jane Doe', email: 'jane@example.com', phone: '+1 202-555-0185', message: 'First visit' });
  await page.click('button', 'Book');
  return page.find('heading', "You're booked");
}

/** `<tag attr=value ...>` made with DOM calls (no HTML parsing, so no Trusted Types sink). */
export function element(doc: Document, tag: string, attributes: Record<string, string>): HTMLElement {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}
