import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import { NOW, api, seed } from '../booking/setup';
import { BookingPage } from '../booking/page';
import type { ReserveKitBookingButton } from '../../src/components/booking-button/index';
import '../../src/components/booking-button/index';
import { deepActiveElement } from '../../src/components/booking-button/booking-button.component';

/**
 * A visitor's pointer or focus on the button says the dialog is coming: the widget loads then,
 * so the first open shows the calendar instead of a spinner, and opening asks nothing again.
 */
describe('<reservekit-booking-button> preloads on intent', () => {
  afterEach(async () => {
    await resetMouse();
  });

  async function mountButton() {
    await seed();
    // Long enough that an open right after the first request would still be waiting.
    api.setOptions({ latencyMs: 150 });
    const el = await fixture<ReserveKitBookingButton>(html`<div style="padding: 20px">
      <button id="before">Before</button>
      <reservekit-booking-button service-id="1" timezone="America/New_York" locale="en-US">Book a consultation</reservekit-booking-button>
    </div>`).then((div) => div.querySelector('reservekit-booking-button')!);
    Object.assign(el.booking, { now: () => NOW, fetch: api.fetch, clientOptions: { retries: 0, timeoutMs: 2000 } });
    const trigger = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!;
    return { el, trigger, page: new BookingPage(el.booking) };
  }

  const loading = (page: BookingPage) => page.root?.querySelector('[role=status]')?.textContent?.includes('Loading') ?? false;
  // The shell draws a busy grid before the data comes; the calendar a visitor can use is the settled one.
  const calendar = (page: BookingPage) => page.root?.querySelector('[role=grid]:not([aria-busy])') ?? null;

  /** Opens with the visitor's Enter on the focused trigger; resolves when the dialog is open. */
  async function openWithEnter(el: ReserveKitBookingButton) {
    const opened = oneEvent(el, 'rk-open');
    await sendKeys({ press: 'Enter' });
    await opened;
    await el.booking.updateComplete;
  }

  it('asks for nothing while nobody points at or focuses the button', async () => {
    const { el } = await mountButton();
    await new Promise((r) => setTimeout(r, 200));
    expect(api.requests).to.have.length(0);
    expect(el.booking.isConnected).to.equal(false);
  });

  it('loads when hovered; the first open then shows the calendar at once, with no second request', async () => {
    const { el, trigger, page } = await mountButton();
    const box = trigger.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    await waitUntil(() => calendar(page), 'hovering did not load the calendar', { timeout: 3000 });
    const asked = api.requests.map((r) => `${r.method} ${r.url.pathname}`).sort();
    expect(asked).to.deep.equal(['GET /v1/services/1', 'GET /v1/services/1/time-slots']);

    await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    await waitUntil(() => el.shadowRoot!.querySelector('dialog')!.open, 'the click did not open the dialog');
    await el.booking.updateComplete;
    expect(loading(page), 'the first open showed the loading state').to.equal(false);
    expect(calendar(page)).to.exist;
    expect(api.requests.map((r) => `${r.method} ${r.url.pathname}`).sort()).to.deep.equal(asked);
  });

  it('loads when reached with Tab; Enter then opens on the calendar', async () => {
    const { el, page } = await mountButton();
    el.parentElement!.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.getAttribute('part')).to.equal('button');
    await waitUntil(() => calendar(page), 'focus did not load the calendar', { timeout: 3000 });
    const count = api.requests.length;
    expect(count).to.equal(2);

    await openWithEnter(el);
    expect(loading(page)).to.equal(false);
    expect(calendar(page)).to.exist;
    expect(api.requests).to.have.length(count);
    await expect(el).to.be.accessible();
  });

  it('an open before the data arrives shows the loading state once, and the calendar from the same requests', async () => {
    const { el, page } = await mountButton();
    el.parentElement!.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    await openWithEnter(el);
    await waitUntil(() => calendar(page), 'the calendar never came', { timeout: 3000 });
    expect(api.requests).to.have.length(2);
  });
});
