import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { api, mountManage, seedBooked, stored, writes, type Booked } from './setup';

describe('<reservekit-booking-manage>: the booking', () => {
  let booked: Booked;
  beforeEach(async () => {
    booked = await seedBooked();
  });

  it('shows service, time in both zones and status, for a Tokyo visitor', async () => {
    const { el, page } = await mountManage(booked.token, { timezone: 'Asia/Tokyo' });
    await page.find('heading', 'Your booking');
    await waitUntil(() => page.root.querySelector('dl'), 'the booking never showed');
    const summary = page.root.querySelector('dl')!.textContent!.replace(/\s+/g, ' ');
    expect(summary).to.contain('Consultation');
    // 14:00 in New York is 04:00 the next day in Tokyo.
    expect(summary).to.match(/Thursday, December 3, 2026, 4:00\s?AM – 5:00\s?AM/);
    expect(summary).to.match(/Service time Wednesday, December 2, 2026, 2:00\s?PM – 3:00\s?PM \(\u2068New York\u2069\)/);
    expect(summary).to.contain('Pending');
    for (const name of ['Reschedule', 'Edit details', 'Cancel booking']) expect(page.get('button', name)).to.exist;
    await expect(el).to.be.accessible();
  });

  it('takes the token from the page address when it has no token attribute', async () => {
    const before = location.href;
    history.replaceState(null, '', `?token=${encodeURIComponent(booked.token)}`);
    try {
      const { page } = await mountManage(null);
      await page.find('button', 'Cancel booking');
      expect(api.requests[0].url.pathname).to.equal(`/v1/manage/${booked.token}`);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('says plainly that a tampered link is not valid, and offers no Retry', async () => {
    const flipped = booked.token.slice(0, 30) + (booked.token[30] === 'A' ? 'B' : 'A') + booked.token.slice(31);
    const { el, page } = await mountManage(flipped);
    const error = oneEvent(el, 'rk-error');
    await page.find('alert');
    expect(page.alertText()).to.equal('This link has expired or is not valid');
    expect(page.query('button', 'Retry')).to.equal(undefined);
    expect((await error).detail).to.include({ code: 'not_found', message: 'This link has expired or is not valid' });
    await expect(el).to.be.accessible();
  });

  it('says the same once the link has expired (a day after the booked time)', async () => {
    api.setOptions({ now: () => new Date('2026-12-03T20:00:01Z') });
    const { page } = await mountManage(booked.token);
    await page.find('alert');
    expect(page.alertText()).to.equal('This link has expired or is not valid');
  });

  it('without any token, says the link is not valid and asks nothing', async () => {
    const { page } = await mountManage(null);
    await page.find('alert');
    expect(page.alertText()).to.equal('This link has expired or is not valid');
    expect(api.requests).to.have.length(0);
  });

  it('a network failure on load offers Retry, which loads', async () => {
    api.failNext({ method: 'GET', path: /^\/v1\/manage\// }, 'network');
    const { page } = await mountManage(booked.token);
    await page.find('alert');
    expect(page.alertText()).to.contain("Can't reach the booking service");
    await page.click('button', 'Retry');
    await page.find('button', 'Cancel booking');
  });

  it('an answer it cannot read says something went wrong, with Retry; a refused key says booking is unavailable', async () => {
    api.failNext({ method: 'GET', path: /^\/v1\/manage\// }, { status: 200, body: { data: { booking: { id: 'x' } } } });
    const bad = await mountManage(booked.token);
    await bad.page.find('alert');
    expect(bad.page.alertText()).to.equal('Something went wrong Retry');
    await bad.page.click('button', 'Retry');
    await bad.page.find('button', 'Cancel booking');

    api.failNext({ method: 'GET', path: /^\/v1\/manage\// }, { status: 401 });
    const refused = await mountManage(booked.token);
    await refused.page.find('alert');
    expect(refused.page.alertText()).to.equal('Booking is unavailable');
  });

  it('a booking whose time has come offers nothing to change', async () => {
    api.setOptions({ now: () => new Date('2026-12-02T19:30:00Z') });
    const { el, page } = await mountManage(booked.token);
    el.now = () => new Date('2026-12-02T19:30:00Z');
    await page.find('heading', 'Your booking');
    await waitUntil(() => page.root.textContent!.includes('This booking has already taken place'));
    for (const name of ['Reschedule', 'Edit details', 'Cancel booking']) expect(page.query('button', name)).to.equal(undefined);
  });

  it('a cancelled booking shows as such, with the reason, and offers nothing to change', async () => {
    Object.assign(stored(booked.id), { status: 'cancelled', cancel_reason: 'Rescheduled to 2026-12-09 14:00' });
    const { page } = await mountManage(booked.token);
    await page.find('heading', 'Your booking');
    await waitUntil(() => page.root.textContent!.includes('This booking was cancelled and can no longer be changed'));
    expect(page.root.querySelector('dl')!.textContent!.replace(/\s+/g, ' ')).to.match(/Cancelled\s*Rescheduled to 2026-12-09 14:00/);
    for (const name of ['Reschedule', 'Edit details', 'Cancel booking']) expect(page.query('button', name)).to.equal(undefined);
  });
});

describe('<reservekit-booking-manage>: cancelling', () => {
  let booked: Booked;
  beforeEach(async () => {
    booked = await seedBooked();
  });

  it('asks to confirm, takes an optional reason, cancels once and says so', async () => {
    const { el, page } = await mountManage(booked.token);
    await page.click('button', 'Cancel booking');
    const question = await page.find('heading', 'Cancel this booking?');
    expect(page.root.activeElement).to.equal(question);
    await page.type('Reason (optional)', 'Feeling unwell');
    await expect(el).to.be.accessible();
    const cancelled = oneEvent(el, 'rk-cancelled');
    const button = page.get('button', 'Yes, cancel it');
    button.click();
    button.click();
    expect((await cancelled).detail).to.deep.equal({ bookingId: booked.id, reason: 'Feeling unwell' });
    await page.find('heading', 'Your booking is cancelled');
    expect(writes().map((r) => [r.method, r.url.pathname, r.body])).to.deep.equal([['POST', `/v1/manage/${booked.token}/cancel`, { reason: 'Feeling unwell' }]]);
    expect(stored(booked.id)).to.include({ status: 'cancelled', cancel_reason: 'Feeling unwell' });
    expect(page.root.querySelector('dl')!.textContent).to.contain('Cancelled');
    expect(page.query('button', 'Reschedule')).to.equal(undefined);
  });

  it('without a reason, records that the customer cancelled', async () => {
    const { page } = await mountManage(booked.token);
    await page.click('button', 'Cancel booking');
    await page.click('button', 'Yes, cancel it');
    await page.find('heading', 'Your booking is cancelled');
    expect(writes()[0].body).to.deep.equal({});
    expect(stored(booked.id).cancel_reason).to.equal('Cancelled by the customer');
  });

  it('"No, keep it" goes back without a request, and the reason typed is still there next time', async () => {
    const { page } = await mountManage(booked.token);
    await page.click('button', 'Cancel booking');
    await page.type('Reason (optional)', 'Maybe');
    await page.click('button', 'No, keep it');
    expect(page.get('button', 'Cancel booking')).to.exist;
    expect(writes()).to.have.length(0);
    await page.click('button', 'Cancel booking');
    expect(page.value('Reason (optional)')).to.equal('Maybe');
  });

  it('a network failure keeps the reason and cancels on the next click only', async () => {
    api.failNext({ method: 'POST', path: /\/cancel$/ }, 'network');
    const { el, page } = await mountManage(booked.token);
    await page.click('button', 'Cancel booking');
    await page.type('Reason (optional)', 'Travel');
    const error = oneEvent(el, 'rk-error');
    await page.click('button', 'Yes, cancel it');
    expect((await error).detail.code).to.equal('network');
    await page.find('alert');
    expect(page.alertText()).to.contain("Can't reach the booking service");
    expect(page.value('Reason (optional)')).to.equal('Travel');
    expect(stored(booked.id).status).to.not.equal('cancelled');
    await page.click('button', 'Retry');
    await page.find('heading', 'Your booking is cancelled');
    expect(writes()).to.have.length(2);
    expect(stored(booked.id).cancel_reason).to.equal('Travel');
  });

  it('a rate limit shows the wait, and the button does nothing until it is over', async () => {
    api.failNext({ method: 'POST', path: /\/cancel$/ }, { status: 429, headers: { 'Retry-After': '30' } });
    const { page } = await mountManage(booked.token);
    await page.click('button', 'Cancel booking');
    await page.click('button', 'Yes, cancel it');
    await page.find('alert');
    expect(page.alertText()).to.match(/Please wait 30\s?s/);
    const confirm = page.get('button', 'Yes, cancel it');
    expect(confirm.getAttribute('aria-disabled')).to.equal('true');
    await page.click('button', 'Yes, cancel it');
    expect(writes()).to.have.length(1);
  });
});
