import { expect } from '@open-wc/testing';
import { DateTime, Settings } from 'luxon';
import type { TimeSlot } from '../../src/api/schemas';
import { createSchedule, occurrencesBetween, type Occurrence, type ScheduleInput } from '../../src/schedule';

const NY = 'America/New_York';
const TOKYO = 'Asia/Tokyo';
const BERLIN = 'Europe/Berlin';

const slot = (id: number, day: number, start: string, end: string): TimeSlot => ({
  id,
  service_id: 1,
  day_of_week: day,
  start_time: `2023-01-01 ${start}:00`,
  end_time: `2023-01-01 ${end}:00`,
  max_bookings: 3,
});

const view = (o: Occurrence) => [o.key, o.viewerDate, o.start, o.end];
const dates = (o: Occurrence) => [o.serviceDate, o.viewerDate];

describe('schedule: US DST (America/New_York service)', () => {
  const sundays = [slot(101, 0, '01:30', '02:30'), slot(102, 0, '02:30', '04:00'), slot(103, 0, '03:30', '04:00'), slot(104, 0, '12:00', '13:00')];

  it('moves a 02:30 slot forward to 03:30 on spring-forward day and lists it once', () => {
    const input: ScheduleInput = { slots: sundays, serviceZone: NY, viewerZone: NY, now: Date.parse('2026-03-01T00:00:00Z') };
    expect(occurrencesBetween(input, '2026-03-08', '2026-03-08').map(view)).to.deep.equal([
      ['101@2026-03-08', '2026-03-08', '2026-03-08T01:30:00.000-05:00', '2026-03-08T03:30:00.000-04:00'],
      ['102@2026-03-08', '2026-03-08', '2026-03-08T03:30:00.000-04:00', '2026-03-08T04:00:00.000-04:00'],
      ['103@2026-03-08', '2026-03-08', '2026-03-08T03:30:00.000-04:00', '2026-03-08T04:00:00.000-04:00'],
      ['104@2026-03-08', '2026-03-08', '2026-03-08T12:00:00.000-04:00', '2026-03-08T13:00:00.000-04:00'],
    ]);
    // The same instant luxon gives a wall time inside the gap.
    const gap = DateTime.fromObject({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, { zone: NY });
    expect(occurrencesBetween(input, '2026-03-08', '2026-03-08')[1].startMs).to.equal(gap.toMillis());

    const weeks = occurrencesBetween(input, '2026-03-01', '2026-03-15').filter((o) => o.slot.id === 102);
    expect(weeks.map((o) => [o.key, new Date(o.startMs).toISOString()])).to.deep.equal([
      ['102@2026-03-01', '2026-03-01T07:30:00.000Z'],
      ['102@2026-03-08', '2026-03-08T07:30:00.000Z'],
      ['102@2026-03-15', '2026-03-15T06:30:00.000Z'],
    ]);
  });

  it('shows the spring-forward occurrences to a Tokyo viewer', () => {
    const input: ScheduleInput = { slots: sundays, serviceZone: NY, viewerZone: TOKYO, now: Date.parse('2026-03-01T00:00:00Z') };
    expect(occurrencesBetween(input, '2026-03-08', '2026-03-09').map(view)).to.deep.equal([
      ['101@2026-03-08', '2026-03-08', '2026-03-08T01:30:00.000-05:00', '2026-03-08T03:30:00.000-04:00'],
      ['102@2026-03-08', '2026-03-08', '2026-03-08T03:30:00.000-04:00', '2026-03-08T04:00:00.000-04:00'],
      ['103@2026-03-08', '2026-03-08', '2026-03-08T03:30:00.000-04:00', '2026-03-08T04:00:00.000-04:00'],
      ['104@2026-03-08', '2026-03-09', '2026-03-08T12:00:00.000-04:00', '2026-03-08T13:00:00.000-04:00'],
    ]);
  });

  describe('fall-back day (2026-11-01)', () => {
    const fallSlots = [slot(201, 0, '00:30', '03:00'), slot(202, 0, '01:30', '02:00'), slot(204, 0, '02:00', '03:00')];
    const expected = (zone: string) => [
      ['201@2026-11-01', '2026-11-01', '2026-11-01T04:30:00.000Z', '2026-11-01T08:00:00.000Z', '2026-11-01T00:30:00.000-04:00'],
      ['202@2026-11-01', '2026-11-01', '2026-11-01T05:30:00.000Z', '2026-11-01T07:00:00.000Z', '2026-11-01T01:30:00.000-04:00'],
      ['204@2026-11-01', '2026-11-01', '2026-11-01T07:00:00.000Z', '2026-11-01T08:00:00.000Z', '2026-11-01T02:00:00.000-05:00'],
    ].map((row) => [...row, zone]);
    const rows = (input: ScheduleInput) =>
      occurrencesBetween(input, '2026-11-01', '2026-11-01').map((o) => [
        o.key,
        o.viewerDate,
        new Date(o.startMs).toISOString(),
        new Date(o.endMs).toISOString(),
        o.start,
        o.serviceZone,
      ]);
    const realNow = Settings.now;
    afterEach(() => {
      Settings.now = realNow;
    });

    it('gives an ambiguous 01:30 the earlier (EDT) offset and lists it once', () => {
      const input: ScheduleInput = { slots: fallSlots, serviceZone: NY, viewerZone: NY, now: Date.parse('2026-10-01T00:00:00Z') };
      expect(rows(input)).to.deep.equal(expected(NY));
    });

    it('does not depend on the season of the real clock (unlike luxon fromObject)', () => {
      // `US/Eastern` is a separate zone instance, so nothing is reused from the test above.
      Settings.now = () => Date.parse('2026-12-15T12:00:00Z');
      const input: ScheduleInput = { slots: fallSlots, serviceZone: 'US/Eastern', viewerZone: NY, now: Date.parse('2026-10-01T00:00:00Z') };
      expect(rows(input)).to.deep.equal(expected('US/Eastern'));
    });

    it('lists fall-back occurrences under Tokyo dates', () => {
      const input: ScheduleInput = { slots: fallSlots, serviceZone: NY, viewerZone: TOKYO, now: Date.parse('2026-10-01T00:00:00Z') };
      expect(rows(input).map((r) => r.slice(0, 3))).to.deep.equal(
        expected(NY).map((r) => [r[0], '2026-11-01', r[2]]),
      );
    });
  });
});

describe('schedule: EU DST (Europe/Berlin)', () => {
  const slots = [slot(301, 0, '02:30', '04:00'), slot(302, 0, '01:30', '02:15')];

  it('moves a gap time forward on 2026-03-29, seen from New York the evening before', () => {
    const input: ScheduleInput = { slots, serviceZone: BERLIN, viewerZone: NY, now: Date.parse('2026-03-01T00:00:00Z') };
    expect(occurrencesBetween(input, '2026-03-28', '2026-03-29').map(view)).to.deep.equal([
      ['302@2026-03-29', '2026-03-28', '2026-03-29T01:30:00.000+01:00', '2026-03-29T03:15:00.000+02:00'],
      ['301@2026-03-29', '2026-03-28', '2026-03-29T03:30:00.000+02:00', '2026-03-29T04:00:00.000+02:00'],
    ]);
  });

  it('takes the earlier offset for ambiguous times on 2026-10-25 and lists each once', () => {
    const input: ScheduleInput = { slots, serviceZone: BERLIN, viewerZone: NY, now: Date.parse('2026-10-01T00:00:00Z') };
    const list = occurrencesBetween(input, '2026-10-24', '2026-10-25');
    expect(list.map(view)).to.deep.equal([
      ['302@2026-10-25', '2026-10-24', '2026-10-25T01:30:00.000+02:00', '2026-10-25T02:15:00.000+02:00'],
      ['301@2026-10-25', '2026-10-24', '2026-10-25T02:30:00.000+02:00', '2026-10-25T04:00:00.000+01:00'],
    ]);
    expect(list.map((o) => new Date(o.startMs).toISOString())).to.deep.equal(['2026-10-24T23:30:00.000Z', '2026-10-25T00:30:00.000Z']);
  });

  it('shifts a New York evening slot across midnight for a Berlin viewer as the two DST calendars diverge', () => {
    const mondays = [slot(401, 1, '18:30', '19:30')];
    const spring = occurrencesBetween({ slots: mondays, serviceZone: NY, viewerZone: BERLIN, now: Date.parse('2026-03-01T00:00:00Z') }, '2026-03-01', '2026-03-31');
    expect(spring.map(dates)).to.deep.equal([
      ['2026-03-02', '2026-03-03'],
      ['2026-03-09', '2026-03-09'],
      ['2026-03-16', '2026-03-16'],
      ['2026-03-23', '2026-03-23'],
      ['2026-03-30', '2026-03-31'],
    ]);
    expect(spring.map((o) => DateTime.fromMillis(o.startMs, { zone: BERLIN }).toFormat('HH:mm'))).to.deep.equal([
      '00:30',
      '23:30',
      '23:30',
      '23:30',
      '00:30',
    ]);
    const autumn = occurrencesBetween({ slots: mondays, serviceZone: NY, viewerZone: BERLIN, now: Date.parse('2026-10-01T00:00:00Z') }, '2026-10-19', '2026-11-03');
    expect(autumn.map(dates)).to.deep.equal([
      ['2026-10-19', '2026-10-20'],
      ['2026-10-26', '2026-10-26'],
      ['2026-11-02', '2026-11-03'],
    ]);
  });
});

describe('schedule: DST in the viewer zone', () => {
  // Tokyo has no DST; the New York viewer's days are 23 h on 2026-03-08 and 25 h on 2026-11-01.
  const slots = [slot(501, 1, '13:30', '14:30'), slot(502, 0, '14:30', '15:00'), slot(503, 0, '14:00', '15:00'), slot(504, 0, '13:59', '15:00')];

  it('bounds a 23-hour viewer day by its real midnights', () => {
    const input: ScheduleInput = { slots, serviceZone: TOKYO, viewerZone: NY, now: Date.parse('2026-03-01T00:00:00Z') };
    const list = occurrencesBetween(input, '2026-03-07', '2026-03-09');
    expect(list.map((o) => [o.key, o.viewerDate, DateTime.fromMillis(o.startMs, { zone: NY }).toISO()])).to.deep.equal([
      ['504@2026-03-08', '2026-03-07', '2026-03-07T23:59:00.000-05:00'],
      ['503@2026-03-08', '2026-03-08', '2026-03-08T00:00:00.000-05:00'],
      ['502@2026-03-08', '2026-03-08', '2026-03-08T00:30:00.000-05:00'],
      ['501@2026-03-09', '2026-03-09', '2026-03-09T00:30:00.000-04:00'],
    ]);
    expect(occurrencesBetween(input, '2026-03-08', '2026-03-08').map((o) => o.key)).to.deep.equal(['503@2026-03-08', '502@2026-03-08']);
  });

  it('bounds a 25-hour viewer day by its real midnights', () => {
    const input: ScheduleInput = { slots, serviceZone: TOKYO, viewerZone: NY, now: Date.parse('2026-10-01T00:00:00Z') };
    const list = occurrencesBetween(input, '2026-11-01', '2026-11-01');
    expect(list.map((o) => [o.key, o.viewerDate, DateTime.fromMillis(o.startMs, { zone: NY }).toISO()])).to.deep.equal([
      ['504@2026-11-01', '2026-11-01', '2026-11-01T00:59:00.000-04:00'],
      ['503@2026-11-01', '2026-11-01', '2026-11-01T01:00:00.000-04:00'],
      ['502@2026-11-01', '2026-11-01', '2026-11-01T01:30:00.000-04:00'],
      ['501@2026-11-02', '2026-11-01', '2026-11-01T23:30:00.000-05:00'],
    ]);
  });
});

/**
 * Brute-force reference: one luxon DateTime per candidate. luxon resolves an ambiguous wall time
 * with the zone's offset at Settings.now, so each case pins "now" inside the service zone's DST
 * period, which makes luxon pick the earlier offset like the module does.
 */
function reference(input: ScheduleInput, from: string, to: string) {
  const now = +input.now;
  const earliest = now + (input.minNoticeMinutes ?? 0) * 60_000;
  const latest = now + (input.daysAhead ?? 60) * 86_400_000;
  const out: [string, number, number, string][] = [];
  const last = DateTime.fromISO(to, { zone: 'utc' }).plus({ days: 3 });
  for (let d = DateTime.fromISO(from, { zone: 'utc' }).minus({ days: 3 }); d <= last; d = d.plus({ days: 1 })) {
    for (const s of input.slots) {
      if (s.day_of_week !== d.weekday % 7) continue;
      const at = (time: string, plus: number) => {
        const [hour, minute] = time.slice(11).split(':').map(Number);
        const day = d.plus({ days: plus });
        return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: input.serviceZone }).toMillis();
      };
      const start = at(s.start_time, 0);
      const overnight = s.end_time.slice(11) <= s.start_time.slice(11);
      const end = Math.max(start, at(s.end_time, overnight ? 1 : 0));
      const viewerDate = DateTime.fromMillis(start, { zone: input.viewerZone }).toISODate()!;
      if (start < earliest || start > latest || viewerDate < from || viewerDate > to) continue;
      out.push([`${s.id}@${d.toISODate()}`, start, end, viewerDate]);
    }
  }
  return out.sort((a, b) => a[1] - b[1] || parseInt(a[0]) - parseInt(b[0]));
}

