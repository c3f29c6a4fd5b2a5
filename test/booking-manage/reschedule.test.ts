import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import { accessibleName } from '../booking/page';
import { api, mountManage, seedBooked, stored, writes, type Booked } from './setup';

const isDisabled = (el: Element) => el.getAttribute('aria-disabled') === 'true';

describe('<reservekit-booking-manage>: rescheduling', () => {
  let booked: Booked;
  beforeEach(async () => {
    booked = await seedBooked();
  });

  async function openCalendar() {
    const mounted = await mountManage(booked.token);
    await mounted.page.click('button', 'Reschedule');
    await mounted.page.find('heading', 'Choose a new time');
    await mounted.page.ready();
    return mounted;
  }

  it('shows the same calendar with the current time marked and full times disabled', async () => {
    // Monday 7th 21:00 has one place, taken by someone else.
    api.seedBooking({ date: '2026-12-07', time_slot_id: booked.slots.monEvening.id, customer_email: 'eve@example.com' });
    const { el, page } = await openCalendar();
    await page.click('button', 'Wednesday, December 2, 2026');
    const current = page.get('button', /^2:00\s?PM – 3:00\s?PM/);
    expect(accessibleName(current)).to.contain('Your current time');
    expect(current.getAttribute('aria-current')).to.equal('true');
    expect(isDisabled(current)).to.equal(true);
    await page.click('button', 'Monday, December 7, 2026');
    await waitUntil(() => isDisabled(page.get('button', /^9:00\s?PM – 10:00\s?PM/)), 'the full time is not disabled');
    expect(accessibleName(page.get('button', /^9:00\s?PM – 10:00\s?PM/))).to.contain('Fully booked');
    await expect(el).to.be.accessible();
  });

  it('moves the booking: the new one is made, the old one cancelled, and the page follows the new one', async () => {
    const { el, page } = await openCalendar();
    await page.click('button', 'Monday, December 7, 2026');
    await page.click('button', /^9:00\s?AM – 9:30\s?AM/);
    expect(page.root.textContent).to.match(/New time: Monday, December 7, 2026, 9:00\s?AM – 9:30\s?AM/);
    await expect(el).to.be.accessible();
    const moved = oneEvent(el, 'rk-rescheduled');
    await page.click('button', 'Move booking');
    const { detail } = await moved;
    expect(detail).to.include({ previousBookingId: booked.id, start: '2026-12-07T09:00:00.000-05:00', end: '2026-12-07T09:30:00.000-05:00' });
    expect(detail.bookingId).to.not.equal(booked.id);
    expect(detail.manageToken).to.be.a('string').and.not.equal(booked.token);
    expect(detail.manageUrl).to.equal(`https://shop.example/manage?token=${detail.manageToken}`);
    const heading = await page.find('heading', 'Your booking is moved');
    expect(page.root.activeElement).to.equal(heading);

    expect(writes().map((r) => [r.method, r.url.pathname, r.body])).to.deep.equal([
      ['POST', `/v1/manage/${booked.token}/reschedule`, { date: '2026-12-07', time_slot_id: booked.slots.monMorning.id }],
    ]);
    expect(stored(booked.id).status).to.equal('cancelled');
    expect(stored(booked.id).cancel_reason).to.match(/^Rescheduled to 2026-12-07 09:00/);
    expect(stored(detail.bookingId)).to.include({ date: '2026-12-07', time_slot_id: booked.slots.monMorning.id });
    expect(stored(detail.bookingId).status).to.not.equal('cancelled');

    // The summary, the calendar file and the manage link are the new booking's.
    expect(page.root.querySelector('dl')!.textContent).to.match(/Monday, December 7, 2026, 9:00\s?AM – 9:30\s?AM/);
    const ics = await (await fetch((page.get('link', 'Calendar file (.ics)') as HTMLAnchorElement).href)).text();
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).to.equal('2026-12-07T14:00:00.000Z');
    expect(event.description).to.contain(detail.manageUrl!);
    expect((page.get('link', 'Change or cancel this booking') as HTMLAnchorElement).href).to.equal(detail.manageUrl);
    await expect(el).to.be.accessible();
    // A later render (the clock moved on) keeps the same file: its DTSTAMP is when the booking moved.
    const file = (page.get('link', 'Calendar file (.ics)') as HTMLAnchorElement).href;
    const now = el.now;
    el.now = () => new Date(+now() + 60_000);
    await el.updateComplete;
    expect((page.get('link', 'Calendar file (.ics)') as HTMLAnchorElement).href).to.equal(file);

    // Further changes use the new link.
    await page.click('button', 'Back to your booking');
    await page.click('button', 'Cancel booking');
    await page.click('button', 'Yes, cancel it');
    await page.find('heading', 'Your booking is cancelled');
    expect(writes()[1].url.pathname).to.equal(`/v1/manage/${detail.manageToken}/cancel`);
    expect(stored(detail.bookingId).status).to.equal('cancelled');
  });

  it('when the new time filled up meanwhile, says so, marks it full and keeps the original booking', async () => {
    const { el, page } = await openCalendar();
    await page.click('button', 'Monday, December 7, 2026');
    await page.click('button', /^9:00\s?PM – 10:00\s?PM/);
    // Someone else takes the only place while the visitor reads.
    api.seedBooking({ date: '2026-12-07', time_slot_id: booked.slots.monEvening.id, customer_email: 'quick@example.com' });
    const error = oneEvent(el, 'rk-error');
    await page.click('button', 'Move booking');
    expect((await error).detail.code).to.equal('slot_full');
    await page.find('alert');
    expect(page.alertText()).to.equal('This time is now full, please pick another');
    expect(isDisabled(page.get('button', /^9:00\s?PM – 10:00\s?PM/))).to.equal(true);
    expect(page.query('button', 'Move booking')).to.equal(undefined);
    expect(stored(booked.id).status).to.not.equal('cancelled');
    expect(api.store.bookings.filter((b) => b.customer?.email === 'jane@example.com')).to.have.length(1);
  });

  it('when the old booking cannot be released, the new one is cancelled and the visitor is told the original stands', async () => {
    const { el, page } = await openCalendar();
    await page.click('button', 'Monday, December 7, 2026');
    await page.click('button', /^9:00\s?AM – 9:30\s?AM/);
    // The proxy's cancel of the old booking fails upstream.
    api.failNext({ method: 'PATCH', path: `/v1/bookings/${booked.id}` }, { status: 500 });
    const error = oneEvent(el, 'rk-error');
    await page.click('button', 'Move booking');
    expect((await error).detail.message).to.equal('We could not finish moving your booking: your original time is kept');
    await page.find('alert');
    expect(page.alertText()).to.equal('We could not finish moving your booking: your original time is kept');
    const jane = api.store.bookings.filter((b) => b.customer?.email === 'jane@example.com');
    expect(jane.map((b) => [b.date, b.status === 'cancelled'])).to.deep.equal([
      ['2026-12-02', false],
      ['2026-12-07', true],
    ]);
    // The page still shows the original time, and can still manage it.
    expect(page.root.querySelector('dl')!.textContent).to.match(/Wednesday, December 2, 2026, 2:00\s?PM – 3:00\s?PM/);
    expect(page.get('button', 'Reschedule')).to.exist;
  });

  it('a booking cancelled meanwhile refuses the move and says why', async () => {
    const { page } = await openCalendar();
    await page.click('button', 'Monday, December 7, 2026');
    await page.click('button', /^9:00\s?AM – 9:30\s?AM/);
    stored(booked.id).status = 'cancelled';
    await page.click('button', 'Move booking');
    await waitUntil(() => page.alertText().includes('This booking was cancelled and can no longer be changed'));
    expect(page.root.querySelector('dl')!.textContent).to.contain('Cancelled');
    expect(page.query('button', 'Move booking')).to.equal(undefined);
    expect(page.query('button', 'Reschedule')).to.equal(undefined);
    expect(api.store.bookings.filter((b) => b.date === '2026-12-07')).to.have.length(0);
  });

  it('the calendar works from the keyboard as in the booking widget', async () => {
    const { page } = await openCalendar();
    expect(page.root.activeElement).to.equal(page.get('heading', 'Choose a new time'));
    const day = page.root.querySelector<HTMLButtonElement>('[role=grid] button[tabindex="0"]')!;
    day.focus();
    const from = accessibleName(day);
    await sendKeys({ press: 'ArrowRight' });
    const next = page.root.activeElement!;
    expect(next.closest('[role=grid]'), 'focus stays in the grid').to.exist;
    expect(accessibleName(next)).to.not.equal(from);
    await page.click('button', 'Monday, December 7, 2026');
    expect(page.root.activeElement!.closest('.slots'), 'a chosen day moves the focus to its times').to.exist;
  });

  it('Back to your booking leaves the calendar without a request', async () => {
    const { page } = await openCalendar();
    await page.click('button', 'Back to your booking');
    expect(page.get('button', 'Reschedule')).to.exist;
    expect(writes()).to.have.length(0);
  });
});
