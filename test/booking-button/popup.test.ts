import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { NOW, api, posts, seed } from '../booking/setup';
import { BookingPage } from '../booking/page';
import { openBooking, type ReserveKitBookingButton } from '../../src/components/booking-button/index';
import { deepActiveElement } from '../../src/components/booking-button/booking-button.component';

/** Whether `node` sits inside `container`, crossing shadow roots on the way up. */
function within(container: Element, node: Node | null): boolean {
  for (let n = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (n === container) return true;
  return false;
}

const parts = (el: ReserveKitBookingButton) => ({
  trigger: el.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!,
  dialog: el.shadowRoot!.querySelector<HTMLDialogElement>('dialog')!,
  close: el.shadowRoot!.querySelector<HTMLButtonElement>('[part=close]')!,
});

async function mountButton() {
  await seed();
  const el = await fixture<ReserveKitBookingButton>(html`<reservekit-booking-button
    service-id="1"
    timezone="America/New_York"
    locale="en-US"
    >Book a consultation</reservekit-booking-button
  >`);
  Object.assign(el.booking, { now: () => NOW, fetch: api.fetch, clientOptions: { retries: 0, timeoutMs: 2000 } });
  return { el, ...parts(el), page: new BookingPage(el.booking) };
}

async function openByClick(el: ReserveKitBookingButton, trigger: HTMLElement) {
  trigger.focus();
  const opened = oneEvent(el, 'rk-open');
  trigger.click();
  await opened;
}

describe('<reservekit-booking-button> popup', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    // A failed openBooking() test would leave its modal open (it lives in <body>, not the fixture).
    for (const el of document.querySelectorAll('reservekit-booking-button')) el.remove();
  });

  it('is a labelled button that opens a labelled modal dialog with focus inside', async () => {
    const { el, trigger, dialog, page } = await mountButton();
    expect(trigger.querySelector('slot')!.assignedNodes()[0].textContent).to.equal('Book a consultation');
    expect(trigger.getAttribute('aria-haspopup')).to.equal('dialog');
    expect(el.booking.isConnected, 'nothing loads before the first open').to.equal(false);
    await expect(el).to.be.accessible();

    await openByClick(el, trigger);
    expect(dialog.open && dialog.matches(':modal')).to.equal(true);
    const heading = el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!;
    expect(heading.textContent).to.equal('Book a consultation');
    expect(within(dialog, deepActiveElement())).to.equal(true);
    await page.ready();
    expect(el.booking.getAttribute('service-id')).to.equal('1');
    await expect(el).to.be.accessible();
  });

  it('keeps Tab and Shift+Tab inside the dialog', async () => {
    const { el, trigger, dialog, page } = await mountButton();
    await openByClick(el, trigger);
    await page.ready();
    const seen = new Set<Element>();
    for (let i = 0; i < 14; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActiveElement();
      expect(within(dialog, active), `Tab ${i + 1} left the dialog for ${active?.outerHTML.slice(0, 80)}`).to.equal(true);
      seen.add(active!);
    }
    await sendKeys({ down: 'Shift' });
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      expect(within(dialog, deepActiveElement()), `Shift+Tab ${i + 1}`).to.equal(true);
    }
    await sendKeys({ up: 'Shift' });
    // It cycled: more than the Close button got focus, and Close came round again.
    expect(seen.size).to.be.greaterThan(3);
    expect(seen.has(parts(el).close)).to.equal(true);
  });

  it('closes on Escape and gives focus back to the opener', async () => {
    const { el, trigger, dialog, page } = await mountButton();
    await openByClick(el, trigger);
    await page.ready();
    await sendKeys({ press: 'Tab' });
    const closed = oneEvent(el, 'rk-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(dialog.open).to.equal(false);
    expect(deepActiveElement()).to.equal(trigger);
  });

  it('closes with the Close button, keeps what was typed, and books on reopening', async () => {
    const { el, trigger, close, page } = await mountButton();
    await openByClick(el, trigger);
    await page.ready();
    expect(close.getAttribute('aria-label')).to.equal('Close');
    await page.click('button', 'Wednesday, December 2, 2026');
    await page.click('button', /^2:00\s?PM/);
    await page.fill({ name: 'Jane Doe', email: 'jane@example.com' });
    const closed = oneEvent(el, 'rk-close');
    close.click();
    await closed;
    expect(deepActiveElement()).to.equal(trigger);

    await openByClick(el, trigger);
    expect(page.value('Name')).to.equal('Jane Doe');
    // The widget's events bubble out of the popup element.
    const booked = oneEvent(el, 'rk-booked');
    await page.click('button', 'Book');
    await booked;
    expect(posts()).to.have.length(1);
    await page.find('heading', "You're booked");
  });

  it('passes attribute changes on to the widget', async () => {
    const { el } = await mountButton();
    el.setAttribute('timezone', 'Asia/Tokyo');
    el.setAttribute('customer-name', 'Kenji');
    el.setAttribute('theme', 'dark');
    el.removeAttribute('locale');
    expect(el.booking.timezone).to.equal('Asia/Tokyo');
    expect(el.booking.customerName).to.equal('Kenji');
    expect(el.booking.getAttribute('theme')).to.equal('dark');
    expect(el.booking.hasAttribute('locale')).to.equal(false);
  });

  it('names the Close button in the page language', async () => {
    const el = await fixture<ReserveKitBookingButton>(html`<reservekit-booking-button service-id="1" locale="de">Termin buchen</reservekit-booking-button>`);
    await waitUntil(() => parts(el).close.getAttribute('aria-label') === 'Schließen', 'Close never became Schließen');
  });

  it('fills the screen on a narrow viewport', async () => {
    await setViewport({ width: 360, height: 640 });
    const { el, trigger, dialog } = await mountButton();
    await openByClick(el, trigger);
    const box = dialog.getBoundingClientRect();
    expect([box.left, box.top, box.width, box.height]).to.deep.equal([0, 0, 360, 640]);
  });

  it('openBooking() opens a dialog from any element and cleans up after itself', async () => {
    await seed();
    const link = await fixture<HTMLButtonElement>(html`<button type="button">Talk to us</button>`);
    link.focus();
    const dialog = openBooking({ serviceId: '1', timezone: 'America/New_York', locale: 'en-US', heading: 'Book a call', now: () => NOW, fetch: api.fetch });
    await oneEvent(dialog.element, 'rk-open');
    const { dialog: native, trigger } = parts(dialog.element);
    expect(trigger, 'no button of its own').to.equal(null);
    expect(native.matches(':modal')).to.equal(true);
    expect(native.getAttribute('aria-labelledby')).to.be.a('string');
    expect(dialog.element.shadowRoot!.querySelector('h2')!.textContent).to.equal('Book a call');
    expect(within(native, deepActiveElement())).to.equal(true);
    const page = new BookingPage(dialog.booking);
    await page.ready();
    await expect(dialog.element).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await dialog.closed;
    expect(dialog.element.isConnected).to.equal(false);
    expect(document.activeElement).to.equal(link);
  });

  it('closes from script with close()', async () => {
    const { el, trigger, dialog } = await mountButton();
    await openByClick(el, trigger);
    const closed = oneEvent(el, 'rk-close');
    el.close();
    await closed;
    expect(dialog.open).to.equal(false);
    expect(deepActiveElement()).to.equal(trigger);
  });
});
