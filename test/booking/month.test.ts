import { expect } from '@open-wc/testing';
import { DateTime } from 'luxon';
import { addMonths, monthEnd, monthGrid, nextFocus } from '../../src/components/booking/month';

/** The date grid's arithmetic is plain UTC; luxon's calendar-date answers are the reference. */
describe('calendar arithmetic', () => {
  const luxon = (date: string, change: object) => DateTime.fromISO(date, { zone: 'utc' }).plus(change).toISODate();

  it('moves by months and years the way luxon does, clamping to the month end', () => {
    const cases: [string, string, boolean, object][] = [
      ['2026-01-31', 'PageDown', false, { months: 1 }],
      ['2024-01-31', 'PageDown', false, { months: 1 }],
      ['2026-03-31', 'PageUp', false, { months: -1 }],
      ['2026-12-15', 'PageDown', false, { months: 1 }],
      ['2026-01-15', 'PageUp', false, { months: -1 }],
      ['2024-02-29', 'PageDown', true, { years: 1 }],
      ['2028-02-29', 'PageUp', true, { years: -1 }],
    ];
    for (const [date, key, shift, change] of cases) expect(nextFocus(date, key, shift, 1, false), `${date} ${key}`).to.equal(luxon(date, change));
  });

  it('moves by days and weeks across month and year ends, and swaps left and right in RTL', () => {
    expect(nextFocus('2026-12-31', 'ArrowRight', false, 1, false)).to.equal('2027-01-01');
    expect(nextFocus('2026-12-31', 'ArrowRight', false, 1, true)).to.equal('2026-12-30');
    expect(nextFocus('2026-03-01', 'ArrowLeft', false, 1, false)).to.equal('2026-02-28');
    expect(nextFocus('2026-02-26', 'ArrowDown', false, 1, false)).to.equal('2026-03-05');
    expect(nextFocus('2026-01-03', 'ArrowUp', false, 1, false)).to.equal('2025-12-27');
    // 2026-11-25 is a Wednesday: Home/End go to the row's Monday/Sunday, or Sunday/Saturday when weeks start on Sunday.
    expect([nextFocus('2026-11-25', 'Home', false, 1, false), nextFocus('2026-11-25', 'End', false, 1, false)]).to.deep.equal(['2026-11-23', '2026-11-29']);
    expect([nextFocus('2026-11-25', 'Home', false, 7, false), nextFocus('2026-11-25', 'End', false, 7, false)]).to.deep.equal(['2026-11-22', '2026-11-28']);
    expect(nextFocus('2026-11-25', 'Enter', false, 1, false)).to.equal(null);
    expect(nextFocus('2026-11-25', 'toString', false, 1, false)).to.equal(null);
  });

  it('knows month ends, month steps and the grid', () => {
    expect(['2024-02', '2026-02', '2026-04', '2026-12'].map(monthEnd)).to.deep.equal(['2024-02-29', '2026-02-28', '2026-04-30', '2026-12-31']);
    expect([addMonths('2026-12', 1), addMonths('2026-01', -1), addMonths('2026-05', 14)]).to.deep.equal(['2027-01', '2025-12', '2027-07']);
    // November 2026 starts on a Sunday: six Monday-first rows, five Sunday-first ones.
    const monday = monthGrid('2026-11', 1);
    expect(monday.length).to.equal(6);
    expect(monday[0]).to.deep.equal([null, null, null, null, null, null, '2026-11-01']);
    expect(monthGrid('2026-11', 7)[0][0]).to.equal('2026-11-01');
    expect(monthGrid('2026-11', 7).flat().filter(Boolean).length).to.equal(30);
  });
});
