import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { confirmationView, type ConfirmationProps } from '../../../src/components/booking/views/confirmation';
import { EN, show, text, wednesday } from './helpers';

function props(over: Partial<ConfirmationProps> = {}) {
  const calls: string[] = [];
  const p: ConfirmationProps = {
    locale: EN,
    serviceName: 'Consultation',
    occurrence: wednesday()[1],
    zone: 'America/New_York',
    serviceZone: 'America/New_York',
    foundEarlier: false,
    onAnother: () => calls.push('another'),
    ...over,
  };
  return { p, calls };
}

describe('confirmationView', () => {
  it('says what was booked under a focusable heading, and offers another booking', async () => {
    const { p, calls } = props();
    const root = await show(confirmationView(p));
    const heading = root.querySelector('h3')!;
    expect([text(heading), heading.tabIndex, heading.hasAttribute('data-focus')]).to.deep.equal(["You're booked", -1, true]);
    expect(text(root.querySelector('p')).replace(/\u202f/g, ' ')).to.equal('Consultation on Wednesday, December 2, 2026 at 2:00 PM – 3:00 PM');
    expect(root.textContent).not.to.contain('Service time');
    root.querySelector('button')!.click();
    expect(calls).to.deep.equal(['another']);
    await expect(root).to.be.accessible();
  });

  it('adds the service\'s time when zones differ, the earlier-attempt note, and extra content', async () => {
    const { p } = props({ zone: 'Asia/Tokyo', foundEarlier: true, extra: html`<a href="#ics">Add to calendar</a>` });
    const root = await show(confirmationView(p));
    expect(text(root)).to.match(/Thursday, December 3, 2026 at 4:00\s?AM – 5:00\s?AM Service time Wednesday, December 2, 2026, 2:00\s?PM – 3:00\s?PM \(\u2068New York\u2069\) Your earlier request had already gone through\. Add to calendar Book another time$/);
  });
});
