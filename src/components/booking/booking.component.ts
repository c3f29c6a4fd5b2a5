import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { Task } from '@lit/task';
import { IANAZone } from 'luxon';
import { DEFAULT_API_BASE, type ClientOptions } from '../../api/http';
import { createBooking, getAvailability, getService, listServiceTimeSlots } from '../../api/widget-calls';
import { ReserveKitError } from '../../api/errors';
import type { Availability, Booking, CreateBookingInput, Service, TimeSlot } from '../../api/schemas';
import { createSchedule, type Occurrence, type Schedule, type ScheduleInput } from '../../schedule';
import { DAY, isoDate } from '../../schedule/dates';
import { WallClock } from '../../schedule/zone';
import { catalogueFor, firstDayOfWeek, format, isRtl, loadLocale, plural, resolveLocale, type Strings } from '../../i18n';
import { COUNTRY_CODES, defaultCountryFor, normalizePhone } from '../../form/phone';
import { validateBooking } from '../../form/validate';
import { addMonths, clampDate, monthEnd, monthGrid, monthOf, nextFocus, weekdayOrder } from './calendar';
import { emit, type OccurrenceDetail } from './events';
import { styles } from './booking.styles';

type Field = 'name' | 'email' | 'phone' | 'message';
type Values = Record<Field, string> & { country: string };
interface Loaded {
  service: Service;
  slots: TimeSlot[];
}
interface Done {
  occurrence: Occurrence;
  booking: Booking | null;
}

const FIELDS: Field[] = ['name', 'email', 'phone', 'message'];
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
/** IANAZone.isValidZone builds an Intl.DateTimeFormat on every call (~0.1 ms): remember answers. */
const validZones = new Map<string, boolean>();
const isZone = (zone: string) => validZones.get(zone) ?? (validZones.set(zone, IANAZone.isValidZone(zone)), validZones.get(zone)!);

/**
 * Intl.DateTimeFormat instances by locale, zone and style: creating one costs 50-100 µs, using one
 * ~2 µs. Same options as luxon's presets, so the text is unchanged.
 */
