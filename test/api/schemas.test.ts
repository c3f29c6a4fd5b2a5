import { expect } from '@open-wc/testing';
import { SLOT_TIME_RE } from '../../src/api/schemas';

describe('slot time format', () => {
  it('accepts the seeds\' format and ISO 8601 / RFC 3339, up to the end of the day', () => {
    for (const v of ['2023-01-01 09:00:00', '2023-01-01 23:59:59', '2023-01-01T09:00:00Z', '2023-01-01T09:00:00.000+02:00', '2023-01-01T09:00', '2023-01-01 24:00:00']) {
      expect(SLOT_TIME_RE.test(v), v).to.equal(true);
    }
  });

  it('refuses clocks that cannot exist', () => {
    for (const v of ['2023-01-01 25:99:00', '2023-01-01 24:30:00', '2023-01-01 09:60:00', '2023-01-01 09:00:61', '2023-01-01 9:00:00', '09:00']) {
      expect(SLOT_TIME_RE.test(v), v).to.equal(false);
    }
  });
});
