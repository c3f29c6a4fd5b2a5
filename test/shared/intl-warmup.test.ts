import { expect } from '@open-wc/testing';
import { intlSteps, warmUpIntl } from '../../src/components/shared/intl-warmup';

describe('ICU warm-up', () => {
  it('runs each step after a pause of its own, skipping a step the browser refuses', async () => {
    const order: string[] = [];
    let pauses = 0;
    await warmUpIntl(async () => void (pauses++, order.push('pause')), 'not a language tag!');
    expect(pauses).to.equal(intlSteps('en').length);
    expect(order.every((x) => x === 'pause')).to.equal(true);
  });

  it('each step works for the usual tags, and all of them leave the time-zone data loaded', () => {
    for (const lang of ['en', 'de-DE', 'ja', 'ar']) for (const step of intlSteps(lang)) expect(step).not.to.throw();
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.be.a('string');
  });
});