const STYLES = {
  time: { hour: 'numeric', minute: 'numeric' }, // DateTime.TIME_SIMPLE
  hugeDate: { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }, // DateTime.DATE_HUGE
  day: { day: 'numeric' },
  month: { month: 'long', year: 'numeric' },
  weekdayLong: { weekday: 'long' },
  weekdayNarrow: { weekday: 'narrow' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
const formats = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: string, zone: string, style: keyof typeof STYLES): Intl.DateTimeFormat {
  const key = `${locale} ${zone} ${style}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone: zone })));
  return f;
}
/** A calendar date (YYYY-MM-DD) formatted as such, whatever the zones. */
const dateText = (date: string, locale: string, style: keyof typeof STYLES) => fmt(locale, 'UTC', style).format(Date.parse(date));
/** A zone chosen in the switcher is remembered for the visit (in memory: no storage, SPEC/issue 8). */
let rememberedZone = '';
const warned = new Set<string>();
const warnOnce = (message: string) => {
  if (!warned.has(message)) console.warn(`[reservekit-booking] ${message}`), warned.add(message);
};

/**
 * An embeddable booking widget for a ReserveKit service: month calendar, time slots in the
 * visitor's timezone, a contact form, and plain answers when something goes wrong.
 *
 * @summary Book a ReserveKit service.
 * @tag reservekit-booking
 *
 * @fires rk-ready - Service and time slots loaded. `detail: { service, slots }`
 * @fires rk-date-select - The visitor picked a day. `detail: { date }` (viewer-local `YYYY-MM-DD`)
 * @fires rk-slot-select - The visitor picked a time. `detail: OccurrenceDetail`
 * @fires rk-before-submit - Cancelable; about to post. `detail: { payload }` (the host may edit `payload.message`)
 * @fires rk-booked - The booking was created. `detail: BookedDetail`
 * @fires rk-error - Something failed. `detail: { code, message, status? }`
 *
 * @csspart base - The widget's outer box.
 * @csspart header - Service name and description.
 * @csspart title - The service name.
 * @csspart description - The service description.
 * @csspart timezone - The timezone line and its switcher.
 * @csspart calendar - The month calendar.
 * @csspart nav-button - Previous and next month buttons.
 * @csspart month - The month heading.
 * @csspart day - Every day button (`day-selected`, `day-today`, `day-disabled` are added as relevant).
 * @csspart slots - The list of times for the chosen day.
 * @csspart slot - A time button (`slot-selected` when chosen).
 * @csspart form - The contact form.
 * @csspart label - Form labels.
 * @csspart input - Form inputs, select and textarea.
 * @csspart field-error - The inline message under a field.
 * @csspart submit - The Book button.
 * @csspart alert - Error messages.
 * @csspart button - Secondary buttons (Retry, Change, Back, Book another time).
 * @csspart confirmation - The success panel.
 * @csspart status - The loading indicator.
 *
 * @cssprop --rk-accent - Brand colour; hover, focus and text-on-accent colours derive from it.
 * @cssprop --rk-accent-text - Text on the accent colour (default: black or white, whichever contrasts).
 * @cssprop --rk-bg - Background.
 * @cssprop --rk-fg - Text colour.
 * @cssprop --rk-muted - Secondary text.
 * @cssprop --rk-border - Borders and dividers.
 * @cssprop --rk-surface - Background of buttons and inputs.
 * @cssprop --rk-danger - Error colour.
 * @cssprop --rk-success - Success colour.
 * @cssprop --rk-radius - Corner radius.
 * @cssprop --rk-font - Font family.
 * @cssprop --rk-font-size - Base font size.
 * @cssprop --rk-gap - Base spacing.
 * @cssprop --rk-focus - Focus ring colour.
 */
export class ReserveKitBooking extends LitElement {
  static override styles = styles;

  /** Reactive properties (`static properties` rather than decorators: the decorator runtime costs 1 KB gzip in the script bundle). */
  static override properties = {
    serviceId: { attribute: 'service-id' },
    apiBase: { attribute: 'api-base' },
    apiKey: { attribute: 'api-key' },
    timezone: {},
    locale: {},
    theme: { reflect: true },
    daysAhead: { attribute: 'days-ahead', type: Number },
    minNotice: { attribute: 'min-notice', type: Number },
    customerName: { attribute: 'customer-name' },
    customerEmail: { attribute: 'customer-email' },
    customerPhone: { attribute: 'customer-phone' },
    redirectUrl: { attribute: 'redirect-url' },
    prefillFromUrl: { attribute: 'prefill-from-url', type: Boolean },
    strings: { attribute: false },
    fetch: { attribute: false },
    clientOptions: { attribute: false },
    now: { attribute: false },
    _zone: { state: true },
    _month: { state: true },
    _focus: { state: true },
    _date: { state: true },
    _key: { state: true },
    _values: { state: true },
    _fieldErrors: { state: true },
    _error: { state: true },
    _busy: { state: true },
    _done: { state: true },
    _full: { state: true },
    _tick: { state: true },
    _zonePicker: { state: true },
  };


  /** The ReserveKit service to book (required). */
  serviceId = '';
  /** API root (default `https://api.reservekit.io`), or your own proxy endpoint such as `/api/booking` (SPEC 6). */
  apiBase: string = DEFAULT_API_BASE;
  /** Public or domain-restricted key; never a secret `sk_rsv_` key on a public page. */
  apiKey = '';
  /** The visitor's IANA timezone; defaults to the browser's. */
  timezone = '';
  /** BCP 47 locale; defaults to the nearest `[lang]`, then the browser. */
  locale = '';
  /** `light`, `dark` or `auto` (follows `prefers-color-scheme`). */
  theme: 'light' | 'dark' | 'auto' = 'auto';
  /** How many days ahead can be booked. */
  daysAhead = 60;
  /** Minimum notice in minutes. */
  minNotice = 0;
  /** Prefills the Name field (the visitor can still change it). */
  customerName = '';
  /** Prefills the Email field. */
  customerEmail = '';
  /** Prefills the Phone field (E.164 or as a visitor would type it). */
  customerPhone = '';
  /** After success, navigate the top page here; `{booking_id}` and `{date}` are filled in. */
  redirectUrl = '';
  /** Prefill name and email from `customer_name` / `customer_email` in the page URL. */
  prefillFromUrl = false;
  /** Overrides for any UI string. */
  strings: Partial<Strings> = {};
  /** Injectable `fetch` (tests, instrumentation). */
  fetch: typeof globalThis.fetch | undefined = undefined;
  /** Extra client options: `timeoutMs`, `retries`, `retryBaseMs`, `retryMaxMs`. */
  clientOptions: ClientOptions = {};
  /** Injectable clock (tests). */
  now: () => Date = () => new Date();

  private _zone = '';
  private _month = '';
  private _focus = '';
  private _date = '';
  private _key = '';
  private _values: Values = { name: '', email: '', phone: '', message: '', country: '' };
  private _fieldErrors: Partial<Record<Field, string>> = {};
  private _error: ReserveKitError | null = null;
  private _busy = false;
  private _done: Done | null = null;
  private _full = new Set<string>();
  /** Bumped once a second during a rate-limit wait, so the countdown re-renders. */
  private _tick = 0;
  private _zonePicker = false;

  private _retryAt = 0;
  private _timer?: ReturnType<typeof setInterval>;
  private _uncertainKey = '';
  private _planned?: Schedule;
  private _planFor: unknown[] = [];
  private _moveFocus = false;
  /** performance.measure names for `npm run bench`: the numbers come from the element itself. */
  private _measure = '';
  private _interactive = false;
  /** Per-update memo of the viewer zone (its fallback asks Intl, ~0.1 ms a call). */
  private _zoneMemo?: string;
  /** The month the picker shows, for warming the schedule's neighbouring months when idle. */
  private _shown?: { plan: Schedule; month: string };

  private get _options(): ClientOptions {
    return { ...this.clientOptions, apiBase: this.apiBase || DEFAULT_API_BASE, apiKey: this.apiKey || undefined, fetch: this.fetch };
  }

  /** Service and slots in parallel: one round trip to an interactive calendar (SPEC 7). */
  private _load = new Task<[string, string, string, typeof fetch | undefined], Loaded>(this, {
    task: async ([id], { signal }) => {
      if (!id) throw new ReserveKitError('not_found', 'The service-id attribute is missing.');
      const options = this._options;
      // The translation loads alongside, so the calendar appears in the visitor's language at once.
      const [service, slots] = await Promise.all([getService(options, id, { signal }), listServiceTimeSlots(options, id, { signal }), loadLocale(this._locale)]);
      if (!isZone(service.timezone)) throw new ReserveKitError('bad_response', `Unknown service timezone "${service.timezone}"`);
      return { service, slots };
    },
    args: () => [this.serviceId, this.apiBase, this.apiKey, this.fetch],
    onComplete: ({ service, slots }) => {
      performance.mark('rk:data');
      emit(this, 'rk-ready', { service, slots });
    },
    onError: (error) => this._reportLoadError(error),
  });

  /**
   * Places left per occurrence, from our proxy (SPEC 6). The plain ReserveKit API has no such
   * endpoint, so this only runs when `api-base` points elsewhere, and its failure is silent.
   */
  private _availability = new Task<[string, string, typeof fetch | undefined], Map<string, number>>(this, {
    task: async ([id, base], { signal }) => {
      if (!id || !base || !this._proxied()) return new Map();
      const now = +this.now();
      let answer: Availability;
      try {
        answer = await getAvailability(this._options, id, { from: isoDate(now - DAY), to: isoDate(now + (this.daysAhead + 1) * DAY) }, { signal });
      } catch (error) {
        if ((error as Error).name === 'AbortError') throw error;
        return new Map();
      }
      return new Map(answer.availability.map((a) => [`${a.time_slot_id}@${a.date}`, a.remaining]));
    },
    args: () => [this.serviceId, this.apiBase, this.fetch],
  });

  override connectedCallback() {
    super.connectedCallback();
    performance.mark('rk:connected');
    // The page's first Intl.DateTimeFormat loads ICU's locale and zone data (30+ ms). Pay it in a
    // task of its own while the service and slots are on their way, not in the render that shows them.
    setTimeout(() => fmt(this._locale, this._viewerZone, 'time').format(0));
    if (this.prefillFromUrl) this._prefillFromUrl();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this._timer);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    this._zoneMemo = undefined;
    for (const [prop, field] of [
      ['customerName', 'name'],
      ['customerEmail', 'email'],
      ['customerPhone', 'phone'],
    ] as const) {
      // A prefill only replaces what the visitor has not changed.
      if (changed.has(prop) && this._values[field] === (changed.get(prop) ?? '')) this._values = { ...this._values, [field]: this[prop] };
    }
    if (changed.has('serviceId')) this._resetFlow();
    if (changed.has('timezone') && this.hasUpdated) this._zone = '';
    if (changed.has('apiKey') && this.apiKey.startsWith('sk_rsv_') && !/^(localhost|127\.|\[::1\])/.test(location.hostname)) {
      warnOnce(
        'A secret sk_rsv_ key is visible to every visitor of this page. Use a publishable or domain-restricted key, or point api-base at the reservekit-booking/server proxy, which keeps the key on your server.',
      );
    }
    if (changed.has('timezone') && this.timezone && !isZone(this.timezone)) {
      warnOnce(`timezone="${this.timezone}" is not an IANA timezone (e.g. "Europe/Paris"); using the browser's.`);
    }
  }

  protected override updated() {
    if (!this._interactive && this._load.value) {
      this._interactive = true;
      performance.measure('rk:startup', 'rk:connected');
      performance.measure('rk:data-to-paint', 'rk:data');
    }
    if (this._measure) {
      performance.measure(this._measure, 'rk:interaction');
      this._measure = '';
    }
    this._warmNeighbours();
    if (this._moveFocus) {
      this._moveFocus = false;
      this.renderRoot.querySelector<HTMLElement>('[data-focus]')?.focus();
    }
  }

  /**
   * A month's first visit expands its occurrences (about 1 650 on a 350-slot schedule, several ms):
   * do it for the months next to the one shown while the page is idle, not on the click.
   */
  private _warmNeighbours() {
    const shown = this._shown;
    if (!shown) return;
    this._shown = undefined;
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 50));
    idle(() => {
      for (const m of [addMonths(shown.month, 1), addMonths(shown.month, -1)]) if (m >= monthOf(shown.plan.first) && m <= monthOf(shown.plan.last)) shown.plan.day(`${m}-01`);
    });
  }

  /** Back to a fresh calendar with the prefilled form: for "Book another time" and host pages. */
  reset() {
    clearInterval(this._timer);
    this._resetFlow();
    this._values = { name: this.customerName, email: this.customerEmail, phone: this.customerPhone, message: '', country: this._values.country };
  }

  private _resetFlow() {
    this._date = this._key = this._focus = this._month = this._uncertainKey = '';
    this._done = this._error = null;
    this._fieldErrors = {};
    this._full = new Set();
    this._busy = false;
  }

  // ---- derived state ----------------------------------------------------------------------

  private get _viewerZone() {
    return (this._zoneMemo ??= this._computeZone());
  }

  private _computeZone() {
    // The visitor's own choice wins; a zone chosen in another widget applies where the page set none.
    for (const zone of [this._zone, this.timezone, rememberedZone]) if (zone && isZone(zone)) return zone;
    // The browser's own can be one luxon does not know (an "Etc/Unknown" from a stripped-down ICU): UTC then.
    const own = browserZone();
    return isZone(own) ? own : 'UTC';
  }

  private get _locale() {
    return resolveLocale(this, this.locale || null);
  }

  private _t(): Strings {
    const locale = this._locale;
    // A locale set after loading: render in English until its translation arrives.
    loadLocale(locale).then((added) => added && this.requestUpdate());
    return catalogueFor(locale, this.strings);
  }

  /** The schedule, rebuilt only when its inputs change; it caches months, so browsing is cheap and makes no request. */
  private _plan({ service, slots }: Loaded): Schedule {
    const input: ScheduleInput = {
      slots,
      serviceZone: service.timezone,
      viewerZone: this._viewerZone,
      now: this.now(),
      minNoticeMinutes: this.minNotice,
      daysAhead: this.daysAhead,
    };
    const deps = [slots, input.serviceZone, input.viewerZone, this.minNotice, this.daysAhead, Math.floor(+input.now / 60000)];
    if (!this._planned || deps.some((d, i) => d !== this._planFor[i])) {
      this._planned = createSchedule(input);
      this._planFor = deps;
    }
    return this._planned;
  }

  private _monthOccurrences(plan: Schedule, month: string): Occurrence[] {
    return plan.between(`${month}-01`, monthEnd(month));
  }

  private _remaining(o: Occurrence): number | undefined {
    if (this._full.has(o.key)) return 0;
    return this._availability.value?.get(o.key);
  }

  private _detail(o: Occurrence): OccurrenceDetail {
    return {
      timeSlotId: o.slot.id,
      date: o.serviceDate,
      start: o.start,
      end: o.end,
      serviceTimezone: o.serviceZone,
      viewerTimezone: this._viewerZone,
    };
  }

  // ---- rendering ----------------------------------------------------------------------------

  override render() {
    const t = this._t();
    const rtl = isRtl(this._locale);
    return html`<div part="base" class="rk" dir=${rtl ? 'rtl' : 'ltr'} lang=${this._locale}>
      ${this._load.render({
        initial: () => this._renderLoading(t),
        pending: () => (this._load.value ? this._renderLoaded(this._load.value, t, rtl) : this._renderLoading(t)),
        complete: (loaded) => this._renderLoaded(loaded, t, rtl),
        error: (error) => this._renderLoadError(error, t),
      })}
    </div>`;
  }

  private _renderLoading(t: Strings) {
    return html`<div part="status" class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true"></span><span>${t.loading}</span>
    </div>`;
  }

  private _renderLoadError(error: unknown, t: Strings) {
    const e = asError(error);
    const unavailable = e.code === 'unauthorized' || e.code === 'not_found';
    return html`<div part="alert" class="alert" role="alert">
      <p>${this._message(e, t)}</p>
      ${unavailable
        ? nothing
        : html`<button part="button" class="secondary" data-focus @click=${this._reload}>${t.retry}</button>`}
    </div>`;
  }

  private _reload = () => {
    this._load.run();
    this._availability.run();
  };

  private _renderLoaded(loaded: Loaded, t: Strings, rtl: boolean) {
    const service = loaded.service;
    return html`
      <div part="header" class="header">
        <h2 part="title">${service.name}</h2>
        ${service.description ? html`<p part="description">${service.description}</p>` : nothing}
      </div>
      ${this._done ? this._renderDone(this._done, service, t) : this._renderPicker(service, this._plan(loaded), t, rtl)}
    `;
  }

  private _renderZone(service: Service, t: Strings) {
    const zone = this._viewerZone;
    return html`<div part="timezone" class="zone">
      <span>${t.yourTimezone}: <strong>${zoneLabel(zone)}</strong></span>
      ${this._zonePicker
        ? html`<label class="zone-picker"
            ><span class="sr-only">${t.changeTimezone}</span>
            <input
              part="input"
              list="rk-zones"
              autocomplete="off"
              placeholder=${zone}
              aria-label=${t.changeTimezone}
              data-focus
              @change=${this._onZoneInput}
              @keydown=${this._onZoneKey}
            />
            <datalist id="rk-zones">${zoneList().map((z) => html`<option value=${z}>${zoneLabel(z)}</option>`)}</datalist></label
          >`
        : html`<button part="button" class="link" @click=${this._openZonePicker} aria-label=${t.changeTimezone}>${t.change}</button>`}
      ${service.timezone !== zone ? html`<span class="muted">${format(t.serviceTimezone, { zone: isolate(zoneLabel(service.timezone)) })}</span>` : nothing}
    </div>`;
  }

  /** Escape closes the picker only: a popup around the widget must not close too. */
  private _onZoneKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    this._zonePicker = false;
    this._moveFocus = true;
  };

  private _openZonePicker = () => {
    this._zonePicker = true;
    this._moveFocus = true;
  };

  private _onZoneInput = (e: Event) => {
    // Accept what a visitor would type: the IANA id, its label, or just the city.
    const value = (e.target as HTMLInputElement).value.trim().toLowerCase();
    const match = zoneList().find((z) => [z, zoneLabel(z), cityOf(z)].some((name) => name.toLowerCase() === value));
    if (!match) return;
    this._zone = rememberedZone = match;
    this._zonePicker = false;
    this._date = this._key = this._focus = '';
  };

  private _renderPicker(service: Service, plan: Schedule, t: Strings, rtl: boolean) {
    const locale = this._locale;
    const today = WallClock.for(this._viewerZone).dateOf(+this.now());
    const last = plan.last;
    const month = this._month || monthOf(this._date || this._firstBookable(plan, today, last) || today);
    const occurrences = this._monthOccurrences(plan, month);
    const byDay = new Map<string, Occurrence[]>();
    for (const o of occurrences) (byDay.get(o.viewerDate) ?? byDay.set(o.viewerDate, []).get(o.viewerDate)!).push(o);
    const bookable = (d: string) => byDay.get(d)?.some((o) => this._remaining(o) !== 0) ?? false;
    const firstDay = firstDayOfWeek(locale);
    const focus = this._focus && monthOf(this._focus) === month ? this._focus : this._defaultFocus(month, byDay, bookable, today);
    const dayOcc = this._date ? plan.day(this._date) : [];
    const selected = dayOcc.find((o) => o.key === this._key);
    this._shown = { plan, month };
    const monthTitle = dateText(`${month}-01`, locale, 'month');
    // 2024-01-01 is a Monday: weekday w (1 = Monday) falls on 2024-01-0w.
    const weekdayNames = weekdayOrder(firstDay).map((w) => `2024-01-0${w}`);
    const reasons = { past: t.dayPast, none: t.dayNoTimes, full: t.dayFull };

    return html`
      ${this._renderZone(service, t)}
      <div class="picker">
        <section part="calendar" class="calendar" aria-label=${t.chooseDate}>
          <div class="month-nav">
            <button
              part="nav-button"
              class="nav"
              aria-label=${t.prevMonth}
              ?disabled=${month <= monthOf(today)}
              @click=${() => this._showMonth(addMonths(month, -1), false)}
            >
              <span aria-hidden="true">‹</span>
            </button>
            <h3 part="month" id="rk-month" aria-live="polite">${monthTitle}</h3>
            <button
              part="nav-button"
              class="nav"
              aria-label=${t.nextMonth}
              ?disabled=${month >= monthOf(last)}
              @click=${() => this._showMonth(addMonths(month, 1), false)}
            >
              <span aria-hidden="true">›</span>
            </button>
          </div>
          <table role="grid" aria-labelledby="rk-month" @keydown=${(e: KeyboardEvent) => this._onGridKey(e, focus, firstDay, rtl, today, last)}>
            <thead>
              <tr>
                ${weekdayNames.map((d) => html`<th scope="col" abbr=${dateText(d, locale, 'weekdayLong')}>${dateText(d, locale, 'weekdayNarrow')}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${monthGrid(month, firstDay).map(
                (week) => html`<tr>
                  ${week.map((date) => {
                    if (!date) return html`<td></td>`;
                    const ok = bookable(date);
                    const reason = ok ? '' : date < today ? 'past' : byDay.has(date) ? 'full' : 'none';
                    const isSelected = date === this._date;
                    return html`<td>
                      <button
                        part="day${isSelected ? ' day-selected' : ''}${date === today ? ' day-today' : ''}${ok ? '' : ' day-disabled'}"
                        class="day"
                        tabindex=${date === focus ? 0 : -1}
                        aria-label=${dateText(date, locale, 'hugeDate')}
                        aria-pressed=${isSelected ? 'true' : 'false'}
                        aria-current=${date === today ? 'date' : nothing}
                        aria-disabled=${ok ? nothing : 'true'}
                        aria-describedby=${reason ? `rk-reason-${reason}` : nothing}
                        ?data-focus=${date === focus}
                        @click=${() => ok && this._pickDate(date)}
                      >
                        ${dateText(date, locale, 'day')}
                      </button>
                    </td>`;
                  })}
                </tr>`,
              )}
            </tbody>
          </table>
          <div hidden>
            ${Object.entries(reasons).map(([k, text]) => html`<span id="rk-reason-${k}">${text}</span>`)}
          </div>
        </section>
        ${this._date ? this._renderSlots(dayOcc, service, t) : html`<p class="hint muted">${t.chooseDate}</p>`}
      </div>
      ${selected ? this._renderForm(selected, service, t) : nothing}
      ${this._error && !selected ? this._renderError(this._error, t) : nothing}
    `;
  }

  private _firstBookable(plan: Schedule, today: string, last: string) {
    // Open on the first month that has something to book, looking a few months ahead at most.
    for (let m = monthOf(today), i = 0; m <= monthOf(last) && i < 4; m = addMonths(m, 1), i++) {
      const o = this._monthOccurrences(plan, m).find((x) => this._remaining(x) !== 0);
      if (o) return o.viewerDate;
    }
    return '';
  }

  private _defaultFocus(month: string, byDay: Map<string, Occurrence[]>, bookable: (d: string) => boolean, today: string) {
    if (this._date.startsWith(month)) return this._date;
    const first = [...byDay.keys()].sort().find(bookable);
    if (first) return first;
    return today.startsWith(month) ? today : `${month}-01`;
  }

  private _mark(name: string) {
    performance.mark('rk:interaction');
    this._measure = name;
  }

  private _showMonth(month: string, focusGrid: boolean, focus = '') {
    if (month !== this._month) this._mark('rk:month-change');
    this._month = month;
    this._focus = focus;
    this._moveFocus = focusGrid;
  }

  private _onGridKey(e: KeyboardEvent, focus: string, firstDay: number, rtl: boolean, today: string, last: string) {
    const next = nextFocus(focus, e.key, e.shiftKey, firstDay, rtl);
    if (!next) return;
    e.preventDefault();
    const min = `${monthOf(today)}-01`;
    const max = monthEnd(monthOf(last));
    const date = clampDate(next, min, max);
    this._showMonth(monthOf(date), true, date);
  }

  private _pickDate(date: string) {
    this._mark('rk:day-select');
    this._date = this._focus = date;
    this._key = '';
    this._error = null;
    this._moveFocus = false;
    emit(this, 'rk-date-select', { date });
    // Focus follows the visitor to the times of the chosen day.
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.slots button, .slots .empty')?.focus());
  }

  private _renderSlots(list: readonly Occurrence[], service: Service, t: Strings) {
    const locale = this._locale;
    const zone = this._viewerZone;
    const dateLabel = dateText(this._date, locale, 'hugeDate');
    const open = list.filter((o) => this._remaining(o) !== 0);
    return html`<section part="slots" class="slots" aria-labelledby="rk-day">
      <h3 id="rk-day">${dateLabel}</h3>
      <p class="muted" role="status">
        ${open.length ? format(plural(t, 'timesAvailable', open.length, locale), { count: open.length.toLocaleString(locale), date: dateLabel }) : nothing}
      </p>
      ${list.length
        ? html`<ul role="list">
            ${list.map((o) => {
              const left = this._remaining(o);
              const full = left === 0;
              const chosen = o.key === this._key;
              const viewer = timeRange(o, zone, locale);
              const other = service.timezone !== zone ? timeRange(o, service.timezone, locale) : '';
              return html`<li>
                <button
                  part="slot${chosen ? ' slot-selected' : ''}"
                  class="slot"
                  aria-pressed=${chosen ? 'true' : 'false'}
                  aria-disabled=${full ? 'true' : nothing}
                  @click=${() => !full && this._pickSlot(o)}
                >
                  <span class="time">${viewer}</span>
                  ${other ? html`<span class="muted small">${format(t.serviceTime, { time: other, zone: isolate(cityOf(service.timezone)) })}</span>` : nothing}
                  ${full
                    ? html`<span class="small">${t.dayFull}</span>`
                    : left !== undefined
                      ? html`<span class="small">${format(plural(t, 'placesLeft', left, locale), { count: left.toLocaleString(locale) })}</span>`
                      : nothing}
                </button>
              </li>`;
            })}
          </ul>`
        : html`<p class="empty muted" tabindex="-1">${t.noTimes}</p>`}
    </section>`;
  }

  private _pickSlot(o: Occurrence) {
    this._key = o.key;
    this._error = null;
    emit(this, 'rk-slot-select', this._detail(o));
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#name')?.focus());
  }

  private _renderForm(o: Occurrence, service: Service, t: Strings) {
    const v = this._values;
    const errors = this._fieldErrors;
    const locale = this._locale;
    const country = v.country || defaultCountryFor(locale);
    const regions = new Intl.DisplayNames([locale], { type: 'region' });
    const field = (name: Field, label: string, input: unknown) => html`<div class="field">
      <label part="label" for=${name}>${name === 'phone' || name === 'message' ? `${label} ${t.optional}` : label}</label>
      ${input}
      ${errors[name] ? html`<p part="field-error" class="field-error" id="${name}-error">${errors[name]}</p>` : nothing}
    </div>`;
    const attrs = (name: Field) => ({
      invalid: errors[name] ? 'true' : 'false',
      describedby: errors[name] ? `${name}-error` : nothing,
    });
    return html`<form part="form" class="form" novalidate @submit=${this._submit} @input=${this._onInput}>
      <p class="summary">
        <strong>${whenLabel(o, this._viewerZone, locale)}</strong>
        ${service.timezone !== this._viewerZone ? html`<br /><span class="muted">${format(t.serviceTime, { time: whenLabel(o, service.timezone, locale), zone: isolate(cityOf(service.timezone)) })}</span>` : nothing}
      </p>
      ${field('name', t.name, html`<input part="input" id="name" name="name" autocomplete="name" required .value=${v.name} aria-invalid=${attrs('name').invalid} aria-describedby=${attrs('name').describedby} />`)}
      ${field('email', t.email, html`<input part="input" id="email" name="email" type="email" autocomplete="email" required .value=${v.email} aria-invalid=${attrs('email').invalid} aria-describedby=${attrs('email').describedby} />`)}
      ${field(
        'phone',
        t.phone,
        html`<div class="phone">
          <select part="input" name="country" aria-label=${t.country} .value=${country}>
            ${COUNTRY_CODES.map(([iso, code]) => html`<option value=${iso} ?selected=${iso === country}>${regions.of(iso)} +${code}</option>`)}
          </select>
          <input part="input" id="phone" name="phone" type="tel" autocomplete="tel" .value=${v.phone} aria-invalid=${attrs('phone').invalid} aria-describedby=${attrs('phone').describedby} />
        </div>`,
      )}
      ${field('message', t.message, html`<textarea part="input" id="message" name="message" rows="3" .value=${v.message} aria-invalid=${attrs('message').invalid} aria-describedby=${attrs('message').describedby}></textarea>`)}
      ${this._error ? this._renderError(this._error, t) : nothing}
      <div class="actions">
        <button part="button" type="button" class="secondary" @click=${this._back}>${t.back}</button>
        <button part="submit" type="submit" class="primary" aria-disabled=${this._busy || this._waiting() ? 'true' : 'false'} aria-busy=${this._busy ? 'true' : 'false'}>
          ${this._busy ? t.booking : t.book}
        </button>
      </div>
    </form>`;
  }

  private _onInput = (e: Event) => {
    const target = e.target as HTMLInputElement;
    const name = target.name as Field | 'country';
    this._values = { ...this._values, [name]: target.value };
    if (name in this._fieldErrors) {
      const { [name as Field]: _, ...rest } = this._fieldErrors;
      this._fieldErrors = rest;
    }
  };

  private _back = () => {
    this._key = '';
    this._error = null;
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.slot')?.focus());
  };

  private _waiting() {
    return this._retryAt > Date.now();
  }

  private _renderError(e: ReserveKitError, t: Strings) {
    const retry = e.code === 'network' || e.code === 'timeout' || e.code === 'server' || e.code === 'bad_response';
    return html`<div part="alert" class="alert" role="alert">
      <p>${this._message(e, t)}</p>
      ${retry && this._key ? html`<button part="button" class="secondary" type="button" @click=${this._submit}>${t.retry}</button>` : nothing}
    </div>`;
  }

  private _message(e: ReserveKitError, t: Strings): string {
    switch (e.code) {
      case 'slot_full':
        return t.slotFull;
      case 'duplicate':
        return t.duplicate;
      case 'rate_limited': {
        const seconds = Math.max(0, Math.ceil((this._retryAt - Date.now()) / 1000));
        return seconds ? format(t.rateLimited, { seconds: seconds.toLocaleString(this._locale) }) : t.rateLimitedDone;
      }
      case 'network':
        return t.network;
      case 'timeout':
        return t.timeout;
      case 'unauthorized':
      case 'not_found':
        return t.unavailable;
      case 'validation':
        return t.validationSummary;
      default:
        return t.error;
    }
  }

  private _renderDone({ occurrence: o, booking }: Done, service: Service, t: Strings) {
    const locale = this._locale;
    return html`<section part="confirmation" class="done" aria-labelledby="rk-done">
      <h3 id="rk-done" tabindex="-1" data-focus>${t.bookedHeading}</h3>
      <p>${format(t.bookedText, { service: service.name, ...when(o, this._viewerZone, locale) })}</p>
      ${service.timezone !== this._viewerZone
        ? html`<p class="muted">${format(t.serviceTime, { time: whenLabel(o, service.timezone, locale), zone: isolate(cityOf(service.timezone)) })}</p>`
        : nothing}
      ${booking ? nothing : html`<p class="muted">${t.foundEarlier}</p>`}
      <button part="button" class="secondary" @click=${this._another}>${t.bookAnother}</button>
    </section>`;
  }

  private _another = () => {
    this.reset();
    this._moveFocus = true;
  };

  // ---- booking ------------------------------------------------------------------------------

  private _current(): Occurrence | undefined {
    const loaded = this._load.value;
    if (!loaded || !this._key) return;
    return this._plan(loaded).day(this._date).find((o) => o.key === this._key);
  }

  private _submit = async (e?: Event) => {
    e?.preventDefault();
    if (this._busy || this._waiting()) return;
    const o = this._current();
    if (!o) return;
    const t = this._t();
    const v = this._values;
    const country = COUNTRY_CODES.find(([iso]) => iso === (v.country || defaultCountryFor(this._locale)));
    const phone = v.phone.trim() ? normalizePhone(v.phone, country?.[1]) : ({ ok: true, e164: '' } as const);
    const problems = validateBooking({ name: v.name, email: v.email, phone: phone.ok ? phone.e164 : '+', message: v.message }, { requireName: true, requireEmail: true });
    const fieldErrors: Partial<Record<Field, string>> = {};
    for (const f of FIELDS) if (problems[f]) fieldErrors[f] = fieldMessage(t, f, problems[f]!);
    this._fieldErrors = fieldErrors;
    if (Object.keys(fieldErrors).length) {
      this._error = null;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const payload: CreateBookingInput = { date: o.serviceDate, time_slot_id: o.slot.id, customer_name: v.name.trim(), customer_email: v.email.trim() };
    if (phone.ok && phone.e164) payload.customer_phone = phone.e164;
    if (v.message.trim()) payload.message = v.message.trim();
    if (!emit(this, 'rk-before-submit', { payload }, true)) return;

    this._busy = true;
    this._error = null;
    try {
      const booking = await createBooking(this._options, payload, { serviceId: this.serviceId });
      this._succeed(o, booking, payload);
    } catch (error) {
      const err = asError(error);
      // A retry after an unknown outcome that meets "duplicate" means the first attempt landed.
      if (err.code === 'duplicate' && this._uncertainKey === o.key) return this._succeed(o, null, payload);
      // Did the request reach ReserveKit? Unknown after a network error, a timeout, or a proxy's 502/504.
      const unknown = err.code === 'network' || err.code === 'timeout' || err.status === 502 || err.status === 504;
      this._uncertainKey = unknown ? o.key : '';
      this._fail(err, o);
    } finally {
      this._busy = false;
    }
  };

  private _succeed(o: Occurrence, booking: Booking | null, payload: CreateBookingInput) {
    this._busy = false;
    this._done = { occurrence: o, booking };
    this._error = null;
    this._uncertainKey = '';
    this._moveFocus = true;
    this._availability.run();
    emit(this, 'rk-booked', {
      ...this._detail(o),
      booking,
      bookingId: booking?.id ?? null,
      customer: { name: payload.customer_name ?? '', email: payload.customer_email ?? '', phone: payload.customer_phone ?? '' },
      message: payload.message ?? '',
    });
    if (!this.redirectUrl) return;
    const url = this.redirectUrl.replaceAll('{booking_id}', encodeURIComponent(String(booking?.id ?? ''))).replaceAll('{date}', o.serviceDate);
    let target: URL | undefined;
    try {
      target = new URL(url, location.href);
    } catch {
      // Reported below, like any other address we won't follow.
    }
    // Only web addresses: a `javascript:` URL in the attribute must not become script.
    if (target && /^https?:$/.test(target.protocol)) this.navigate(target.href);
    else warnOnce(`redirect-url="${this.redirectUrl}" is not an http(s) address; staying on the page.`);
  }

  /** Navigates the top page; a method so a host (or a test) can override it. */
  navigate(url: string) {
    (window.top ?? window).location.assign(url);
  }

  private _fail(err: ReserveKitError, o: Occurrence) {
    this._error = err;
    const t = this._t();
    if (err.code === 'slot_full') {
      this._full = new Set(this._full).add(o.key);
      this._availability.run();
      this._key = '';
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.slot:not([aria-disabled])')?.focus());
    } else if (err.code === 'validation' && err.fields) {
      const map: Record<string, Field> = { customer_name: 'name', customer_email: 'email', customer_phone: 'phone', message: 'message', name: 'name', email: 'email', phone: 'phone' };
      const fieldErrors: Partial<Record<Field, string>> = {};
      for (const [k, msg] of Object.entries(err.fields)) if (map[k]) fieldErrors[map[k]] = msg;
      this._fieldErrors = fieldErrors;
    } else if (err.code === 'rate_limited') {
      this._retryAt = Date.now() + (err.retryAfter ?? 10) * 1000;
      clearInterval(this._timer);
      this._timer = setInterval(() => {
        this._tick++;
        if (!this._waiting()) clearInterval(this._timer);
      }, 1000);
    } else if (err.code === 'unauthorized' || err.code === 'not_found') {
      console.error(`[reservekit-booking] The booking was refused (${err.status ?? err.code}): ${err.message}. ${this._keyHint()}`);
    }
    emit(this, 'rk-error', { code: err.code, message: this._message(err, t), status: err.status });
  }

  private _reportLoadError(error: unknown) {
    const err = asError(error);
    if (err.code === 'unauthorized') {
      console.error(`[reservekit-booking] The API refused the key (HTTP ${err.status}). ${this._keyHint()}`, err);
    } else if (err.code === 'not_found') {
      console.error(`[reservekit-booking] Service "${this.serviceId}" was not found at ${this.apiBase}: check service-id.`, err);
    } else if (err.code === 'bad_response') {
      console.error('[reservekit-booking] The API answered in an unexpected shape.', err.cause ?? err);
    }
    emit(this, 'rk-error', { code: err.code, message: this._message(err, this._t()), status: err.status });
  }

  private _keyHint() {
    return this._proxied()
      ? `api-base points at your proxy (${this.apiBase}): check the secret key configured on the server and its allow-listed services.`
      : 'Check service-id, api-key and the domains the key is restricted to.';
  }

  /** True when api-base is the site's own proxy rather than ReserveKit itself (SPEC 6). */
  private _proxied() {
    return !!this.apiBase && new URL(this.apiBase, location.href).origin !== new URL(DEFAULT_API_BASE).origin;
  }

  private _prefillFromUrl() {
    const params = new URLSearchParams(location.search);
    const name = params.get('customer_name');
    const email = params.get('customer_email');
    if (name && !this._values.name) this._values = { ...this._values, name };
    if (email && !this._values.email) this._values = { ...this._values, email };
  }
}

function asError(error: unknown): ReserveKitError {
  return error instanceof ReserveKitError ? error : new ReserveKitError('bad_response', String((error as Error)?.message ?? error), { cause: error });
}

function fieldMessage(t: Strings, field: Field, problem: string): string {
  if (problem === 'required') return field === 'name' ? t.nameRequired : t.emailRequired;
  if (problem === 'too_long') return format(field === 'name' ? t.nameTooLong : t.messageTooLong, { max: field === 'name' ? 200 : 1000 });
  return field === 'email' ? t.emailInvalid : field === 'phone' ? t.phoneInvalid : t.nameRequired;
}

let zones: string[] | undefined;
function zoneList(): string[] {
  return (zones ??= (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? ['UTC']);
}
/** Keeps a Latin zone name whole inside right-to-left text. */
const isolate = (text: string) => `\u2068${text}\u2069`;
const cityOf = (zone: string) => zone.replace(/^.*\//, '').replaceAll('_', ' ');
const zoneLabel = (zone: string) => cityOf(zone) + (zone.includes('/') ? ` (${zone})` : '');

/** Was luxon setZone/setLocale/toLocaleString: ~40 µs a time (a zone offset via formatToParts each); 50 slots x 4 times a render. */
function timeRange(o: Occurrence, zone: string, locale: string) {
  const f = fmt(locale, zone, 'time');
  return `${f.format(o.startMs)} – ${f.format(o.endMs)}`;
}

function when(o: Occurrence, zone: string, locale: string) {
  return { date: fmt(locale, zone, 'hugeDate').format(o.startMs), time: timeRange(o, zone, locale) };
}

function whenLabel(o: Occurrence, zone: string, locale: string) {
  const { date, time } = when(o, zone, locale);
  return `${date}, ${time}`;
}
