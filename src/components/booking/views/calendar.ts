import { html, nothing } from 'lit';
import type { LocaleInfo } from '../../shared/locale-controller.js';
import { dateText } from '../../shared/format.js';
import { addMonths, clampDate, monthEnd, monthGrid, monthOf, nextFocus, weekdayOrder } from '../month.js';

/** `open` can be chosen; the others say why not (each has a hidden description). */
export type DayState = 'open' | 'past' | 'none' | 'full';

export interface CalendarProps {
  locale: LocaleInfo;
  /** The month shown, `YYYY-MM`. */
  month: string;
  /** The viewer's today (`aria-current="date"`). */
  today: string;
  /** The first and last dates the visitor may move to; navigation stops at their months. */
  min: string;
  max: string;
  /** The day in the tab order. */
  focus: string;
  /** The chosen day, or ''. */
  selected: string;
  dayState(date: string): DayState;
  /** No times known yet: the grid is shown busy, every day `none`. */
  loading?: boolean;
  /** Previous / next month buttons. */
  onMonth(month: string): void;
  /** A key moved the focus to `date` (maybe in another month). */
  onFocusDate(date: string): void;
  /** An open day was chosen. */
  onPick(date: string): void;
}

/** The month grid (WAI-ARIA date grid): day buttons named by their full date, arrow keys, Page Up/Down. */
export function calendarView(p: CalendarProps) {
  const { t, value: locale, rtl, firstDay } = p.locale;
  const month = p.month;
  const first = monthOf(p.min);
  const last = monthOf(p.max);
  const onKey = (e: KeyboardEvent) => {
    const next = nextFocus(p.focus, e.key, e.shiftKey, firstDay, rtl);
    if (!next) return;
    e.preventDefault();
    p.onFocusDate(clampDate(next, `${first}-01`, monthEnd(last)));
  };
  const day = (date: string | null) => {
    if (!date) return html`<td></td>`;
    const state = p.loading ? 'none' : p.dayState(date);
    const ok = state === 'open';
    const isSelected = date === p.selected;
    const isToday = date === p.today;
    return html`<td>
      <button
        part="day${isSelected ? ' day-selected' : ''}${isToday ? ' day-today' : ''}${ok ? '' : ' day-disabled'}"
        class="day"
        tabindex=${date === p.focus ? 0 : -1}
        aria-label=${dateText(date, locale, 'hugeDate')}
        aria-pressed=${isSelected ? 'true' : 'false'}
        aria-current=${isToday ? 'date' : nothing}
        aria-disabled=${ok ? nothing : 'true'}
        aria-describedby=${ok ? nothing : `rk-reason-${state}`}
        ?data-focus=${date === p.focus}
        @click=${() => ok && p.onPick(date)}
      >
        ${dateText(date, locale, 'day')}
      </button>
    </td>`;
  };
  const reasons = { past: t.dayPast, none: t.dayNoTimes, full: t.dayFull };
  // 2024-01-01 is a Monday: weekday w (1 = Monday) falls on 2024-01-0w.
  const weekdays = weekdayOrder(firstDay).map((w) => `2024-01-0${w}`);
  return html`<section part="calendar" class="calendar" aria-label=${t.chooseDate}>
    <div class="month-nav">
      <button part="nav-button" class="nav" aria-label=${t.prevMonth} ?disabled=${month <= first} @click=${() => p.onMonth(addMonths(month, -1))}>
        <span aria-hidden="true">‹</span>
      </button>
      <h3 part="month" id="rk-month" aria-live="polite">${dateText(`${month}-01`, locale, 'month')}</h3>
      <button part="nav-button" class="nav" aria-label=${t.nextMonth} ?disabled=${month >= last} @click=${() => p.onMonth(addMonths(month, 1))}>
        <span aria-hidden="true">›</span>
      </button>
    </div>
    <table role="grid" aria-labelledby="rk-month" aria-busy=${p.loading ? 'true' : nothing} @keydown=${onKey}>
      <thead>
        <tr>
          ${weekdays.map((d) => html`<th scope="col" abbr=${dateText(d, locale, 'weekdayLong')}>${dateText(d, locale, 'weekdayNarrow')}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${monthGrid(month, firstDay).map((week) => html`<tr>${week.map(day)}</tr>`)}
      </tbody>
    </table>
    <div hidden>${Object.entries(reasons).map(([k, text]) => html`<span id="rk-reason-${k}">${text}</span>`)}</div>
  </section>`;
}
