import { expect } from '@open-wc/testing';
import { zoneView, type ZoneProps } from '../../../src/components/booking/views/zone';
import { EN, show, text } from './helpers';

function props(over: Partial<ZoneProps> = {}) {
  const calls: string[] = [];
  const p: ZoneProps = {
    locale: EN,
    zone: 'Asia/Tokyo',
    serviceZone: 'America/New_York',
    picking: false,
    onToggle: (open) => calls.push(open ? 'open' : 'close'),
    onChoose: (typed) => calls.push(`choose ${typed}`),
    ...over,
  };
  return { p, calls };
}

describe('zoneView', () => {
  it('names both zones and opens the switcher', async () => {
    const { p, calls } = props();
    const root = await show(zoneView(p));
    expect(text(root)).to.equal('Your timezone: Tokyo (Asia/Tokyo) Change Service timezone: \u2068New York (America/New_York)\u2069');
    const change = root.querySelector('button')!;
    expect(change.getAttribute('aria-label')).to.equal('Change timezone');
    change.click();
    expect(calls).to.deep.equal(['open']);
    await expect(root).to.be.accessible();
  });

  it('the switcher reports what was typed, and Escape closes only the switcher', async () => {
    const { p, calls } = props({ picking: true, serviceZone: 'Asia/Tokyo' });
    const root = await show(zoneView(p));
    expect(root.textContent).not.to.contain('Service timezone');
    const input = root.querySelector('input')!;
    expect(root.querySelectorAll('datalist option').length).to.be.greaterThan(100);
    input.value = 'paris';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    input.dispatchEvent(escape);
    expect(calls).to.deep.equal(['choose paris', 'close']);
    expect(escape.defaultPrevented).to.equal(true);
  });
});
