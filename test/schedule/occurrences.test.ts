import { expect } from '@open-wc/testing';
import { DateTime } from 'luxon';
import type { TimeSlot } from '../../src/api/schemas';
import {
  bookableViewerDates,
  createSchedule,
  findOccurrence,
  occurrencesBetween,
  parseClock,
  windowBounds,
  type Occurrence,
  type ScheduleInput,
} from '../../src/schedule';

const NY = 'America/New_York';
const TOKYO = 'Asia/Tokyo';
const LA = 'America/Los_Angeles';

/** `start`/`end` as "HH:MM" (placeholder date added) or a full slot time string. */
const slot = (id: number, day: number, start: string, end: string): TimeSlot => ({
  id,
  service_id: 1,
  day_of_week: day,
  start_time: start.length === 5 ? `2023-01-01 ${start}:00` : start,
  end_time: end.length === 5 ? `2023-01-01 ${end}:00` : end,
  max_bookings: 3,
});

const view = (o: Occurrence) => ({
  key: o.key,
  serviceDate: o.serviceDate,
  viewerDate: o.viewerDate,
  start: o.start,
  end: o.end,
});

// 2026-06-01 is a Monday; 00:00Z is Sunday 20:00 in New York.
const JUNE = Date.parse('2026-06-01T00:00:00Z');

