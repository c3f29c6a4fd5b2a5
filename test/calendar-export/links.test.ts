import { expect } from '@open-wc/testing';
import { googleCalendarUrl, outlookCalendarUrl } from '../../src/calendar-export/links';
import type { CalendarEvent } from '../../src/calendar-export/ics';

const event: CalendarEvent = {
  uid: 'x',
  start: Date.parse('2026-12-08T02:00:00Z'),
  end: Date.parse('2026-12-08T03:30:00Z'),
  title: 'Hair & beard, 30% off',
  description: 'Line one\nhttps://shop.example/manage?token=a+b/c=',
};

/** The query as the provider's server decodes it. */
const params = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('add-to-calendar links', () => {
  it('Google Calendar: event template with UTC dates, text, details and the viewer zone', () => {
    const url = googleCalendarUrl(event, 'Asia/Tokyo');
    expect(url.startsWith('https://calendar.google.com/calendar/render?')).to.equal(true);
    expect(params(url)).to.deep.equal({
      action: 'TEMPLATE',
      text: 'Hair & beard, 30% off',
      dates: '20261208T020000Z/20261208T033000Z',
      details: 'Line one\nhttps://shop.example/manage?token=a+b/c=',
      ctz: 'Asia/Tokyo',
    });
  });

  it('Outlook.com: compose deep link with ISO UTC start and end', () => {
    const url = outlookCalendarUrl(event);
    expect(url.startsWith('https://outlook.live.com/calendar/0/deeplink/compose?')).to.equal(true);
    expect(params(url)).to.deep.equal({
      path: '/calendar/action/compose',
      rru: 'addevent',
      subject: 'Hair & beard, 30% off',
      startdt: '2026-12-08T02:00:00Z',
      enddt: '2026-12-08T03:30:00Z',
      body: 'Line one\nhttps://shop.example/manage?token=a+b/c=',
    });
  });

  it('spaces are %20, never +, and nothing is left unencoded', () => {
    for (const url of [googleCalendarUrl(event, 'UTC'), outlookCalendarUrl(event)]) {
      const search = url.slice(url.indexOf('?') + 1);
      expect(search).to.not.match(/[ +\n]/);
      expect(search).to.include('Hair%20%26%20beard%2C%2030%25%20off');
    }
  });

  it('leaves out a parameter it has no value for', () => {
    const bare = { ...event, description: undefined };
    expect(params(googleCalendarUrl(bare))).to.not.have.any.keys('details', 'ctz');
    expect(params(outlookCalendarUrl(bare))).to.not.have.key('body');
  });
});
