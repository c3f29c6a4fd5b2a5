import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { Task } from '@lit/task';
import { DEFAULT_API_BASE, type ClientOptions } from '../../api/http.js';
import { createBooking, getAvailability, getService, listServiceTimeSlots } from '../../api/widget-calls.js';
import { ReserveKitError, asError, isUncertain, isUnavailable } from '../../api/errors.js';
import { inlineScript, readInitialData, type InitialData } from '../../api/initial-data.js';
import type { Availability, Booking, CreateBookingInput, Service, TimeSlot } from '../../api/schemas.js';
import { createSchedule, type Occurrence, type Schedule } from '../../schedule/index.js';
import { DAY, MINUTE, isoDate } from '../../schedule/dates.js';
import { WallClock } from '../../schedule/zone.js';
import { CountdownController } from '../shared/countdown-controller.js';
import { emit } from '../shared/events.js';
import { FocusController } from '../shared/focus-controller.js';
import { warmIntl } from '../shared/format.js';
import { LocaleController } from '../shared/locale-controller.js';
import { PerfMarks } from '../shared/perf-marks.js';
import { warnOnce } from '../shared/warn.js';
import { isZone, matchZone, viewerZone } from '../shared/zones.js';
import type { Strings } from '../../i18n/index.js';
import { styles } from './booking.styles.js';
import { PICKING, chosenKey, occurrenceDetail, redirectTarget, type Step } from './flow.js';
import { checkForm, emptyValues, prefillFromUrl, serverFieldErrors, type Field, type FieldMessages, type FormValues } from './form-data.js';
import { errorMessage } from './messages.js';
import { addMonths, monthOf } from './month.js';
import { pickerState, type PickerState } from './picker-state.js';
import { alertView, loadingView } from './views/alert.js';
import { calendarView } from './views/calendar.js';
import { confirmationView } from './views/confirmation.js';
import { formView } from './views/form.js';
import { slotListView } from './views/slots.js';
import { whenView } from './views/when.js';
import { zoneView } from './views/zone.js';

interface Loaded {
  service: Service;
  slots: TimeSlot[];
}

