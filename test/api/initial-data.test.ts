import { expect } from '@open-wc/testing';
import { parseInitialData, readInitialData } from '../../src/api/initial-data';
import { ReserveKitError } from '../../src/api/errors';
import { availability, service, slot } from './helpers';

const text = (value: unknown) => JSON.stringify(value);
const failure = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
  } catch (error) {
    return error as ReserveKitError;
  }
  throw new Error('expected a failure');
};

describe('inline data (server-rendered pages)', () => {
  it('reads the answers of the two startup GETs, and availability when given', async () => {
    expect(await parseInitialData(text({ service, time_slots: [slot] }))).to.deep.equal({ service, slots: [slot], availability: undefined });
    expect((await parseInitialData(text({ service, time_slots: [], availability }))).availability).to.deep.equal(availability);
  });

  it('refuses data that is not what the API answers, naming the field, like an API answer', async () => {
    const e = await failure(() => parseInitialData(text({ service, time_slots: [{ ...slot, day_of_week: 'Monday' }] })));
    expect(e).to.be.instanceOf(ReserveKitError);
    expect(e.code).to.equal('bad_response');
    expect(e.message).to.equal('Unexpected response from ReserveKit: time_slots.0.day_of_week expected number');
    expect((await failure(() => parseInitialData(text({ time_slots: [] })))).message).to.contain('service expected object');
    const entries = [...availability.availability, { ...availability.availability[0], remaining: -1 }];
    expect((await failure(() => parseInitialData(text({ service, time_slots: [], availability: { ...availability, availability: entries } })))).message).to.equal(
      `Unexpected response from ReserveKit: availability.availability.${entries.length - 1}.remaining too small`,
    );
  });

  it('checks a long list in short tasks, and still finds a bad item at its end', async () => {
    const many = Array.from({ length: 20000 }, (_, i) => ({ ...slot, id: i + 1 }));
    // A visitor's click meanwhile (a user-blocking task) is handled before the check ends, not after.
    let first = '';
    const parsing = parseInitialData(text({ service, time_slots: many })).then((data) => ((first ||= 'check'), data));
    (globalThis as unknown as { scheduler: { postTask(f: () => void, o: object): void } }).scheduler.postTask(() => (first ||= 'click'), { priority: 'user-blocking' });
    const data = await parsing;
    expect(first).to.equal('click');
    expect(data.slots).to.have.length(20000);
    expect(data.slots[19999]).to.deep.equal(many[19999]);
    const e = await failure(() => parseInitialData(text({ service, time_slots: [...many, { ...slot, start_time: '25:00' }] })));
    expect(e.message).to.equal('Unexpected response from ReserveKit: time_slots.20000.start_time invalid format');
  });

  it('refuses text that is not JSON with its own message', async () => {
    const e = await failure(() => parseInitialData('{"service": '));
    expect([e.code, e.message]).to.deep.equal(['bad_response', 'The inline data is not JSON']);
  });

  it("takes the host's own child <script type=application/json> only", async () => {
    const host = document.createElement('div');
    expect(await readInitialData(host)).to.equal(undefined);
    host.innerHTML = `<div><script type="application/json">${text({ service: { ...service, id: 9 }, time_slots: [] })}</script></div>`;
    expect(await readInitialData(host), 'a script deeper down belongs to someone else').to.equal(undefined);
    host.insertAdjacentHTML('beforeend', `<script type="application/json">${text({ service, time_slots: [slot] })}</script>`);
    expect((await readInitialData(host))?.service.id).to.equal(123);
  });
});