describe('schedule: occurrences', () => {
  const slots = [slot(1, 1, '21:00', '22:00'), slot(2, 1, '00:30', '01:30')];
  const input = (viewerZone: string, extra: Partial<ScheduleInput> = {}): ScheduleInput => ({
    slots,
    serviceZone: NY,
    viewerZone,
    now: JUNE,
    ...extra,
  });

  it('lists occurrences on the service date when the viewer shares the service zone', () => {
    expect(occurrencesBetween(input(NY), '2026-06-01', '2026-06-07').map(view)).to.deep.equal([
      {
        key: '2@2026-06-01',
        serviceDate: '2026-06-01',
        viewerDate: '2026-06-01',
        start: '2026-06-01T00:30:00.000-04:00',
        end: '2026-06-01T01:30:00.000-04:00',
      },
      {
        key: '1@2026-06-01',
        serviceDate: '2026-06-01',
        viewerDate: '2026-06-01',
        start: '2026-06-01T21:00:00.000-04:00',
        end: '2026-06-01T22:00:00.000-04:00',
      },
    ]);
  });

  it('lists a Monday 21:00 New York slot on Tuesday for a Tokyo viewer, posting Monday', () => {
    const list = occurrencesBetween(input(TOKYO), '2026-06-01', '2026-06-07');
    expect(list.map(view)).to.deep.equal([
      {
        key: '2@2026-06-01',
        serviceDate: '2026-06-01',
        viewerDate: '2026-06-01',
        start: '2026-06-01T00:30:00.000-04:00',
        end: '2026-06-01T01:30:00.000-04:00',
      },
      {
        key: '1@2026-06-01',
        serviceDate: '2026-06-01',
        viewerDate: '2026-06-02',
        start: '2026-06-01T21:00:00.000-04:00',
        end: '2026-06-01T22:00:00.000-04:00',
      },
    ]);
    expect(new Date(list[1].startMs).toISOString()).to.equal('2026-06-02T01:00:00.000Z');
    expect(list[1].serviceZone).to.equal(NY);
    expect(occurrencesBetween(input(TOKYO), '2026-06-02', '2026-06-02').map((o) => o.key)).to.deep.equal([
      '1@2026-06-01',
    ]);
  });

  it('moves an early-morning slot to the previous day for a Los Angeles viewer', () => {
    expect(occurrencesBetween(input(LA), '2026-05-31', '2026-06-07').map(view)).to.deep.equal([
      {
        key: '2@2026-06-01',
        serviceDate: '2026-06-01',
        viewerDate: '2026-05-31',
        start: '2026-06-01T00:30:00.000-04:00',
        end: '2026-06-01T01:30:00.000-04:00',
      },
      {
        key: '1@2026-06-01',
        serviceDate: '2026-06-01',
        viewerDate: '2026-06-01',
        start: '2026-06-01T21:00:00.000-04:00',
        end: '2026-06-01T22:00:00.000-04:00',
      },
      {
        key: '2@2026-06-08',
        serviceDate: '2026-06-08',
        viewerDate: '2026-06-07',
        start: '2026-06-08T00:30:00.000-04:00',
        end: '2026-06-08T01:30:00.000-04:00',
      },
    ]);
  });

  it('treats day_of_week 0 as Sunday and 6 as Saturday', () => {
    const list = occurrencesBetween(
      { ...input(NY), slots: [slot(5, 0, '10:00', '11:00'), slot(6, 6, '10:00', '11:00')] },
      '2026-06-01',
      '2026-06-14',
    );
    expect(list.map((o) => [o.key, DateTime.fromISO(o.start, { setZone: true }).weekdayLong])).to.deep.equal([
      ['6@2026-06-06', 'Saturday'],
      ['5@2026-06-07', 'Sunday'],
      ['6@2026-06-13', 'Saturday'],
      ['5@2026-06-14', 'Sunday'],
    ]);
  });

  it('ends a slot on the next day when its end is not after its start', () => {
    const list = occurrencesBetween(
      {
        ...input(NY),
        slots: [slot(7, 5, '22:00', '02:00'), slot(8, 5, '09:00', '09:00'), slot(9, 5, '23:00', '00:00')],
      },
      '2026-06-05',
      '2026-06-05',
    );
    expect(list.map((o) => [o.key, o.start, o.end])).to.deep.equal([
      ['8@2026-06-05', '2026-06-05T09:00:00.000-04:00', '2026-06-06T09:00:00.000-04:00'],
      ['7@2026-06-05', '2026-06-05T22:00:00.000-04:00', '2026-06-06T02:00:00.000-04:00'],
      ['9@2026-06-05', '2026-06-05T23:00:00.000-04:00', '2026-06-06T00:00:00.000-04:00'],
    ]);
  });

  it('reads ISO slot times as service wall-clock times, ignoring their offset', () => {
    const list = occurrencesBetween(
      {
        ...input(TOKYO),
        slots: [
          slot(10, 1, '2023-01-01T09:00:00Z', '2023-01-01T10:30:00+02:00'),
          slot(11, 1, '2023-01-01T23:15:00-05:00', '2023-01-02T00:45:00.000Z'),
        ],
      },
      '2026-06-01',
      '2026-06-02',
    );
    expect(list.map((o) => [o.key, o.viewerDate, o.start, o.end])).to.deep.equal([
      ['10@2026-06-01', '2026-06-01', '2026-06-01T09:00:00.000-04:00', '2026-06-01T10:30:00.000-04:00'],
      ['11@2026-06-01', '2026-06-02', '2026-06-01T23:15:00.000-04:00', '2026-06-02T00:45:00.000-04:00'],
    ]);
  });

  it('parses the clock part of every accepted slot time format', () => {
    expect(parseClock('2023-01-01 09:05:07')).to.deep.equal({ hour: 9, minute: 5, second: 7 });
    expect(parseClock('2023-01-01T23:59:00+02:00')).to.deep.equal({ hour: 23, minute: 59, second: 0 });
    expect(parseClock('2023-01-01T09:00Z')).to.deep.equal({ hour: 9, minute: 0, second: 0 });
    expect(parseClock('2023-01-01T00:00:00.000Z')).to.deep.equal({ hour: 0, minute: 0, second: 0 });
    expect(parseClock('08:15')).to.deep.equal({ hour: 8, minute: 15, second: 0 });
    for (const bad of ['', 'noon', '2023-01-01', '2023-01-01 25:00:00', '2023-01-01 10:60:00']) {
      expect(() => parseClock(bad), bad).to.throw(RangeError);
    }
  });

  it('skips unparsable slots and lists a repeated slot id once', () => {
    const list = occurrencesBetween(
      { ...input(NY), slots: [slot(1, 1, '21:00', '22:00'), slot(1, 1, '21:00', '22:00'), slot(3, 1, '99:00', '10:00')] },
      '2026-06-01',
      '2026-06-30',
    );
    expect(list.map((o) => o.key)).to.deep.equal(['1@2026-06-01', '1@2026-06-08', '1@2026-06-15', '1@2026-06-22', '1@2026-06-29']);
  });

  it('rejects an unknown time zone', () => {
    expect(() => occurrencesBetween({ ...input(NY), serviceZone: 'Mars/Olympus' }, '2026-06-01', '2026-06-01')).to.throw(
      RangeError,
    );
  });

  it('returns nothing for malformed or reversed date ranges', () => {
    expect(occurrencesBetween(input(NY), '2026-6-1', '2026-06-30')).to.deep.equal([]);
    expect(occurrencesBetween(input(NY), '2026-06-30', '2026-06-01')).to.deep.equal([]);
  });
});

