import { expect } from '@open-wc/testing';
import type { TimeSlot } from '../../src/api/schemas';
import { serviceDuration } from '../../src/schedule/duration';
import { durationText } from '../../src/components/booking/views/services';

const slot = (start: string, end: string, day = 1): TimeSlot => ({ id: 1, day_of_week: day, start_time: `2023-01-01 ${start}`, end_time: `2023-01-01 ${end}`, max_bookings: 1 });

describe('service duration', () => {
  it('is the common length of all slots', () => {
    expect(serviceDuration([slot('09:00:00', '09:30:00'), slot('14:15:00', '14:45:00', 3)])).to.equal(30);
  });

  it('counts an overnight slot to the next day', () => {
    expect(serviceDuration([slot('23:30:00', '00:30:00'), slot('10:00:00', '11:00:00')])).to.equal(60);
  });

  it('is unknown when slots differ, or there are none', () => {
    expect(serviceDuration([slot('09:00:00', '09:30:00'), slot('10:00:00', '11:00:00')])).to.equal(undefined);
    expect(serviceDuration([])).to.equal(undefined);
  });

  it('reads ISO slot times as wall clocks', () => {
    expect(serviceDuration([{ ...slot('', ''), start_time: '2023-01-01T09:00:00Z', end_time: '2023-01-01T10:30:00Z' }])).to.equal(90);
  });

  it('is written in the visitor’s language', () => {
    expect(durationText(30, 'en')).to.match(/^30\s?min$/);
    expect(durationText(90, 'en')).to.match(/1\s?hr.*30\s?min/);
    expect(durationText(120, 'de')).to.match(/^2\s?Std\.?$/);
    expect(durationText(45, 'ja')).to.match(/^45\s?分$/);
  });
});
