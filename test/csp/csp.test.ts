import { expect, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import { bookWednesdayMorning, element, loadFrame, mountBooking, NOW } from '../dist/frame';
import { BookingPage } from '../booking/page';
import { seedConsultation } from '../../src/mock/fixtures';
import type { ReserveKitBookingButton } from '../../src/components/booking-button/booking-button.component';

const POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' https://api.reservekit.io; require-trusted-types-for 'script'; trusted-types lit-html";

/** Loads `url` in a frame, books there, and says how many bookings were posted and what the page's probe saw. */
async function bookOn(url: string): Promise<{ posts: number; violations: { directive: string; blocked: string }[] }> {
  const frame = await loadFrame(url);
  try {
    await bookWednesdayMorning(await mountBooking(frame));
    return { posts: frame.api.requests.filter((r) => r.method === 'POST').length, violations: frame.probe.violations };
  } finally {
    frame.iframe.remove();
  }
}

describe('standalone bundle under a strict Content-Security-Policy, Trusted Types enforced', function () {
  // A fresh page, its service worker client and a full booking: slow when the suite runs in parallel.
  this.timeout(30_000);
  it('the page really is served with the policy', async () => {
    const response = await fetch('/test/csp/csp.html');
    expect(response.headers.get('content-security-policy')).to.equal(POLICY);
  });

  it('books without a single securitypolicyviolation', async () => {
    expect(await bookOn('/test/csp/csp.html')).to.deep.equal({ posts: 1, violations: [] });
  });

  it('downloads the calendar file from the confirmation without a violation', async () => {
    const frame = await loadFrame('/test/csp/csp.html');
    try {
      const page = await mountBooking(frame);
      await bookWednesdayMorning(page);
      await executeServerCommand('downloads-arm');
      (await page.find('link', 'Calendar file (.ics)')).click();
      const file = (await executeServerCommand('downloads-next')) as { name: string; text: string };
      expect(file.name).to.equal('Consultation.ics');
      const event = new ICAL.Event(new ICAL.Component(ICAL.parse(file.text)).getFirstSubcomponent('vevent')!);
      // Wednesday 9:00 in New York (UTC-5).
      expect(event.startDate.toJSDate().toISOString()).to.equal('2026-12-02T14:00:00.000Z');
      expect(frame.probe.violations).to.deep.equal([]);
    } finally {
      await executeServerCommand('downloads-disarm');
      frame.iframe.remove();
    }
  });

  it('opens the popup, with its dialog styles, without a violation', async () => {
    const frame = await loadFrame('/test/csp/csp.html');
    try {
      frame.api.reset();
      seedConsultation(frame.api, { id: 1 });
      frame.doc.body.append(element(frame.doc, 'reservekit-booking-button', { 'service-id': '1', locale: 'en-US' }));
      const button = frame.doc.querySelector('reservekit-booking-button') as ReserveKitBookingButton;
      Object.assign(button.booking, { now: () => NOW, fetch: frame.api.fetch });
      await button.updateComplete;
      const opened = oneEvent(button, 'rk-open');
      button.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!.click();
      await opened;
      await new BookingPage(button.booking).ready();
      // Adopted stylesheets apply under style-src 'self' (a <style> element would be blocked).
      expect(frame.win.getComputedStyle(button.shadowRoot!.querySelector('dialog')!).paddingTop).to.equal('0px');
      expect(frame.probe.violations).to.deep.equal([]);
    } finally {
      frame.iframe.remove();
    }
  });

  it('the probe catches a violation (an inline style attribute)', async () => {
    const frame = await loadFrame('/test/csp/csp.html');
    try {
      const seen = oneEvent(frame.doc, 'securitypolicyviolation');
      frame.doc.body.append(element(frame.doc, 'p', { style: 'color: red' }));
      await seen;
      expect(frame.probe.violations.map((v) => v.directive)).to.deep.equal(['style-src-attr']);
    } finally {
      frame.iframe.remove();
    }
  });
});

describe("the embed snippet's ICU warm-up script under the strict policy (docs/startup.md)", function () {
  this.timeout(30_000);

  it('runs when the policy lists the hash the build prints: no violation, and the widget books', async () => {
    const policy = (await fetch('/test/csp-warmup.html')).headers.get('content-security-policy')!;
    expect(policy).to.match(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(await bookOn('/test/csp-warmup.html')).to.deep.equal({ posts: 1, violations: [] });
  });

  it('without the hash it is blocked, one violation and no other harm: the widget books the same', async () => {
    const { posts, violations } = await bookOn('/test/csp-warmup.html?hash=none');
    expect(posts).to.equal(1);
    expect(violations.map((v) => [v.directive, v.blocked])).to.deep.equal([['script-src-elem', 'inline']]);
  });
});
