import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { NOW, api, seed } from '../booking/setup';
import type { ReserveKitBookingButton } from '../../src/components/booking-button/index';
import '../../src/components/booking-button/index';
import { deepActiveElement } from '../../src/components/booking-button/booking-button.component';

/** `floating`: a badge fixed to the page's end corner, like Calendly's, still a plain button. */
describe('<reservekit-booking-button floating>', () => {
  beforeEach(async () => {
    await seed();
    await setViewport({ width: 800, height: 600 });
  });
  afterEach(() => {
    document.documentElement.removeAttribute('dir');
    window.scrollTo(0, 0);
  });

  async function mountBadge(dir?: 'rtl') {
    if (dir) document.documentElement.dir = dir;
    const wrapper = await fixture<HTMLElement>(html`<main style="display: block; min-height: 3000px">
      <h1>Page</h1>
      <p>Some content the badge must not push around.</p>
      <a href="#top">A link</a>
      <reservekit-booking-button floating service-id="1" timezone="America/New_York" locale="en-US">Book a call</reservekit-booking-button>
    </main>`);
    const el = wrapper.querySelector<ReserveKitBookingButton>('reservekit-booking-button')!;
    Object.assign(el.booking, { now: () => NOW, fetch: api.fetch, clientOptions: { retries: 0, timeoutMs: 2000 } });
    await el.updateComplete;
    const trigger = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!;
    return { el, trigger, wrapper };
  }

  it('sits fixed in the bottom end corner, above the page, taking no room in it', async () => {
    const { el, trigger, wrapper } = await mountBadge();
    expect(el.floating).to.equal(true);
    expect(getComputedStyle(el).position).to.equal('fixed');
    const box = trigger.getBoundingClientRect();
    expect(innerWidth - box.right, 'distance from the right edge').to.be.within(8, 48);
    expect(innerHeight - box.bottom, 'distance from the bottom edge').to.be.within(8, 48);
    expect(box.height).to.be.at.least(44);
    // Out of the flow (the page's height is its content's) and still there when the page scrolls.
    expect(wrapper.getBoundingClientRect().height).to.equal(3000);
    window.scrollTo(0, 1000);
    expect(trigger.getBoundingClientRect().bottom).to.equal(box.bottom);
    window.scrollTo(0, 0);
    await expect(el).to.be.accessible();
  });

  it('moves to the bottom left in a right-to-left page', async () => {
    const { trigger } = await mountBadge('rtl');
    const box = trigger.getBoundingClientRect();
    expect(box.left, 'distance from the left edge').to.be.within(8, 48);
    expect(innerHeight - box.bottom).to.be.within(8, 48);
  });

  it('is a named button in the Tab order that opens the dialog and gets focus back', async () => {
    const { el, trigger, wrapper } = await mountBadge();
    expect(trigger.getAttribute('aria-haspopup')).to.equal('dialog');
    wrapper.querySelector('a')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(trigger);
    const opened = oneEvent(el, 'rk-open');
    await sendKeys({ press: 'Enter' });
    await opened;
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    const closed = oneEvent(el, 'rk-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(deepActiveElement()).to.equal(trigger);
    await expect(el).to.be.accessible();
  });

  it('without the attribute, stays an inline button', async () => {
    const { el } = await mountBadge();
    el.floating = false;
    await el.updateComplete;
    expect(el.hasAttribute('floating')).to.equal(false);
    expect(getComputedStyle(el).position).to.equal('static');
  });
});
