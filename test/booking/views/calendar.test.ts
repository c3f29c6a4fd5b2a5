import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { calendarView, type CalendarProps, type DayState } from '../../../src/components/booking/views/calendar';
import { EN, show } from './helpers';

function props(over: Partial<CalendarProps> = {}) {
  const calls: string[] = [];
  const open = new Set(['2026-12-02', '2026-12-07']);
  const p: CalendarProps = {
    locale: EN,
    month: '2026-12',
    today: '2026-12-01',
    min: '2026-12-01',
    max: '2027-01-15',
    focus: '2026-12-02',
    selected: '',
    dayState: (d): DayState => (open.has(d) ? 'open' : d < '2026-12-01' ? 'past' : d === '2026-12-09' ? 'full' : 'none'),
    onMonth: (m) => calls.push(`month ${m}`),
    onFocusDate: (d) => calls.push(`focus ${d}`),
    onPick: (d) => calls.push(`pick ${d}`),
    ...over,
  };
  return { p, calls };
}
const day = (root: HTMLElement, name: string) => root.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)!;
const key = (el: Element, k: string, shiftKey = false) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, cancelable: true }));

describe('calendarView', () => {
  it('is a grid of days named by their full date, with states and reasons', async () => {
    const { p } = props({ selected: '2026-12-07' });
    const root = await show(calendarView(p));
    const grid = root.querySelector('[role=grid]')!;
    expect(root.querySelector(`#${grid.getAttribute('aria-labelledby')}`)!.textContent).to.equal('December 2026');
    expect([...root.querySelectorAll('th')].map((th) => th.getAttribute('abbr'))[0]).to.equal('Sunday');
    expect(root.querySelectorAll('[role=grid] button')).to.have.length(31);
    expect(day(root, 'Wednesday, December 2, 2026').hasAttribute('aria-disabled')).to.equal(false);
    expect(day(root, 'Monday, December 7, 2026').getAttribute('aria-pressed')).to.equal('true');
    expect(day(root, 'Tuesday, December 1, 2026').getAttribute('aria-current')).to.equal('date');
    const full = day(root, 'Wednesday, December 9, 2026');
    expect(full.getAttribute('aria-disabled')).to.equal('true');
    expect(root.querySelector(`#${full.getAttribute('aria-describedby')}`)!.textContent).to.equal('Fully booked');
    expect([...root.querySelectorAll('[role=grid] button')].filter((b) => b.getAttribute('tabindex') === '0').map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Wednesday, December 2, 2026']);
    await expect(root).to.be.accessible();
  });

  it('reports picks of open days only, month buttons and keys', async () => {
    const { p, calls } = props();
    const root = await show(calendarView(p));
    day(root, 'Wednesday, December 2, 2026').click();
    day(root, 'Thursday, December 3, 2026').click();
    root.querySelector<HTMLButtonElement>('[aria-label="Next month"]')!.click();
    expect(root.querySelector<HTMLButtonElement>('[aria-label="Previous month"]')!.disabled).to.equal(true);
    const grid = root.querySelector('[role=grid]')!;
    key(grid, 'ArrowRight');
    key(grid, 'PageDown');
    // Shift+Page Down is a year; the grid stops at the end of the last month.
    key(grid, 'PageDown', true);
    expect(calls).to.deep.equal(['pick 2026-12-02', 'month 2027-01', 'focus 2026-12-03', 'focus 2027-01-02', 'focus 2027-01-31']);
  });

  it('swaps left and right in right-to-left locales', async () => {
    const { p, calls } = props({ locale: { ...EN, rtl: true } });
    const root = await show(calendarView(p));
    key(root.querySelector('[role=grid]')!, 'ArrowRight');
    expect(calls).to.deep.equal(['focus 2026-12-01']);
  });

  it('renders before any data: a busy grid of disabled days', async () => {
    const root = document.createElement('div');
    render(calendarView({ ...props().p, loading: true, dayState: () => { throw new Error('no data yet'); } }), root);
    expect(root.querySelector('[role=grid]')!.getAttribute('aria-busy')).to.equal('true');
    expect([...root.querySelectorAll('[role=grid] button')].every((b) => b.getAttribute('aria-disabled') === 'true')).to.equal(true);
  });
});