describe('schedule: booking window', () => {
  // 12:00Z is 08:00 in New York on Monday 2026-06-01.
  const now = Date.parse('2026-06-01T12:00:00Z');
  const slots = [
    slot(10, 1, '09:29', '10:00'),
    slot(11, 1, '09:30', '10:00'),
    slot(12, 1, '09:31', '10:00'),
    slot(13, 1, '07:00', '10:00'),
  ];
  const keys = (extra: Partial<ScheduleInput>) =>
    occurrencesBetween({ slots, serviceZone: NY, viewerZone: NY, now, daysAhead: 6, ...extra }, '2026-06-01', '2026-06-01').map(
      (o) => o.key,
    );

  it('offers an occurrence starting exactly at now + min-notice, not one a minute earlier', () => {
    expect(keys({ minNoticeMinutes: 90 })).to.deep.equal(['11@2026-06-01', '12@2026-06-01']);
    expect(keys({ minNoticeMinutes: 90, now: new Date(now + 60_000) })).to.deep.equal(['12@2026-06-01']);
    expect(keys({ minNoticeMinutes: 89 })).to.deep.equal(['10@2026-06-01', '11@2026-06-01', '12@2026-06-01']);
  });

  it('offers an occurrence starting exactly now without notice, never one already started', () => {
    expect(keys({ now: Date.parse('2026-06-01T13:30:00Z') })).to.deep.equal(['11@2026-06-01', '12@2026-06-01']);
  });

  it('offers nothing starting after now + days-ahead', () => {
    const list = occurrencesBetween(
      { slots: [slot(20, 1, '08:00', '09:00'), slot(21, 1, '08:01', '09:00')], serviceZone: NY, viewerZone: NY, now, daysAhead: 7 },
      '2026-05-01',
      '2026-06-30',
    );
    expect(list.map((o) => [o.key, new Date(o.startMs).toISOString()])).to.deep.equal([
      ['20@2026-06-01', '2026-06-01T12:00:00.000Z'],
      ['21@2026-06-01', '2026-06-01T12:01:00.000Z'],
      ['20@2026-06-08', '2026-06-08T12:00:00.000Z'],
    ]);
    expect(occurrencesBetween({ slots, serviceZone: NY, viewerZone: NY, now }, '2026-09-01', '2026-09-30')).to.deep.equal([]);
  });

  it('reports the first and last bookable viewer dates', () => {
    const evening = Date.parse('2026-06-01T20:00:00Z'); // 16:00 New York, 05:00 next day Tokyo
    const base = { slots, serviceZone: NY, now: evening };
    expect(windowBounds({ ...base, viewerZone: NY })).to.deep.equal({ first: '2026-06-01', last: '2026-07-31' });
    expect(windowBounds({ ...base, viewerZone: TOKYO })).to.deep.equal({ first: '2026-06-02', last: '2026-08-01' });
    expect(windowBounds({ ...base, viewerZone: NY, minNoticeMinutes: 8 * 60, daysAhead: 14 })).to.deep.equal({
      first: '2026-06-02',
      last: '2026-06-15',
    });
  });
});

