/**
 * What the calendar and the slot list show, derived from a schedule and the visitor's choices.
 * Pure, so any element with a schedule (booking, rescheduling) gets the same month, focus and
 * day states.
 */
import type { Occurrence, Schedule } from '../../schedule/index.js';
import { addMonths, monthEnd, monthOf } from './month.js';
import type { DayState } from './views/calendar.js';

export interface PickerInput {
  plan: Schedule;
  /** The viewer's today. */
  today: string;
  /** The visitor's choices so far ('' for none): month shown, day in the grid's tab order, chosen day. */
  month: string;
  focus: string;
  date: string;
  /** Places left: 0 is full, undefined unknown. */
  remaining(o: Occurrence): number | undefined;
}

export interface PickerState {
  month: string;
  /** The day in the grid's tab order. */
  focus: string;
  dayState(date: string): DayState;
  /** The chosen day's occurrences. */
  dayList: readonly Occurrence[];
}

const between = (plan: Schedule, month: string) => plan.between(`${month}-01`, monthEnd(month));

export function pickerState({ plan, today, month, focus, date, remaining }: PickerInput): PickerState {
  // Without a choice, open on the first month with something to book, a few months ahead at most.
  for (let m = monthOf(today), i = 0; !month && !date && m <= monthOf(plan.last) && i < 4; m = addMonths(m, 1), i++) {
    month = between(plan, m).find((o) => remaining(o) !== 0)?.viewerDate.slice(0, 7) ?? '';
  }
  month ||= monthOf(date || today);
  const byDay = new Map<string, Occurrence[]>();
  for (const o of between(plan, month)) (byDay.get(o.viewerDate) ?? byDay.set(o.viewerDate, []).get(o.viewerDate)!).push(o);
  const dayState = (d: string): DayState => {
    const list = byDay.get(d);
    if (list?.some((o) => remaining(o) !== 0)) return 'open';
    return d < today ? 'past' : list ? 'full' : 'none';
  };
  if (monthOf(focus) !== month) {
    focus = date.startsWith(month) ? date : ([...byDay.keys()].sort().find((d) => dayState(d) === 'open') ?? (today.startsWith(month) ? today : `${month}-01`));
  }
  return { month, focus, dayState, dayList: date ? plan.day(date) : [] };
}
