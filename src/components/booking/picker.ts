/**
 * The day-and-time picker as a controller, shared by the booking and manage elements: it holds
 * the visitor's choices (zone, month, day in the grid's tab order, chosen day), the schedule and
 * the times found full, and derives what is shown with the pure `pickerState`. The host calls
 * `derive()` in willUpdate and renders `view()`.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ClientOptions } from '../../api/http.js';
import type { Availability, TimeSlot } from '../../api/schemas.js';
import { getAvailability } from '../../api/widget-calls.js';
import type { LocaleInfo } from '../shared/locale-controller.js';
import { createSchedule, type Occurrence, type Schedule } from '../../schedule/index.js';
import { DAY, MINUTE, isoDate } from '../../schedule/dates.js';
import { WallClock } from '../../schedule/zone.js';
import { FocusController } from '../shared/focus-controller.js';
import { matchZone, viewerZone } from '../shared/zones.js';
import { addMonths, monthOf } from './month.js';
import { pickerState, type PickerState } from './picker-state.js';
import { calendarView } from './views/calendar.js';
import { slotListView } from './views/slots.js';
import { zoneView } from './views/zone.js';

/** Places left per occurrence key (`${slot id}@${service date}`), as the picker's `availability` option takes them. */
export const byKey = (a: Availability) => new Map(a.availability.map((e) => [`${e.time_slot_id}@${e.date}`, e.remaining]));

/** Places left from our proxy over the visit's window: from yesterday (a viewer ahead of the service's zone) to days-ahead + 1. */
export const placesLeft = async (options: ClientOptions, id: string | number, now: number, daysAhead: number, signal: AbortSignal) =>
  byKey(await getAvailability(options, id, { from: isoDate(now - DAY), to: isoDate(now + (daysAhead + 1) * DAY) }, { signal }));

/** A service's slots in its zone: what the schedule is made from. */
type Loaded = { slots: readonly TimeSlot[]; serviceZone: string };