describe('schedule: month boundaries, lookup and caching', () => {
  // Every day at 10:00 and 23:30 (overnight) in New York, seen from Tokyo.
  const slots = [0, 1, 2, 3, 4, 5, 6].flatMap((d) => [slot(30 + d, d, '10:00', '11:00'), slot(40 + d, d, '23:30', '00:30')]);
  const input: ScheduleInput = { slots, serviceZone: NY, viewerZone: TOKYO, now: JUNE, daysAhead: 90 };

  it('splits months by viewer date without duplicates or gaps', () => {
    const june = occurrencesBetween(input, '2026-06-01', '2026-06-30');
    const july = occurrencesBetween(input, '2026-07-01', '2026-07-31');
    const both = occurrencesBetween(input, '2026-06-01', '2026-07-31');
    expect([...june, ...july].map((o) => o.key)).to.deep.equal(both.map((o) => o.key));
    expect(new Set(both.map((o) => o.key)).size).to.equal(both.length);
    expect(view(june.at(-1)!)).to.deep.equal({
      key: '32@2026-06-30',
      serviceDate: '2026-06-30',
      viewerDate: '2026-06-30',
      start: '2026-06-30T10:00:00.000-04:00',
      end: '2026-06-30T11:00:00.000-04:00',
    });
    expect(view(july[0])).to.deep.equal({
      key: '42@2026-06-30',
      serviceDate: '2026-06-30',
      viewerDate: '2026-07-01',
      start: '2026-06-30T23:30:00.000-04:00',
      end: '2026-07-01T00:30:00.000-04:00',
    });
  });

  it('sorts by start, then slot id', () => {
    const list = occurrencesBetween(
      { ...input, slots: [slot(9, 1, '10:00', '11:00'), slot(3, 1, '10:00', '10:30'), slot(5, 1, '09:00', '10:00')] },
      '2026-06-01',
      '2026-06-01',
    );
    expect(list.map((o) => o.key)).to.deep.equal(['5@2026-06-01', '3@2026-06-01', '9@2026-06-01']);
  });

  it('lists the viewer dates that have occurrences', () => {
    const tuesdays = { ...input, slots: [slot(1, 1, '21:00', '22:00')] };
    expect([...bookableViewerDates(tuesdays, '2026-06-01', '2026-06-30')]).to.deep.equal([
      '2026-06-02',
      '2026-06-09',
      '2026-06-16',
      '2026-06-23',
      '2026-06-30',
    ]);
  });

  it('rebuilds an occurrence from its slot id and service date', () => {
    const found = findOccurrence(input, 42, '2026-06-30')!;
    expect(view(found)).to.deep.equal(view(occurrencesBetween(input, '2026-07-01', '2026-07-01')[0]));
    expect(findOccurrence(input, 42, '2026-07-01'), 'wrong weekday').to.equal(undefined);
    expect(findOccurrence(input, 99, '2026-06-30'), 'unknown slot').to.equal(undefined);
    expect(findOccurrence(input, 30, '2026-05-31'), 'already started').to.equal(undefined);
    expect(findOccurrence(input, 30, '2026-12-27'), 'beyond days-ahead').to.equal(undefined);
  });

  it('createSchedule answers like the plain functions and reuses its objects', () => {
    const schedule = createSchedule(input);
    const plain = occurrencesBetween(input, '2026-06-20', '2026-07-10');
    const cached = schedule.between('2026-06-20', '2026-07-10');
    expect(cached.map(view)).to.deep.equal(plain.map(view));
    expect(schedule.between('2026-06-20', '2026-07-10')[5]).to.equal(cached[5]);
    expect(schedule.day('2026-07-01')).to.equal(schedule.day('2026-07-01'));
    expect(schedule.day('2026-07-01').map((o) => o.key)).to.deep.equal(['42@2026-06-30', '33@2026-07-01']);
    expect(schedule.day('2025-01-01')).to.deep.equal([]);
    expect(schedule.find(42, '2026-06-30')).to.equal(schedule.day('2026-07-01')[0]);
    expect(schedule.find(42, '2026-07-01')).to.equal(undefined);
    expect([...schedule.bookableDates('2026-06-29', '2026-07-02')]).to.deep.equal([
      '2026-06-29',
      '2026-06-30',
      '2026-07-01',
      '2026-07-02',
    ]);
    expect([schedule.first, schedule.last]).to.deep.equal(['2026-06-01', '2026-08-30']);
  });

  it('warms a month a week per task: the same occurrences, in order, which its lookups then return', async () => {
    const warmed = createSchedule(input);
    let tasks = 0;
    await warmed.warm('2026-07', async () => void tasks++);
    expect(tasks, 'one pause per week of July').to.equal(5);
    const fresh = createSchedule(input);
    const july = warmed.between('2026-07-01', '2026-07-31');
    expect(july.map(view)).to.deep.equal(fresh.between('2026-07-01', '2026-07-31').map(view));
    expect(warmed.day('2026-07-01')[0], 'looked up, not expanded again').to.equal(july[0]);
    // Asked for meanwhile (a render between two pauses): the month expanded then stands, the warm-up stops.
    const raced = createSchedule(input);
    let first: Occurrence | undefined;
    await raced.warm('2026-07', async () => void (first ??= raced.day('2026-07-01')[0]));
    expect(raced.day('2026-07-01')[0]).to.equal(first);
  });

  it('expands a month of a 350-slot schedule consistently with luxon', () => {
    const big: TimeSlot[] = [];
    for (let d = 0; d < 7; d++) {
      for (let i = 0; i < 50; i++) {
        const m = 8 * 60 + i * 15;
        const hhmm = (x: number) => `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
        big.push(slot(d * 100 + i, d, hhmm(m), hhmm(m + 15)));
      }
    }
    const list = createSchedule({ ...input, slots: big, now: Date.parse('2026-05-01T00:00:00Z') }).between('2026-06-01', '2026-06-30');
    // 05-31 from 11:00 New York (= 06-01 00:00 Tokyo): 38 slots; 29 full days; 06-30 until 10:59: 12 slots.
    expect(list.length).to.equal(38 + 29 * 50 + 12);
    for (const o of list) {
      expect(DateTime.fromMillis(o.startMs, { zone: TOKYO }).toISODate()).to.equal(o.viewerDate);
      expect(o.start.slice(0, 10)).to.equal(o.serviceDate);
      expect(DateTime.fromISO(o.start, { setZone: true }).weekday % 7).to.equal(o.slot.day_of_week);
      expect(Date.parse(o.end) - Date.parse(o.start)).to.equal(15 * 60_000);
      expect(Date.parse(o.start)).to.equal(o.startMs);
    }
  });
});
