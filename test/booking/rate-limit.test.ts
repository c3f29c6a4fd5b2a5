import { expect } from '@open-wc/testing';
import { api, mount, posts, seed } from './setup';

const limited = (retryAfter: string) => ({ status: 429, body: { data: null, error: 'rate limit exceeded' }, headers: { 'Retry-After': retryAfter } });

describe('<reservekit-booking> rate-limit waits', () => {
  it('a 429 on load with a long Retry-After counts down, and Retry waits for it', async () => {
    await seed();
    api.failNext({ method: 'GET', path: '/v1/services/1' }, limited('120'));
    const { el, page } = await mount();
    await page.find('alert');
    expect(page.alertText()).to.match(/wait 120\s?s/);
    expect(page.alertText()).not.to.contain('You can try again now');
    const retry = page.get('button', 'Retry');
    expect(retry.getAttribute('aria-disabled')).to.equal('true');
    const before = api.requests.length;
    retry.click();
    await el.updateComplete;
    expect(api.requests.length).to.equal(before);
    await expect(el).to.be.accessible();
  });

  it('a hostile Retry-After shows at most an hour', async () => {
    await seed();
    const { page } = await mount();
    await page.ready();
    await page.click('button', 'Wednesday, December 2, 2026');
    await page.click('button', /^2:00\s?PM/);
    await page.fill({ name: 'Jane', email: 'jane@example.com' });
    api.failNext({ method: 'POST', path: '/v1/bookings' }, limited('99999999'));
    await page.click('button', 'Book');
    await page.find('alert');
    expect(page.alertText()).to.match(/wait 3,600\s?s/);
    expect(posts()).to.have.length(1);
  });
});
