import { expect } from '@open-wc/testing';
import { slotListView, type SlotListProps } from '../../../src/components/booking/views/slots';
import type { Occurrence } from '../../../src/schedule/index';
import { EN, show, text, wednesday } from './helpers';

function props(over: Partial<SlotListProps> = {}) {
  const picked: string[] = [];
  const list = wednesday();
  const p: SlotListProps = {
    locale: EN,
    date: '2026-12-02',
    zone: 'America/New_York',
    serviceZone: 'America/New_York',
    occurrences: list,
    remaining: () => undefined,
    selectedKey: '',
    onPick: (o: Occurrence) => picked.push(o.key),
    ...over,
  };
  return { p, picked, list };
}
const buttons = (root: HTMLElement) => [...root.querySelectorAll<HTMLButtonElement>('li button')];

describe('slotListView', () => {
  it('lists the day\'s times as buttons named by start and end, and says how many', async () => {
    const { p, picked, list } = props({ selectedKey: wednesday()[1].key });
    const root = await show(slotListView(p));
    expect(text(root.querySelector('h3'))).to.equal('Wednesday, December 2, 2026');
    expect(text(root.querySelector('[role=status]'))).to.equal('2 times available on Wednesday, December 2, 2026');
    expect(buttons(root).map((b) => text(b).replace(/\u202f/g, ' '))).to.deep.equal(['9:00 AM – 9:30 AM', '2:00 PM – 3:00 PM']);
    expect(buttons(root).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'true']);
    buttons(root)[0].click();
    expect(picked).to.deep.equal([list[0].key]);
    await expect(root).to.be.accessible();
  });

  it('shows places left, disables full times, and marks a time already held', async () => {
    const list = wednesday();
    const { p, picked } = props({ remaining: (o) => (o.key === list[0].key ? 0 : 3), currentKey: list[1].key, currentLabel: 'Your current time' });
    const root = await show(slotListView(p));
    const [full, current] = buttons(root);
    expect(full.getAttribute('aria-disabled')).to.equal('true');
    expect(text(full)).to.contain('Fully booked');
    expect(current.getAttribute('aria-current')).to.equal('true');
    expect(current.getAttribute('aria-disabled')).to.equal('true');
    expect(text(current)).to.contain('Your current time');
    full.click();
    current.click();
    expect(picked).to.deep.equal([]);
    expect(text(root.querySelector('[role=status]'))).to.equal('');
  });

  it('gives the service\'s time beside the viewer\'s, and says when a day has nothing', async () => {
    const { p } = props({ zone: 'Europe/Paris', occurrences: wednesday('Europe/Paris') });
    const root = await show(slotListView({ ...p, remaining: () => 1 }));
    expect(text(buttons(root)[1])).to.match(/^8:00\s?PM – 9:00\s?PM Service time 2:00\s?PM – 3:00\s?PM \(\u2068New York\u2069\).*1 place left$/);
    const empty = await show(slotListView({ ...p, occurrences: [] }));
    expect(text(empty.querySelector('.empty'))).to.equal('No times available on this day');
  });
});