/** A zone chosen in the switcher is remembered for the visit (in memory only: no storage). */
let rememberedZone = '';
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));
const byKey = (a: Availability) => new Map(a.availability.map((e) => [`${e.time_slot_id}@${e.date}`, e.remaining]));
const noop = () => {};
const idle = (cb: () => void) => ((globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((f: () => void) => setTimeout(f, 50)))(cb);

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

  /** `static properties` rather than decorators, whose runtime would weigh on the script bundle. */
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
    _zonePicker: { state: true },
    _month: { state: true },
    _focus: { state: true },
    _date: { state: true },
    _step: { state: true },
    _values: { state: true },
    _fieldErrors: { state: true },
    _error: { state: true },
    _full: { state: true },
  };

  /** The ReserveKit service to book (required). */
  serviceId = '';
  /** API root (default `https://api.reservekit.io`), or your own proxy endpoint such as `/api/booking`. */
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
  /** After success, navigate the top page here (the widget's own frame when the top page is another site's); `{booking_id}` and `{date}` are filled in. */
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

  /** The zone chosen in the switcher. */
  private _zone = '';
  private _zonePicker = false;
  /** The month shown and the day in the grid's tab order, when the visitor moved them. */
  private _month = '';
  private _focus = '';
  /** The chosen day (viewer-local). */
  private _date = '';
  private _step: Step = PICKING;
  private _values: FormValues = emptyValues();
  private _fieldErrors: FieldMessages = {};
  private _error: ReserveKitError | null = null;
  /** Occurrences the API said are full, for the rest of the visit. */
  private _full = new Set<string>();

  #locale = new LocaleController(this, { attribute: () => this.locale, overrides: () => this.strings });
  #wait = new CountdownController(this);
  #focus = new FocusController(this);
  #perf = new PerfMarks(this, () => !!this.#load.value);
  /** A POST is on its way: a second one must not start (double clicks, a Retry meanwhile). */
  #sending = false;
  /** The occurrence whose last POST ended without a readable answer: it may have been booked. */
  #uncertain = '';

  // Derived in willUpdate, once per update, from the properties and state above.
  #zone = 'UTC';
  #today = '';
  #schedule?: Schedule;
  #scheduleFor: unknown[] = [];
  /** What the calendar and slot list show. */
  #shown?: PickerState;
  #chosen?: Occurrence;
  #warmed: [Schedule?, string?] = [];
  /** Settles once the page's Intl data is loaded (see connectedCallback); nothing formats a date before. */
  #intl?: Promise<void>;
  #intlReady = false;
  /** The data is in (inline, or parsed) and its render is next: no shell to draw first. */
  #dataIn = false;
  /** The page's inline data (a child `<script type="application/json">`), read once: null when absent or refused. */
  #initial?: Promise<InitialData | null>;

  /** Service and slots in parallel, with the translation: one round trip to an interactive calendar. */
  #load = new Task(this, {
    task: async ([id], { signal }): Promise<Loaded> => {
      if (!id) throw new ReserveKitError('not_found', 'The service-id attribute is missing.');
      const inline = await this.#inlineData(id);
      this.#dataIn = !!inline;
      const options = this.#options();
      const [service, slots] = inline ? [inline.service, inline.slots] : await Promise.all([getService(options, id, { signal }), listServiceTimeSlots(options, id, { signal })]);
      await Promise.all([this.#locale.ready, this.#intl]);
      if (!isZone(service.timezone)) throw new ReserveKitError('bad_response', `Unknown service timezone "${service.timezone}"`);
      // The render that shows the data gets a task of its own, apart from the one that parsed it or warmed Intl.
      this.#dataIn = true;
      await nextTask();
      return { service, slots };
    },
    args: () => [this.serviceId, this.apiBase, this.apiKey, this.fetch] as const,
    onComplete: ({ service, slots }) => {
      this.#perf.data();
      emit(this, 'rk-ready', { service, slots });
    },
    onError: (error) => this.#reportLoadError(error),
  });

  /**
   * Places left per occurrence, from our proxy. The plain ReserveKit API has no such endpoint,
   * so this only runs when `api-base` points elsewhere, and its failure is silent.
   */
  #availability = new Task(this, {
    task: async ([id, , , , , daysAhead, now], { signal }): Promise<Map<string, number>> => {
      const inline = id && (await this.#inlineData(id))?.availability;
      if (inline) return byKey(inline);
      if (!id || !this.#proxied()) return new Map();
      const at = +now();
      let answer: Availability;
      try {
        answer = await getAvailability(this.#options(), id, { from: isoDate(at - DAY), to: isoDate(at + (daysAhead + 1) * DAY) }, { signal });
      } catch (error) {
        if ((error as Error).name === 'AbortError') throw error;
        return new Map();
      }
      // Its render (a whole month's places left) gets a task of its own too.
      await nextTask();
      return byKey(answer);
    },
    // Everything the task reads, so changing any of them asks again.
    args: () => [this.serviceId, this.apiBase, this.apiKey, this.fetch, this.clientOptions, this.daysAhead, this.now] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    // The page's first Intl call loads ICU's data (40-80 ms on a slow phone): a task of its own while
    // the requests are on their way, before anything formats a date; the calendar shell follows
    // in the next task, and the render with data after both.
    this.#intl ??= (async () => {
      await nextTask();
      void this.#locale.firstDay; // Intl.Locale: the bulk of ICU's start-up
      await nextTask();
      void this.#locale.rtl;
      warmIntl(this.#locale.value, viewerZone([this._zone, this.timezone, rememberedZone]));
      this.#intlReady = true;
      await nextTask();
      if (!this.#dataIn) this.requestUpdate();
    })();
    if (this.prefillFromUrl) this._values = prefillFromUrl(this._values, location.search);
  }

  /** The first render gets a task of its own, apart from the one that evaluated the script and upgraded the element. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.hasUpdated ? super.scheduleUpdate() : nextTask().then(() => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    this.#locale.serverUpdate();
    for (const [prop, field] of [
      ['customerName', 'name'],
      ['customerEmail', 'email'],
      ['customerPhone', 'phone'],
    ] as const) {
      // A prefill only replaces what the visitor has not changed.
      if (changed.has(prop) && this._values[field] === (changed.get(prop) ?? '')) this._values = { ...this._values, [field]: this[prop] };
    }
    if (changed.has('serviceId')) this.#resetFlow();
    if (changed.has('timezone') && this.hasUpdated) this._zone = '';
    if (changed.has('apiKey') && this.apiKey.startsWith('sk_rsv_') && !/^(localhost|127\.|\[::1\])/.test(globalThis.location?.hostname ?? '')) {
      warnOnce(
        'A secret sk_rsv_ key is visible to every visitor of this page. Use a publishable or domain-restricted key, or point api-base at the reservekit-booking/server proxy, which keeps the key on your server.',
      );
    }
    if (changed.has('timezone') && this.timezone && !isZone(this.timezone)) {
      warnOnce(`timezone="${this.timezone}" is not an IANA timezone (e.g. "Europe/Paris"); using the browser's.`);
    }
    this.#derive();
  }

  /** Viewer zone, today, schedule, shown month, its days and the chosen occurrence. */
  #derive() {
    if (!this.#intlReady) return;
    // The visitor's own choice wins; a zone chosen in another widget applies where the page set none.
    const zone = (this.#zone = viewerZone([this._zone, this.timezone, rememberedZone]));
    const now = this.now();
    const today = (this.#today = WallClock.for(zone).dateOf(+now));
    const loaded = this.#load.value;
    if (!loaded) return;
    // The schedule caches months, so it is rebuilt only when what it depends on changes.
    const deps = [loaded.slots, loaded.service.timezone, zone, this.minNotice, this.daysAhead, Math.floor(+now / MINUTE)];
    if (deps.some((d, i) => d !== this.#scheduleFor[i])) {
      this.#scheduleFor = deps;
      this.#schedule = createSchedule({ slots: loaded.slots, serviceZone: loaded.service.timezone, viewerZone: zone, now, minNoticeMinutes: this.minNotice, daysAhead: this.daysAhead });
    }
    const key = chosenKey(this._step);
    const picker = (this.#shown = pickerState({ plan: this.#schedule!, today, month: this._month, focus: this._focus, date: this._date, remaining: this.#remaining }));
    this.#chosen = key ? picker.dayList.find((o) => o.key === key) : undefined;
  }

  #remaining = (o: Occurrence): number | undefined => (this._full.has(o.key) ? 0 : this.#availability.value?.get(o.key));

  protected override updated() {
    // A month's first visit expands its occurrences: do it for the months beside the one shown while the page is idle, not on the click.
    const plan = this.#schedule;
    const month = this.#shown?.month ?? '';
    if (!plan || (plan === this.#warmed[0] && month === this.#warmed[1])) return;
    this.#warmed = [plan, month];
    idle(() => {
      for (const m of [addMonths(month, 1), addMonths(month, -1)]) if (m >= monthOf(plan.first) && m <= monthOf(plan.last)) plan.day(`${m}-01`);
    });
  }

  /** Back to a fresh calendar with the prefilled form: for "Book another time" and host pages. */
  reset() {
    this.#resetFlow();
    this._values = { ...emptyValues(), name: this.customerName, email: this.customerEmail, phone: this.customerPhone, country: this._values.country };
  }

  /** Forgets the visit's choices and outcomes; what the visitor typed stays. */
  #resetFlow() {
    this.#wait.stop();
    this._date = this._focus = this._month = this.#uncertain = '';
    this._step = PICKING;
    this._error = null;
    this._fieldErrors = {};
    this._full = new Set();
  }

  // ---- rendering ----------------------------------------------------------------------------

  override render() {
    const { t, value: locale } = this.#locale;
    // Before Intl is warm only the loading line shows: direction comes from Intl.Locale too. The line
    // sits in the same frame either way, so the node a server rendered (and hydration adopted) stays
    // the one shown, and announced once, until the data replaces it.
    const shell = () => this.#frame(loadingView(t), this.#intlReady ? this.#picker() : nothing);
    return html`<div part="base" class="rk" dir=${this.#intlReady ? (this.#locale.rtl ? 'rtl' : 'ltr') : nothing} lang=${locale}>
      ${this.#load.render({
        initial: shell,
        pending: () => (this.#load.value ? this.#loaded(this.#load.value) : shell()),
        complete: (loaded) => this.#loaded(loaded),
        error: (error) => {
          const e = asError(error);
          return alertView({ message: this.#message(e), onRetry: isUnavailable(e) ? undefined : this.#reload, retryLabel: t.retry, retryBlocked: this.#wait.active });
        },
      })}
    </div>`;
  }

  #loaded({ service }: Loaded) {
    const step = this._step;
    return this.#frame(
      html`<h2 part="title">${service.name}</h2>
        ${service.description ? html`<p part="description">${service.description}</p>` : nothing}`,
      step.is === 'done'
        ? confirmationView({ locale: this.#locale, serviceName: service.name, occurrence: step.occurrence, zone: this.#zone, serviceZone: service.timezone, foundEarlier: !step.booking, onAnother: this.#another })
        : this.#picker(service),
    );
  }

  /** Header and body: one template for the shell and the loaded widget, so the data fills in the shell's DOM. */
  #frame(header: unknown, body: unknown) {
    return html`<div part="header" class="header">${header}</div>
      ${body}`;
  }

  /** The calendar, times and form; without a service, the shell: this month's grid from the locale and the clock alone. */
  #picker(service?: Service) {
    const { t } = this.#locale;
    const zone = this.#zone;
    const today = this.#today;
    const picker = service && this.#shown;
    const chosen = service && this.#chosen;
    const error = this._error;
    const alert = error && alertView({ message: this.#message(error), onRetry: isUncertain(error) && chosenKey(this._step) ? this.#submit : undefined, retryLabel: t.retry });
    // One template with or without data, so the shell's grid is the one the data fills in.
    const calendar = picker
      ? { ...picker, max: this.#schedule!.last, selected: this._date, onPick: this.#pickDate, onMonth: (month: string) => this.#showMonth(month, false), onFocusDate: (date: string) => this.#showMonth(monthOf(date), true, date) }
      : { month: monthOf(today), focus: today, max: today, selected: '', dayState: () => 'none' as const, loading: true, onPick: noop, onMonth: noop, onFocusDate: noop };
    return html`
      ${service ? zoneView({ locale: this.#locale, zone, serviceZone: service.timezone, picking: this._zonePicker, onToggle: this.#toggleZones, onChoose: this.#chooseZone }) : nothing}
      <div class="picker">
        ${calendarView({ ...calendar, locale: this.#locale, today, min: today })}
        ${picker && this._date
          ? slotListView({ locale: this.#locale, date: this._date, zone, serviceZone: service.timezone, occurrences: picker.dayList, remaining: this.#remaining, selectedKey: chosenKey(this._step), onPick: this.#pickSlot })
          : html`<p class="hint muted">${t.chooseDate}</p>`}
      </div>
      ${chosen
        ? formView({ locale: this.#locale, summary: whenView(chosen, zone, service.timezone, this.#locale), values: this._values, errors: this._fieldErrors, alert,
            busy: this._step.is === 'sending', blocked: this.#wait.active, onInput: this.#onInput, onSubmit: this.#submit, onBack: this.#back })
        : alert || nothing}
    `;
  }

  #message(e: ReserveKitError) {
    return errorMessage(e, this.#locale.t, this.#wait.seconds, this.#locale.value);
  }

  // ---- the visitor's moves ------------------------------------------------------------------

  #reload = () => {
    if (this.#wait.active) return;
    this.#load.run();
    this.#availability.run();
  };

  #toggleZones = (open: boolean) => {
    this._zonePicker = open;
    this.#focus.after('[data-focus]');
  };

  #chooseZone = (typed: string) => {
    const match = matchZone(typed);
    if (!match) return;
    this._zone = rememberedZone = match;
    this._zonePicker = false;
    this._date = this._focus = '';
    this._step = PICKING;
  };

  #showMonth(month: string, focusGrid: boolean, focus = '') {
    if (month !== this.#shown?.month) this.#perf.interaction('month-change');
    this._month = month;
    this._focus = focus;
    this.#focus.after(focusGrid ? '[data-focus]' : '');
  }

  #pickDate = (date: string) => {
    this.#perf.interaction('day-select');
    this._date = this._focus = date;
    this._step = PICKING;
    this._error = null;
    emit(this, 'rk-date-select', { date });
    // Focus follows the visitor to the times of the chosen day.
    this.#focus.after('.slots button, .slots .empty');
  };

  #pickSlot = (o: Occurrence) => {
    this._step = { is: 'form', key: o.key };
    this._error = null;
    emit(this, 'rk-slot-select', occurrenceDetail(o, this.#zone));
    this.#focus.after('#name');
  };

  #onInput = (name: Field | 'country', value: string) => {
    this._values = { ...this._values, [name]: value };
    if (name in this._fieldErrors) {
      const { [name as Field]: _, ...rest } = this._fieldErrors;
      this._fieldErrors = rest;
    }
  };

  #back = () => {
    this._step = PICKING;
    this._error = null;
    this.#focus.after('.slot');
  };

  #another = () => {
    this.reset();
    this.#focus.after('[data-focus]');
  };

  // ---- booking ------------------------------------------------------------------------------

  #submit = async () => {
    const o = this.#chosen;
    if (this.#sending || this.#wait.active || !o) return;
    const { t, value: locale } = this.#locale;
    const form = checkForm(this._values, locale, t);
    this._fieldErrors = form.errors;
    if (Object.keys(form.errors).length) {
      this._error = null;
      this.#focus.after('[aria-invalid="true"]');
      return;
    }
    const payload: CreateBookingInput = { date: o.serviceDate, time_slot_id: o.slot.id, ...form.body };
    if (!emit(this, 'rk-before-submit', { payload }, true)) return;

    this.#sending = true;
    this._step = { is: 'sending', key: o.key };
    this._error = null;
    let booking: Booking | null = null;
    try {
      booking = await createBooking(this.#options(), payload, { serviceId: this.serviceId });
    } catch (error) {
      const err = asError(error);
      // After an attempt whose outcome we never learnt, "duplicate" means that attempt was booked.
      if (err.code !== 'duplicate' || this.#uncertain !== o.key) {
        this.#uncertain = isUncertain(err) ? o.key : '';
        return this.#fail(err, o);
      }
    } finally {
      this.#sending = false;
    }
    this.#succeed(o, booking, payload);
  };

  #succeed(o: Occurrence, booking: Booking | null, payload: CreateBookingInput) {
    this._step = { is: 'done', occurrence: o, booking };
    this._error = null;
    this.#uncertain = '';
    this.#focus.after('[data-focus]');
    this.#availability.run();
    emit(this, 'rk-booked', {
      ...occurrenceDetail(o, this.#zone),
      booking,
      bookingId: booking?.id ?? null,
      customer: { name: payload.customer_name ?? '', email: payload.customer_email ?? '', phone: payload.customer_phone ?? '' },
      message: payload.message ?? '',
    });
    const target = this.redirectUrl && redirectTarget(this.redirectUrl, booking?.id ?? null, o.serviceDate);
    if (!target) return;
    try {
      this.navigate(target);
    } catch (error) {
      // The booking stands whatever happens to the page: this is the owner's to fix, not the visitor's.
      warnOnce(`redirect-url could not be opened (${String(error)}); the booking was made.`);
    }
  }

  /**
   * Navigates the top page, or the widget's own frame when the top page belongs to another
   * site (a frame may not navigate it); a method so a host (or a test) can override it.
   */
  navigate(url: string) {
    try {
      (window.top ?? window).location.assign(url);
    } catch {
      location.assign(url);
    }
  }

  #fail(err: ReserveKitError, o: Occurrence) {
    this._error = err;
    if (this._step.is === 'sending') this._step = { is: 'form', key: o.key };
    if (err.code === 'slot_full') {
      this._full = new Set(this._full).add(o.key);
      this.#availability.run();
      this._step = PICKING;
      this.#focus.after('.slot:not([aria-disabled])');
    } else if (err.code === 'validation' && err.fields) {
      this._fieldErrors = serverFieldErrors(err.fields);
    } else if (err.code === 'rate_limited') {
      this.#wait.start(err.retryAfter ?? 10);
    } else if (isUnavailable(err)) {
      console.error(`[reservekit-booking] The booking was refused (${err.status ?? err.code}): ${err.message}. ${this.#keyHint()}`);
    }
    this.#emitError(err);
  }

  #reportLoadError(error: unknown) {
    const err = asError(error);
    if (err.code === 'unauthorized') {
      console.error(`[reservekit-booking] The API refused the key (HTTP ${err.status}). ${this.#keyHint()}`, err);
    } else if (err.code === 'not_found') {
      console.error(`[reservekit-booking] Service "${this.serviceId}" was not found at ${this.apiBase}: check service-id.`, err);
    } else if (err.code === 'bad_response') {
      console.error('[reservekit-booking] The API answered in an unexpected shape.', err.cause ?? err);
    } else if (err.code === 'rate_limited') {
      this.#wait.start(err.retryAfter ?? 10);
    }
    this.#emitError(err);
  }

  #emitError(err: ReserveKitError) {
    emit(this, 'rk-error', { code: err.code, message: this.#message(err), status: err.status });
  }

  #keyHint() {
    return this.#proxied()
      ? `api-base points at your proxy (${this.apiBase}): check the secret key configured on the server and its allow-listed services.`
      : 'Check service-id, api-key and the domains the key is restricted to.';
  }

  /**
   * The page's inline data for service `id`, read and checked once, in a task of its own (not the
   * first render's); undefined when absent, refused or for another service.
   */
  async #inlineData(id: string): Promise<InitialData | undefined> {
    this.#initial ??= inlineScript(this)
      ? nextTask().then(() => {
          try {
            return readInitialData(this) ?? null;
          } catch (error) {
            warnOnce(`The inline data was refused (${(error as Error).message}); loading from the API instead.`);
            return null;
          }
        })
      : Promise.resolve(null);
    const data = await this.#initial;
    if (data && String(data.service.id) !== String(id)) {
      warnOnce(`The inline data is for service ${data.service.id}, not service-id="${id}"; loading from the API instead.`);
      return undefined;
    }
    return data ?? undefined;
  }

  #options(): ClientOptions {
    return { ...this.clientOptions, apiBase: this.apiBase || DEFAULT_API_BASE, apiKey: this.apiKey || undefined, fetch: this.fetch };
  }

  /** True when api-base is the site's own proxy rather than ReserveKit itself. */
  #proxied() {
    return !!this.apiBase && new URL(this.apiBase, location.href).origin !== new URL(DEFAULT_API_BASE).origin;
  }
}
