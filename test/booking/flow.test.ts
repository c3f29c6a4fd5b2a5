import { expect, oneEvent } from '@open-wc/testing';
import { api, mount, posts, seed } from './setup';
import { accessibleName } from './page';

describe('<reservekit-booking> booking flow', () => {
  it('shows the service and enables only days with a bookable time', async () => {
    await seed();
    const { el, page } = await mount();
    await page.ready();
    expect(page.get('heading', 'Consultation')).to.exist;
    expect(page.root.textContent).to.contain('30-minute initial consultation');
    expect(page.get('heading', 'December 2026')).to.exist;
    // Tue Dec 1 07:00 NY: Tuesday 01:00 already passed; Wed, Sun, Mon, Tue(8th 01:00) … are bookable.
    const enabled = page.enabledDays();
    expect(enabled.slice(0, 4)).to.deep.equal([
      'Wednesday, December 2, 2026',
      'Sunday, December 6, 2026',
      'Monday, December 7, 2026',
      'Tuesday, December 8, 2026',
    ]);
    expect(page.get('button', 'Tuesday, December 1, 2026').getAttribute('aria-disabled')).to.equal('true');
    expect(page.get('button', 'Thursday, December 3, 2026').getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('books for a viewer in the service timezone and posts the exact body', async () => {
    const { slots } = await seed();
    const { el, page } = await mount();
    await page.ready();
    const dateEvent = oneEvent(el, 'rk-date-select');
    await page.click('button', 'Wednesday, December 2, 2026');
    expect((await dateEvent).detail).to.deep.equal({ date: '2026-12-02' });
    expect(page.get('status', /1 time available/)).to.exist;
    const slotEvent = oneEvent(el, 'rk-slot-select');
    await page.click('button', /^2:00\s?PM – 3:00\s?PM/);
    expect((await slotEvent).detail).to.include({ timeSlotId: slots.wedAfternoon.id, date: '2026-12-02' });
    await expect(el).to.be.accessible();

    await page.fill({ name: 'Jane Doe', email: 'jane@example.com', phone: '+1 202-555-0185', message: 'First visit' });
    const booked = oneEvent(el, 'rk-booked');
    await page.click('button', 'Book');
    const { detail } = await booked;
    expect(posts()).to.have.length(1);
    expect(posts()[0].body).to.deep.equal({
      date: '2026-12-02',
      time_slot_id: slots.wedAfternoon.id,
      customer_name: 'Jane Doe',
      customer_email: 'jane@example.com',
      customer_phone: '+12025550185',
      message: 'First visit',
    });
    expect(posts()[0].url.searchParams.get('service_id')).to.equal('1');
    expect(detail.bookingId).to.be.a('number');
    expect(detail.start).to.equal('2026-12-02T14:00:00.000-05:00');
    const heading = await page.find('heading', "You're booked");
    expect(page.root.activeElement).to.equal(heading);
    expect(page.root.textContent).to.contain('Wednesday, December 2, 2026');
    await expect(el).to.be.accessible();
  });

  it('lists a Monday 21:00 New York slot on Tuesday for a Tokyo viewer and posts Monday', async () => {
    const { slots } = await seed();
    const { el, page } = await mount({ timezone: 'Asia/Tokyo' });
    await page.ready();
    expect(page.root.textContent).to.contain('Tokyo');
    await page.click('button', 'Tuesday, December 8, 2026');
    const slot = page.get('button', /^11:00\s?AM – 12:00\s?PM/);
    // The service's own time is shown too, since the zones differ.
    expect(accessibleName(slot)).to.match(/9:00\s?PM – 10:00\s?PM/);
    slot.click();
    await el.updateComplete;
    await page.fill({ name: 'Kenji Sato', email: 'kenji@example.jp' });
    const booked = oneEvent(el, 'rk-booked');
    await page.click('button', 'Book');
    await booked;
    expect(posts()[0].body).to.deep.equal({
      date: '2026-12-07',
      time_slot_id: slots.monEvening.id,
      customer_name: 'Kenji Sato',
      customer_email: 'kenji@example.jp',
    });
    expect(page.root.textContent).to.match(/Monday, December 7, 2026/);
  });

  it('lists a Tuesday 01:00 New York slot on Monday for a Los Angeles viewer and posts Tuesday', async () => {
    const { slots } = await seed();
    const { el, page } = await mount({ timezone: 'America/Los_Angeles' });
    await page.ready();
    await page.click('button', 'Monday, December 7, 2026');
    expect(page.slots().map((s) => s.querySelector('.time')!.textContent!.replace(/\s/g, ' '))).to.deep.equal([
      '6:00 AM – 6:30 AM',
      '6:00 PM – 7:00 PM',
      '10:00 PM – 10:30 PM',
    ]);
    await page.click('button', /^10:00\s?PM – 10:30\s?PM/);
    await page.fill({ name: 'Ana', email: 'ana@example.com', phone: '(202) 555-0185' });
    const booked = oneEvent(el, 'rk-booked');
    await page.click('button', 'Book');
    const { detail } = await booked;
    expect(posts()[0].body).to.deep.equal({
      date: '2026-12-08',
      time_slot_id: slots.tueEarly.id,
      customer_name: 'Ana',
      customer_email: 'ana@example.com',
      customer_phone: '+12025550185',
    });
    expect(detail).to.include({ date: '2026-12-08', serviceTimezone: 'America/New_York', viewerTimezone: 'America/Los_Angeles' });
  });

  it('loads service and slots in parallel and browsing months makes no request', async () => {
    await seed();
    const { el, page } = await mount();
    await page.ready();
    const gets = api.requests.filter((r) => r.method === 'GET').map((r) => r.url.pathname);
    expect(gets.sort()).to.deep.equal(['/v1/services/1', '/v1/services/1/time-slots']);
    await page.click('button', 'Next month');
    expect(page.get('heading', 'January 2027')).to.exist;
    await page.click('button', 'Monday, January 4, 2027');
    await page.click('button', 'Previous month');
    await el.updateComplete;
    expect(api.requests).to.have.length(2);
  });

  it('renders HTML from the API as text', async () => {
    await seed('<img src=x onerror="window.__pwned=1">Spa', '<b>bold</b> claims');
    const { page } = await mount();
    await page.ready();
    expect(page.get('heading', '<img src=x onerror="window.__pwned=1">Spa')).to.exist;
    expect(page.root.querySelector('img, b')).to.equal(null);
    expect(page.root.textContent).to.contain('<b>bold</b> claims');
  });

  it('fills the form from prefill attributes', async () => {
    await seed();
    const { el, page } = await mount();
    el.customerName = 'Pre Filled';
    el.customerEmail = 'pre@example.com';
    await page.ready();
    await page.click('button', 'Wednesday, December 2, 2026');
    await page.click('button', /^2:00/);
    expect(page.value('Name')).to.equal('Pre Filled');
    expect(page.value('Email')).to.equal('pre@example.com');
  });

  it('reloads when service-id changes', async () => {
    await seed();
    api.seedService({ id: 2, name: 'Massage', timezone: 'Europe/Paris', time_slots: [] });
    const { el, page } = await mount();
    await page.ready();
    el.serviceId = '2';
    await page.find('heading', 'Massage');
    expect(page.enabledDays()).to.deep.equal([]);
  });
});
