import { expect, oneEvent } from '@open-wc/testing';
import ICAL from 'ical.js';
import { api, mount, seed } from './setup';
import { accessibleName, type BookingPage } from './page';

/** Books Monday 7 December 21:00 New York (Tuesday 11:00 in Tokyo) as a Tokyo visitor. */
async function bookAsTokyoVisitor(extra = {}) {
  await seed('Consultation, first visit', 'Bring; your notes');
  const { el, page } = await mount({ timezone: 'Asia/Tokyo', extra });
  await page.ready();
  await page.click('button', 'Tuesday, December 8, 2026');
  await page.click('button', /^11:00\s?AM – 12:00\s?PM/);
  await page.fill({ name: 'Kenji Sato', email: 'kenji@example.jp' });
  const booked = oneEvent(el, 'rk-booked');
  await page.click('button', 'Book');
  const { detail } = await booked;
  await page.find('heading', "You're booked");
  return { el, page, detail };
}

const link = (page: BookingPage, name: string | RegExp) => page.get('link', name) as HTMLAnchorElement;

describe('<reservekit-booking> confirmation: add to calendar', () => {
  it('offers a calendar file that a real parser reads as the booked UTC instants', async () => {
    const { el, page, detail } = await bookAsTokyoVisitor();
    expect(page.get('heading', 'Add to calendar')).to.exist;
    const file = link(page, 'Calendar file (.ics)');
    expect(file.getAttribute('download')).to.equal('Consultation, first visit.ics');
    const text = await (await fetch(file.href)).text();
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    // Monday 21:00-22:00 in New York (EST, UTC-5) is Tuesday 02:00-03:00 UTC.
    expect(event.startDate.toJSDate().toISOString()).to.equal('2026-12-08T02:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).to.equal('2026-12-08T03:00:00.000Z');
    expect(event.startDate.zone?.tzid).to.equal('UTC');
    expect(event.summary).to.equal('Consultation, first visit');
    expect(event.description).to.equal('Bring; your notes');
    expect(event.uid).to.equal(`reservekit-booking-${detail.bookingId}@${location.hostname}`);
    await expect(el).to.be.accessible();
  });

  it('links to Google Calendar and Outlook.com with the same times, in a new tab', async () => {
    const { page } = await bookAsTokyoVisitor();
    const google = new URL(link(page, /^Google Calendar/).href);
    expect(google.origin + google.pathname).to.equal('https://calendar.google.com/calendar/render');
    expect(Object.fromEntries(google.searchParams)).to.deep.equal({
      action: 'TEMPLATE',
      text: 'Consultation, first visit',
      dates: '20261208T020000Z/20261208T030000Z',
      details: 'Bring; your notes',
      ctz: 'Asia/Tokyo',
    });
    const outlook = new URL(link(page, /^Outlook\.com/).href);
    expect(outlook.origin + outlook.pathname).to.equal('https://outlook.live.com/calendar/0/deeplink/compose');
    expect(Object.fromEntries(outlook.searchParams)).to.include({ subject: 'Consultation, first visit', startdt: '2026-12-08T02:00:00Z', enddt: '2026-12-08T03:00:00Z' });
    for (const a of [link(page, /^Google Calendar/), link(page, /^Outlook\.com/)]) {
      expect(a.target).to.equal('_blank');
      expect(a.rel).to.equal('noopener noreferrer');
      expect(accessibleName(a)).to.contain('(opens in a new tab)');
    }
  });

  it('is in the visitor’s language', async () => {
    await seed();
    const { el, page } = await mount({ locale: 'de-DE' });
    await page.ready();
    await page.click('button', 'Mittwoch, 2. Dezember 2026');
    await page.click('button', /^14:00/);
    await page.type('Name', 'Jana');
    await page.type('E-Mail', 'jana@example.de');
    await page.click('button', 'Buchen');
    await page.find('heading', 'Ihr Termin ist gebucht');
    expect(page.get('heading', 'Zum Kalender hinzufügen')).to.exist;
    expect(link(page, 'Kalenderdatei (.ics)')).to.exist;
    await expect(el).to.be.accessible();
  });
});

/** Jane books Wednesday 2 December 14:00 New York; resolves on the confirmation. */
async function bookWednesday() {
  const { el, page } = await mount();
  await page.ready();
  await page.click('button', 'Wednesday, December 2, 2026');
  await page.click('button', /^2:00\s?PM/);
  await page.fill({ name: 'Jane Doe', email: 'jane@example.com' });
  const booked = oneEvent(el, 'rk-booked');
  await page.click('button', 'Book');
  const { detail } = await booked;
  await page.find('heading', "You're booked");
  return { el, page, detail };
}

describe('<reservekit-booking> confirmation: the manage link', () => {
  it('links to the manage page and tells the page its token and address, when the proxy issues them', async () => {
    await seed();
    // The mock standing in for the proxy, with manage links on.
    api.setOptions({ manage: { secret: 'the manage secret of this shop, 32+ bytes', url: 'https://shop.example/manage?token={token}' } });
    try {
      const { el, page, detail } = await bookWednesday();
      expect(detail.manageToken).to.be.a('string').and.match(/^[\w-]{40,}$/);
      expect(detail.manageUrl).to.equal(`https://shop.example/manage?token=${detail.manageToken}`);
      const manage = (await page.find('link', 'Change or cancel this booking')) as HTMLAnchorElement;
      expect(manage.href).to.equal(detail.manageUrl);
      // The calendar entry carries the link too, so the visitor finds it from their calendar.
      const ics = await (await fetch((page.get('link', 'Calendar file (.ics)') as HTMLAnchorElement).href)).text();
      expect(new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!).description).to.equal(
        `30-minute initial consultation\n\nChange or cancel: ${detail.manageUrl}`,
      );
      await expect(el).to.be.accessible();
    } finally {
      api.setOptions({ manage: null });
    }
  });

  it('has no manage link, and null in rk-booked, without manage links', async () => {
    await seed();
    const { page, detail } = await bookWednesday();
    expect(detail).to.include({ manageToken: null, manageUrl: null });
    expect(page.query('link', 'Change or cancel this booking')).to.equal(undefined);
  });
});
