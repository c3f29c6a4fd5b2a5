import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import type { TimeSlot } from '../../src/api/schemas';
import { escapeText, foldLine, icsDataUrl, icsText, type CalendarEvent } from '../../src/calendar-export/ics';
import { createSchedule } from '../../src/schedule';

const NY = 'America/New_York';
const TOKYO = 'Asia/Tokyo';
const slot = (id: number, day: number, start: string, end: string): TimeSlot => ({
  id,
  day_of_week: day,
  start_time: `2023-01-01 ${start}:00`,
  end_time: `2023-01-01 ${end}:00`,
  max_bookings: 1,
});

/** The event as a real iCalendar parser reads it. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  const utc = (t: ICAL.Time) => (expect(t.zone?.tzid, 'written in UTC').to.equal('UTC'), t.toJSDate().toISOString());
  return {
    calendar,
    vevent,
    uid: event.uid,
    start: utc(event.startDate),
    end: utc(event.endDate),
    stamp: utc(vevent.getFirstPropertyValue('dtstamp') as ICAL.Time),
    summary: event.summary,
    description: event.description,
  };
}

const base: CalendarEvent = {
  uid: 'reservekit-booking-42@shop.example',
  start: Date.parse('2026-12-07T14:00:00Z'),
  end: Date.parse('2026-12-07T15:00:00Z'),
  title: 'Consultation',
  description: 'Bring your notes',
  stamp: Date.parse('2026-12-01T08:30:05.123Z'),
};

describe('.ics file', () => {
  it('is one VCALENDAR with one VEVENT that ical.js reads back', () => {
    const text = icsText(base);
    const event = parse(text);
    expect(event.calendar.getFirstPropertyValue('version')).to.equal('2.0');
    expect(event.calendar.getFirstPropertyValue('prodid')).to.be.a('string').and.not.empty;
    expect(event.calendar.getAllSubcomponents('vevent')).to.have.length(1);
    expect(event).to.include({
      uid: 'reservekit-booking-42@shop.example',
      start: '2026-12-07T14:00:00.000Z',
      end: '2026-12-07T15:00:00.000Z',
      stamp: '2026-12-01T08:30:05.000Z',
      summary: 'Consultation',
      description: 'Bring your notes',
    });
  });

  it('writes instants in the UTC form, with CRLF line ends', () => {
    const text = icsText(base);
    expect(text).to.match(/\r\nDTSTART:20261207T140000Z\r\nDTEND:20261207T150000Z\r\n/);
    expect(text.endsWith('END:VCALENDAR\r\n')).to.equal(true);
    expect(text.replace(/\r\n/g, '')).to.not.match(/[\r\n]/);
  });

  it('keeps the same UID for the same booking, whenever it is downloaded', () => {
    const again = icsText({ ...base, stamp: base.stamp! + 3_600_000 });
    expect(parse(again).uid).to.equal(parse(icsText(base)).uid);
  });

  it('leaves DESCRIPTION out when there is none', () => {
    expect(icsText({ ...base, description: '' })).to.not.include('DESCRIPTION');
  });

  it('escapes backslash, semicolon, comma and line breaks in text', () => {
    const title = 'Cut, colour; style \\ wash';
    const description = 'Line one\r\nLine two\nLine three\rend';
    const text = icsText({ ...base, title, description });
    expect(text).to.include('SUMMARY:Cut\\, colour\\; style \\\\ wash\r\n');
    expect(text).to.include('DESCRIPTION:Line one\\nLine two\\nLine three\\nend\r\n');
    expect(parse(text)).to.include({ summary: title, description: 'Line one\nLine two\nLine three\nend' });
  });

  it('drops control characters TEXT may not hold, keeps tabs', () => {
    expect(escapeText('a\u0000b\u0007c\td\u007f')).to.equal('abc\td');
  });

  it('folds long non-ASCII lines at 75 octets without splitting a character', () => {
    // 2-, 3- and 4-byte characters, so cuts would land inside one if counted in UTF-16 units.
    const title = 'Séance de thérapie — 東京の相談 🧘‍♀️ '.repeat(8);
    const description = 'مرحبا بكم في جلسة الاستشارة، ' .repeat(10) + '\n' + 'ü'.repeat(100);
    const text = icsText({ ...base, title, description });
    const bytes = new TextEncoder().encode(text);
    // Split the bytes (not the string) at CRLF, so a cut inside a character shows up as bad UTF-8.
    const lines: Uint8Array[] = [];
    for (let i = 0, from = 0; i <= bytes.length; i++) {
      if (i === bytes.length || (bytes[i] === 13 && bytes[i + 1] === 10)) lines.push(bytes.subarray(from, i)), (from = i + 2), i++;
    }
    const folded = lines.filter((l) => l[0] === 32);
    expect(folded.length, 'continuation lines').to.be.greaterThan(10);
    for (const line of lines) {
      expect(line.length).to.be.at.most(75);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(line)).to.not.throw();
    }
    // Lines are filled, not cut early: a fold happens only when the next character would not fit.
    const summary = text.split('\r\n').filter((_, i, all) => all.slice(0, i + 1).some((l) => l.startsWith('SUMMARY:')));
    expect(new TextEncoder().encode(summary[0]).length).to.be.within(72, 75);
    expect(parse(text)).to.include({ summary: title, description });
  });

  it('foldLine leaves a 75-octet line alone and starts continuations with one space', () => {
    const line = 'X'.repeat(75);
    expect(foldLine(line)).to.equal(line);
    expect(foldLine(line + 'YZ')).to.equal(`${line}\r\n YZ`);
    expect(foldLine('é'.repeat(40))).to.equal(`${'é'.repeat(37)}\r\n ${'é'.repeat(3)}`);
  });

  it('is offered as a data: URL whose bytes are the file', async () => {
    const url = icsDataUrl({ ...base, title: 'Thé & café, 50%' });
    expect(url.startsWith('data:text/calendar;charset=utf-8,')).to.equal(true);
    const body = await (await fetch(url)).text();
    expect(body).to.equal(icsText({ ...base, title: 'Thé & café, 50%' }));
    expect(parse(body).summary).to.equal('Thé & café, 50%');
  });
});

describe('.ics instants across zones', () => {
  it('a Tokyo viewer of a New York service: Monday 21:00 New York is 02:00 UTC Tuesday', () => {
    const plan = createSchedule({ slots: [slot(7, 1, '21:00', '22:00')], serviceZone: NY, viewerZone: TOKYO, now: Date.parse('2026-12-01T00:00:00Z') });
    // Listed on Tuesday in Tokyo (11:00 JST), posted as Monday in New York.
    const [o] = plan.day('2026-12-08');
    expect(o.serviceDate).to.equal('2026-12-07');
    const event = parse(icsText({ ...base, start: o.startMs, end: o.endMs }));
    expect([event.start, event.end]).to.deep.equal(['2026-12-08T02:00:00.000Z', '2026-12-08T03:00:00.000Z']);
  });

  it('the same 09:00 New York slot is 14:00 UTC before the March DST change and 13:00 UTC after', () => {
    const plan = createSchedule({ slots: [slot(9, 5, '09:00', '10:00')], serviceZone: NY, viewerZone: TOKYO, now: Date.parse('2026-02-25T00:00:00Z') });
    const starts = ['2026-03-06', '2026-03-13'].map((date) => {
      const o = plan.find(9, date)!;
      return parse(icsText({ ...base, start: o.startMs, end: o.endMs })).start;
    });
    expect(starts).to.deep.equal(['2026-03-06T14:00:00.000Z', '2026-03-13T13:00:00.000Z']);
  });

  it('a slot across the spring-forward gap lasts the hour it really lasts', () => {
    // Sunday 01:30-03:30 in New York on 2026-03-08: 02:00 does not exist, so the event is one hour long.
    const plan = createSchedule({ slots: [slot(3, 0, '01:30', '03:30')], serviceZone: NY, viewerZone: NY, now: Date.parse('2026-03-01T00:00:00Z') });
    const o = plan.find(3, '2026-03-08')!;
    const event = parse(icsText({ ...base, start: o.startMs, end: o.endMs }));
    expect([event.start, event.end]).to.deep.equal(['2026-03-08T06:30:00.000Z', '2026-03-08T07:30:00.000Z']);
  });
});
