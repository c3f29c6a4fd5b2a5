import { expect } from '@open-wc/testing';
import { pickerState, type PickerInput } from '../../src/components/booking/picker-state';
import { createSchedule, type Occurrence } from '../../src/schedule/index';

/** Mondays 9:00 in New York from Tuesday 1 December 2026, 90 days ahead. */
const plan = createSchedule({
  slots: [{ id: 1, day_of_week: 1, start_time: '2023-01-01 09:00:00', end_time: '2023-01-01 09:30:00', max_bookings: 1 }],
  serviceZone: 'America/New_York',
  viewerZone: 'America/New_York',
  now: new Date('2026-12-01T12:00:00Z'),
  daysAhead: 90,
});
const input = (over: Partial<PickerInput> = {}): PickerInput => ({ plan, today: '2026-12-01', month: '', focus: '', date: '', remaining: () => undefined, ...over });

describe('pickerState', () => {
  it('opens on the first month with something to book, focusing its first open day', () => {
    const full = (o: Occurrence) => (o.viewerDate < '2027-01-01' ? 0 : undefined);
    expect(pickerState(input()).month).to.equal('2026-12');
    const s = pickerState(input({ remaining: full }));
    expect([s.month, s.focus]).to.deep.equal(['2027-01', '2027-01-04']);
  });

  it('says why a day cannot be chosen', () => {
    const s = pickerState(input({ remaining: (o) => (o.viewerDate === '2026-12-07' ? 0 : 1) }));
    expect(['2026-11-30', '2026-12-07', '2026-12-08', '2026-12-14'].map(s.dayState)).to.deep.equal(['past', 'full', 'none', 'open']);
  });

  it('keeps the visitor\'s month, focus and day, and lists the day\'s times', () => {
    const s = pickerState(input({ month: '2027-02', focus: '2027-02-10', date: '2026-12-14' }));
    expect([s.month, s.focus, s.dayList.map((o) => o.key)]).to.deep.equal(['2027-02', '2027-02-10', ['1@2026-12-14']]);
    expect(pickerState(input({ date: '2026-12-14' })).focus).to.equal('2026-12-14');
    expect(pickerState(input({ month: '2027-02', focus: '2026-12-14' })).focus, 'a focus in another month gives way').to.equal('2027-02-01');
  });
});