/** A zone chosen in any switcher is remembered for the visit (in memory only: no storage). */
let rememberedZone = '';
const noop = () => {};
const idle = (cb: () => void) => ((globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((f: () => void) => setTimeout(f, 50)))(cb);

export interface PickerOptions {
  /** The host's `timezone` attribute. */
  timezone(): string;
  now(): Date;
  minNotice(): number;
  daysAhead(): number;
  /** Places left per occurrence key, when a proxy told us. */
  availability(): Map<string, number> | undefined;
  /** An occurrence already held (a booking being moved): its day stays open to show it, marked, not choosable. */
  current?(): string | undefined;
  /** A day was chosen; '' when the chosen day was cleared (the visitor changed zone). */
  onDate?(date: string): void;
  /** A month change or day choice starts: for the host's performance marks. */
  onInteraction?(name: 'month-change' | 'day-select'): void;
}

export interface PickerViewProps {
  locale: LocaleInfo;
  /** The service's zone; without it (no data yet) the view is the shell: this month's grid, busy. */
  serviceZone?: string;
  /** The chosen occurrence's key, or ''. */
  selectedKey: string;
  /** How the held occurrence (`current` option) is marked. */
  currentLabel?: string;
  onPick(o: Occurrence): void;
}

export class PickerController implements ReactiveController {
  /** Derived by `derive()`: the viewer's zone, today there, the schedule, the month shown. */
  zone = 'UTC';
  today = '';
  schedule?: Schedule;
  month = '';
  /** The chosen day (viewer-local), or ''. */
  date = '';
  /** Occurrences the API said are full, for the rest of the visit. */
  full = new Set<string>();

  #host: ReactiveControllerHost & HTMLElement;
  #options: PickerOptions;
  #focus: FocusController;
  #zoneChoice = '';
  #zonePicker = false;
  #month = '';
  #focusDate = '';
  #scheduleFor: unknown[] = [];
  /** What the calendar and slot list show, derived once per update. */
  #shown?: PickerState;
  #warmed: [Schedule?, string?] = [];

  constructor(host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode }, focus: FocusController, options: PickerOptions) {
    (this.#host = host).addController(this);
    this.#focus = focus;
    this.#options = options;
  }

  /** The zone the page set changed: the visitor's own choice gives way to it. */
  timezoneChanged() {
    this.#zoneChoice = '';
  }

  /** Forgets the day, month and full times (a new service, or "book another time"). */
  reset() {
    this.date = this.#focusDate = this.#month = '';
    this.#zonePicker = false;
    this.full = new Set();
    this.#host.requestUpdate();
  }

  markFull(key: string) {
    this.full = new Set(this.full).add(key);
    this.#host.requestUpdate();
  }

  /** The visitor's own choice wins; a zone chosen in another widget applies where the page set none. */
  viewerZone() {
    return viewerZone([this.#zoneChoice, this.#options.timezone(), rememberedZone]);
  }

  /**
   * Builds the schedule and expands the month the calendar opens on, in short tasks (`next()`),
   * before the render that shows them: that render then only looks them up.
   */
  async warm(loaded: Loaded, next: () => Promise<void>) {
    const plan = this.#plan(loaded);
    await next();
    await plan.warm(monthOf(plan.first), next);
  }

  /** The schedule for `loaded`: it caches months, so it is rebuilt only when what it depends on changes. */
  #plan(loaded: Loaded, zone = (this.zone = this.viewerZone()), now = this.#options.now()): Schedule {
    const o = this.#options;
    const deps = [loaded.slots, loaded.serviceZone, zone, o.minNotice(), o.daysAhead(), Math.floor(+now / MINUTE)];
    if (deps.some((d, i) => d !== this.#scheduleFor[i])) {
      this.#scheduleFor = deps;
      this.schedule = createSchedule({ slots: loaded.slots, serviceZone: loaded.serviceZone, viewerZone: zone, now, minNoticeMinutes: o.minNotice(), daysAhead: o.daysAhead() });
    }
    return this.schedule!;
  }

  /** Call from the host's willUpdate, with the service's slots once they are loaded. */
  derive(loaded?: Loaded) {
    const o = this.#options;
    const now = o.now();
    const zone = (this.zone = this.viewerZone());
    const today = (this.today = WallClock.for(zone).dateOf(+now));
    if (!loaded) return;
    const plan = this.#plan(loaded, zone, now);
    // The booking being moved keeps its day open, so its time can be seen there.
    const current = o.current?.();
    const remaining = (x: Occurrence) => (x.key === current ? undefined : this.remaining(x));
    const shown = (this.#shown = pickerState({ plan, today, month: this.#month, focus: this.#focusDate, date: this.date, remaining }));
    this.month = shown.month;
  }

  /** The occurrence with `key` on the chosen day, if it is still listed. */
  chosen(key: string): Occurrence | undefined {
    return key ? this.#shown?.dayList.find((o) => o.key === key) : undefined;
  }

  remaining(o: Occurrence): number | undefined {
    return this.full.has(o.key) ? 0 : this.#options.availability()?.get(o.key);
  }

  hostUpdated() {
    // A month's first visit expands its occurrences: do it for the months beside the one shown while the page is idle, not on the click.
    const plan = this.schedule;
    const month = this.month;
    if (!plan || (plan === this.#warmed[0] && month === this.#warmed[1])) return;
    this.#warmed = [plan, month];
    idle(() => {
      for (const m of [addMonths(month, 1), addMonths(month, -1)]) if (m >= monthOf(plan.first) && m <= monthOf(plan.last)) plan.day(`${m}-01`);
    });
  }

  /** The timezone line, the month grid and the chosen day's times; one template with or without data, so the shell's grid is the one the data fills in. */
  view(p: PickerViewProps) {
    const { locale, serviceZone } = p;
    const zone = this.zone;
    const today = this.today;
    const shown = serviceZone ? this.#shown : undefined;
    const calendar = shown
      ? { ...shown, max: this.schedule!.last, selected: this.date, onMonth: (month: string) => this.#showMonth(month, false), onFocusDate: (date: string) => this.#showMonth(monthOf(date), true, date), onPick: this.#pickDate }
      : { month: monthOf(today), focus: today, max: today, selected: '', dayState: () => 'none' as const, loading: true, onPick: noop, onMonth: noop, onFocusDate: noop };
    return html`
      ${shown ? zoneView({ locale, zone, serviceZone: serviceZone!, picking: this.#zonePicker, onToggle: this.#toggleZones, onChoose: this.#chooseZone }) : nothing}
      <div class="picker">
        ${calendarView({ ...calendar, locale, today, min: today })}
        ${shown && this.date
          ? slotListView({
              locale,
              date: this.date,
              zone,
              serviceZone: serviceZone!,
              occurrences: shown.dayList,
              remaining: (o) => this.remaining(o),
              selectedKey: p.selectedKey,
              currentKey: this.#options.current?.(),
              currentLabel: p.currentLabel,
              onPick: p.onPick,
            })
          : html`<p class="muted">${locale.t.chooseDate}</p>`}
      </div>
    `;
  }

  #toggleZones = (open: boolean) => {
    this.#zonePicker = open;
    this.#host.requestUpdate();
    this.#focus.after('[data-focus]');
  };

  #chooseZone = (typed: string) => {
    const match = matchZone(typed);
    if (!match) return;
    this.#zoneChoice = rememberedZone = match;
    this.#zonePicker = false;
    this.date = this.#focusDate = '';
    this.#host.requestUpdate();
    this.#options.onDate?.('');
  };

  #showMonth(month: string, focusGrid: boolean, focus = '') {
    if (month !== this.month) this.#options.onInteraction?.('month-change');
    this.#month = month;
    this.#focusDate = focus;
    this.#host.requestUpdate();
    this.#focus.after(focusGrid ? '[data-focus]' : '');
  }

  #pickDate = (date: string) => {
    this.#options.onInteraction?.('day-select');
    this.date = this.#focusDate = date;
    this.#host.requestUpdate();
    this.#options.onDate?.(date);
    // Focus follows the visitor to the times of the chosen day.
    this.#focus.after('.slots button, .slots .empty');
  };
}