describe('schedule: agrees with a brute-force luxon reference over a year', () => {
  // Hours around typical transition times, plus overnight slots, on every weekday.
  const slots: TimeSlot[] = [];
  for (let d = 0; d < 7; d++) {
    for (const [i, [start, end]] of ([['00:00', '00:45'], ['00:30', '01:30'], ['01:30', '02:30'], ['02:00', '02:45'], ['02:30', '03:30'], ['03:00', '04:00'], ['12:00', '13:00'], ['23:00', '00:30'], ['23:30', '23:30']] as const).entries()) {
      slots.push(slot(d * 10 + i, d, start, end));
    }
  }
  const cases: [service: string, viewer: string, dstNow: string][] = [
    [NY, TOKYO, '2026-07-01'],
    [NY, 'America/Los_Angeles', '2026-07-01'],
    [BERLIN, NY, '2026-07-01'],
    ['Europe/London', 'Australia/Sydney', '2026-07-01'],
    ['Australia/Sydney', BERLIN, '2026-01-15'],
    ['Australia/Lord_Howe', NY, '2026-01-15'],
    ['America/Santiago', 'Europe/London', '2026-01-15'],
    [TOKYO, 'America/Santiago', '2026-07-01'],
  ];
  const realNow = Settings.now;
  afterEach(() => {
    Settings.now = realNow;
  });

  for (const [serviceZone, viewerZone, dstNow] of cases) {
    it(`${serviceZone} service, ${viewerZone} viewer`, () => {
      Settings.now = () => Date.parse(`${dstNow}T12:00:00Z`);
      const input: ScheduleInput = { slots, serviceZone, viewerZone, now: Date.parse('2025-12-28T10:17:00Z'), minNoticeMinutes: 45, daysAhead: 400 };
      const schedule = createSchedule(input);
      const ours = schedule.between('2026-01-01', '2026-12-31').map((o) => [o.key, o.startMs, o.endMs, o.viewerDate]);
      const expected = reference(input, '2026-01-01', '2026-12-31');
      expect(ours.length).to.equal(expected.length);
      for (let i = 0; i < ours.length; i++) expect(ours[i], `#${i}`).to.deep.equal(expected[i]);
      expect(new Set(ours.map((o) => o[0])).size).to.equal(ours.length);
      // start and end are written as luxon would write them, offsets included (Lord Howe's are half an hour).
      const written = schedule.between('2026-01-01', '2026-12-31').map((o) => [o.start, o.end]);
      const luxons = expected.map(([, start, end]) => [start, end].map((ms) => DateTime.fromMillis(ms as number, { zone: serviceZone }).toISO()));
      expect(written).to.deep.equal(luxons);
    });
  }
});
