import { expect } from '@open-wc/testing';
import { parseInitialData, readInitialData } from '../../src/api/initial-data';
import { ReserveKitError } from '../../src/api/errors';
import { availability, service, slot } from './helpers';

const text = (value: unknown) => JSON.stringify(value);
const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as ReserveKitError;
  }
  throw new Error('expected a failure');
};

describe('inline data (server-rendered pages)', () => {
  it('reads the answers of the two startup GETs, and availability when given', () => {
    expect(parseInitialData(text({ service, time_slots: [slot] }))).to.deep.equal({ service, slots: [slot], availability: undefined });
    expect(parseInitialData(text({ service, time_slots: [], availability })).availability).to.deep.equal(availability);
  });

  it('refuses data that is not what the API answers, naming the field, like an API answer', () => {
    const e = failure(() => parseInitialData(text({ service, time_slots: [{ ...slot, day_of_week: 'Monday' }] })));
    expect(e).to.be.instanceOf(ReserveKitError);
    expect(e.code).to.equal('bad_response');
    expect(e.message).to.equal('Unexpected response from ReserveKit: time_slots.0.day_of_week expected number');
    expect(failure(() => parseInitialData(text({ time_slots: [] }))).message).to.contain('service expected object');
  });

  it('refuses text that is not JSON with its own message', () => {
    const e = failure(() => parseInitialData('{"service": '));
    expect([e.code, e.message]).to.deep.equal(['bad_response', 'The inline data is not JSON']);
  });

  it("takes the host's own child <script type=application/json> only", () => {
    const host = document.createElement('div');
    expect(readInitialData(host)).to.equal(undefined);
    host.innerHTML = `<div><script type="application/json">${text({ service: { ...service, id: 9 }, time_slots: [] })}</script></div>`;
    expect(readInitialData(host), 'a script deeper down belongs to someone else').to.equal(undefined);
    host.insertAdjacentHTML('beforeend', `<script type="application/json">${text({ service, time_slots: [slot] })}</script>`);
    expect(readInitialData(host)?.service.id).to.equal(123);
  });
});
